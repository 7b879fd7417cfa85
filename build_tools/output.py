"""Where a build may write: never over its sources, one build at a time, no half-built folder left behind.

Used by the `build` and `export` commands, and by the MkDocs plugin before MkDocs empties `site_dir`.
"""

from __future__ import annotations

import fcntl
import logging
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

__all__ = ["STAGING_PREFIX", "StagedOutput", "build_lock", "clean_stale_staging", "swap_into", "unsafe_output"]

STAGING_PREFIX = ".site-build-"
"""Temporary folders a build writes before it swaps the result in."""
_LOCK_NAME = ".site-build.lock"


def unsafe_output(output: Path, protected: Mapping[str, Path]) -> str | None:
    """Why writing to `output` would overwrite sources, or None when it is safe.

    Args:
        output: The folder a build or export would replace.
        protected: Folders that hold sources, by the name shown to the user (`docs/`, `glossary/`,
            `the project folder`). `output` may not be one of them, hold one, or sit inside one
            (the project folder itself may hold the output, as `site/` does).
    """
    target = output.resolve()
    for name, folder in protected.items():
        source = folder.resolve()
        if target == source:
            return f"the output folder '{output.as_posix()}' is {name}; building there would replace your sources. Choose another folder, such as 'site'."
        if source.is_relative_to(target):
            return f"the output folder '{output.as_posix()}' holds {name}; building there would replace your sources. Choose another folder, such as 'site'."
        if target.is_relative_to(source) and name != "the project folder":
            return f"the output folder '{output.as_posix()}' is inside {name}; the build would read its own output as content. Choose a folder outside it, such as 'site'."
    return None


@contextmanager
def build_lock(folder: Path, *, timeout: float = 600.0) -> Iterator[None]:
    """Hold an exclusive lock on builds that write into `folder` (builds swapping at once would collide)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / _LOCK_NAME, "a+b") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"another build has been writing into '{folder.name}/' for {timeout:.0f} seconds; wait for it or stop it") from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def clean_stale_staging(folder: Path) -> int:
    """Remove staging folders left by builds that were killed; call it while holding `build_lock`."""
    stale = [path for path in folder.glob(f"{STAGING_PREFIX}*") if path.is_dir() and not path.is_symlink()]
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)
    return len(stale)


def swap_into(staging: Path, output: Path) -> None:
    """Replace `output` with the complete folder `staging` (both in the same parent folder)."""
    old = output.with_name(output.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    staging.rename(output)
    shutil.rmtree(old, ignore_errors=True)


class StagedOutput:
    """Build into a staging folder and swap it in only when the build ends without errors or counted warnings.

    MkDocs empties `site_dir` before it reads any page, and stops a strict build only after
    writing every page; staging keeps the last good site through both.
    """

    def __init__(self, output: Path, *, logger: str = "mkdocs") -> None:
        self.output = output
        self.output.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=output.parent))
        self._warnings = _Counter()
        self._logger = logging.getLogger(logger)
        self._logger.addHandler(self._warnings)

    @property
    def warnings(self) -> int:
        """Warnings logged since the build started (each one fails a strict build)."""
        return self._warnings.count

    def finish(self, *, strict: bool) -> bool:
        """Swap the staging folder in unless a strict build logged warnings; return whether it was swapped."""
        self._logger.removeHandler(self._warnings)
        if strict and self.warnings:
            shutil.rmtree(self.staging, ignore_errors=True)
            return False
        swap_into(self.staging, self.output)
        return True

    def discard(self) -> None:
        """The build failed: remove the staging folder and leave the output as it was."""
        self._logger.removeHandler(self._warnings)
        shutil.rmtree(self.staging, ignore_errors=True)


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
