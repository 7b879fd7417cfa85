"""The theme's templates, compiled once per live preview instead of once per rebuild.

MkDocs makes a new Jinja environment for the theme on every build, and Material's search plugin
makes more, so every rebuild parses and compiles the theme's templates again (Material's
`main.html` and its partials, the 404 page, the language files): when a save renders a few pages,
that is about half the rebuild's time. Jinja's bytecode cache keeps the compiled code in memory.
Each template's code is filed under its name, its file and the environment's syntax settings, and
Jinja checks it against the template's source before use, so an edited template is compiled again.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.theme import Theme

from ..rebuilds import fingerprint

__all__ = ["TemplateCache"]


class TemplateCache(BytecodeCache):
    """Compiled templates in memory, for every Jinja environment a theme makes while the preview runs."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def attach(self, theme: Theme) -> None:
        """Give this build's theme environments the cache (the theme object is new in every build)."""
        make = theme.get_env

        def get_env() -> Environment:
            environment = make()
            environment.bytecode_cache = self
            return environment

        theme.get_env = get_env  # type: ignore[method-assign]

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        # The code Jinja makes depends on the environment's syntax and extensions as well as the source.
        bucket = Bucket(environment, fingerprint(self.get_cache_key(name, filename), _settings(environment, name)), self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _settings(environment: Environment, name: str) -> tuple[object, ...]:
    return (
        environment.block_start_string, environment.block_end_string, environment.variable_start_string, environment.variable_end_string,
        environment.comment_start_string, environment.comment_end_string, environment.line_statement_prefix, environment.line_comment_prefix,
        environment.trim_blocks, environment.lstrip_blocks, environment.newline_sequence, environment.keep_trailing_newline,
        tuple(sorted(environment.extensions)), environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape,
        environment.optimized, environment.is_async,
    )
