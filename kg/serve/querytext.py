"""Look at a SPARQL request's text before running it: is it an update, does it call SERVICE?

The endpoint is read-only and must not reach the network, so updates and federated SERVICE
calls are refused with a clear message instead of an opaque parser error.  Strings, IRIs and
comments are blanked first, so a literal that contains "DELETE" is not mistaken for an update.
"""

from __future__ import annotations

import re

_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'  # IRIs (a spaced '<' is an operator and does not match)
    r"|#[^\n]*",  # comments
    re.DOTALL,
)
_PROLOGUE = re.compile(r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<>|BASE\s+<>)\s*)*", re.IGNORECASE)
_FIRST_WORD = re.compile(r"[A-Za-z]+")

UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
QUERY_KEYWORDS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})


def blank_out(text: str) -> str:
    """The request text with strings, IRIs and comments replaced by empty tokens (``""``, ``<>``)."""

    def repl(match: re.Match[str]) -> str:
        token = match.group(0)
        if token.startswith("#"):
            return " "
        return "<>" if token.startswith("<") else '""'

    return _TOKENS.sub(repl, text)


def operation_keyword(text: str) -> str:
    """The first keyword after the prologue, upper-cased ('SELECT', 'INSERT' …), or '' if none."""
    body = _PROLOGUE.sub("", blank_out(text), count=1)
    match = _FIRST_WORD.search(body)
    return match.group(0).upper() if match else ""


def is_update(text: str) -> bool:
    """True when the text is a SPARQL Update request rather than a query."""
    return operation_keyword(text) in UPDATE_KEYWORDS


def uses_service(text: str) -> bool:
    """True when the query calls a remote endpoint with SERVICE (which would reach the network)."""
    return re.search(r"\bSERVICE\b", blank_out(text), re.IGNORECASE) is not None
