"""Browser tests that bring their own Chromium, each in a thread of its own.

Playwright's sync API allows one running instance per thread, and other test modules keep theirs
open for the whole session (a session-scoped `browser` fixture). A test that started a second one
in the same pytest worker would fail with "using Playwright Sync API inside the asyncio loop"; a
fresh thread has no event loop, so its Playwright starts cleanly whatever else runs.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from browser import launch_chromium
from playwright.sync_api import BrowserContext, sync_playwright

__all__ = ["chromium", "own_thread"]

T = TypeVar("T")


def own_thread(function: Callable[..., T]) -> Callable[..., T]:
    """Run `function` in a new thread and return its result or raise its exception (assertions, skips) here."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> T:
        outcome: dict[str, Any] = {}

        def target() -> None:
            try:
                outcome["value"] = function(*args, **kwargs)
            except BaseException as error:
                outcome["error"] = error

        thread = threading.Thread(target=target, name=function.__name__)
        thread.start()
        thread.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]  # type: ignore[no-any-return]

    return run


@contextmanager
def chromium(**options: Any) -> Iterator[BrowserContext]:
    """Debian's Chromium with one browser context (options as for `new_context`); closed on exit."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser.new_context(**options)
        finally:
            browser.close()
