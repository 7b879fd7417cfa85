"""Links for editing and sharing from the browser: "Edit this entry" on GitHub, "Share to Google Classroom".

Both are plain links: nothing is loaded from another site until a teacher clicks one.
Their wording is in the `edit_link` and `share_link` macros of `parts.md.j2`; this module makes the addresses.
"""

from __future__ import annotations

from urllib.parse import quote

from markupsafe import Markup

from .model import Actor, Term
from .templating import PageTemplates, page_templates

__all__ = ["edit_link", "edit_url", "entry_source", "share_link"]

CLASSROOM_SHARE = "https://classroom.google.com/share?url="
"""Google Classroom's share page; it takes the address of the page to share."""


def entry_source(content_dir: str, entry: Term | Actor) -> str:
    """The YAML file an entry comes from, relative to the project root."""
    folder = "terms" if isinstance(entry, Term) else "actors"
    return f"{content_dir.strip('/')}/{folder}/{entry.id}.yml"


def edit_url(repo_url: str | None, edit_uri: str | None, docs_dir: str, path: str) -> str | None:
    """The address that opens `path` (relative to the project root) in GitHub's editor; None without a repository.

    `edit_uri` is MkDocs' setting, relative to the repository and pointing at the docs folder
    (`edit/main/docs/`); the part naming the docs folder is dropped to reach the project root.
    An empty `edit_uri` means GitHub's default, `edit/main/`.
    """
    if not repo_url or "://" not in repo_url or repo_url.rstrip("/").count("/") < 4:
        return None
    base = (edit_uri or "edit/main/").strip("/")
    docs = docs_dir.strip("/").rsplit("/", 1)[-1]
    if docs and base.endswith("/" + docs):
        base = base[: -len(docs) - 1]
    return f"{repo_url.rstrip('/')}/{base}/{quote(path)}"


def edit_link(url: str | None, templates: PageTemplates | None = None) -> str:
    """Markdown for the "Edit this entry" line, to add at the end of a page; empty without an address."""
    if not url:
        return ""
    # The address is built by `edit_url` from the site's settings and quoted: printed as it is.
    return "\n\n" + (templates or page_templates()).call("parts.md.j2", "edit_link", Markup(url))


def share_link(page_url: str | None, templates: PageTemplates | None = None) -> str:
    """Markdown for the "Share to Google Classroom" line, to add at the end of a page; empty when the page has no public address."""
    if not page_url or not page_url.startswith("https://"):
        return ""
    return "\n\n" + (templates or page_templates()).call("parts.md.j2", "share_link", Markup(CLASSROOM_SHARE + quote(page_url, safe="")))
