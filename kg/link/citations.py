"""Resolve citations to documents of the corpus.

A citation names its target by 文号 (exact once brackets are normalised) or by title.  Titles are
printed with variations: with or without the issuer (国务院办公厅关于…的意见), wrapped in a 印发/转发
notice (关于印发《X》的通知 cites the same thing as 《X》), with 《》/〈〉 inside, half-width brackets.
We index every corpus document under its 文号, its title, its attachment titles and the unwrapped
forms of each, and look citations up in that index; ambiguous titles resolve to nothing.
"""

from __future__ import annotations

import re

from kg.extract.citations import normalise_doc_number, normalise_title
from kg.model import Citation, Document

_WRAPPER_RE = re.compile(r"^(?:.*?)(?:关于)?(?:印发|转发|颁布|发布)(?P<inner>.+?)的(?:通知|决定|函)$")
_ISSUER_RE = re.compile(r"^.{2,40}?(?=关于)")


def title_keys(title: str) -> set[str]:
    """Comparable variants of a printed title (issuer dropped, 印发 wrapper unwrapped)."""
    base = normalise_title(title)
    keys = {base}
    m = _WRAPPER_RE.match(base)
    if m:
        keys.add(m.group("inner"))
        keys.add(re.sub(r"^.*?(?=关于)", "", m.group("inner")))
    for k in list(keys):
        keys.add(_ISSUER_RE.sub("", k))
    return {k for k in keys if len(k) >= 4}


def _index(corpus: list[Document]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    by_number: dict[str, set[str]] = {}
    by_title: dict[str, set[str]] = {}
    for doc in corpus:
        if doc.doc_number:
            by_number.setdefault(normalise_doc_number(doc.doc_number), set()).add(doc.key)
        titles = [doc.title, *doc.attachment_titles]
        if doc.attachment_title:
            titles.append(doc.attachment_title)
        for t in titles:
            for k in title_keys(t):
                by_title.setdefault(k, set()).add(doc.key)
    return by_number, by_title


def resolve_citations(citations: list[Citation], corpus: list[Document]) -> None:
    """Set ``resolved_key`` on each citation whose 文号 or title names exactly one corpus document."""
    by_number, by_title = _index(corpus)
    for c in citations:
        c.resolved_key = None
        if c.cited_doc_number:
            keys = by_number.get(normalise_doc_number(c.cited_doc_number), set())
            if len(keys) == 1:
                c.resolved_key = next(iter(keys))
                continue
        if c.cited_title:
            found: set[str] = set()
            for k in title_keys(c.cited_title):
                found |= by_title.get(k, set())
            if len(found) == 1:
                c.resolved_key = next(iter(found))
