"""Decode raw policy files: UTF-8 (with or without BOM) or GB18030/GBK, never a guess that garbles.

Government sites still publish GBK files.  GB18030 is a superset of GBK and GB2312, so one
attempt covers all three; we only accept it when the result looks like Chinese text, because
GB18030 decodes almost any byte string.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.errors import InputError
from kg.model import SourceFile
from kg.read.script import detect_traditional, reverse_table, to_simplified

_CJK_MIN_SHARE = 0.15  # of non-space chars, for a GB18030 decode to be believed


def _cjk_share(text: str) -> float:
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    cjk = sum(1 for c in chars if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return cjk / len(chars)


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError with the reason."""
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (NUL bytes), not a text file")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(path, f"undecodable: UTF-8 BOM but invalid UTF-8 at byte {exc.start + 3}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(path, "undecodable: UTF-16 byte-order mark but invalid UTF-16") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"undecodable: neither UTF-8 nor GB18030 (bad byte at {exc.start})") from None
    if _cjk_share(text) < _CJK_MIN_SHARE:
        raise InputError(path, "undecodable: not UTF-8, and as GB18030 it is not Chinese text")
    return text, "gb18030"


def read_source(path: Path) -> SourceFile:
    """Read one file from disk into a SourceFile (lines without line ends)."""
    name = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from None
    text, encoding = decode_bytes(data, str(path))
    control = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\r\n\t\f")
    if control > 0.01 * min(len(text), 20000):
        raise InputError(str(path), "binary file (control characters), not a text file")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    script, printed = "simplified", {}
    if detect_traditional(text):
        simplified = to_simplified(text)
        script, printed = "traditional", reverse_table(text, simplified)
        text = simplified
    lines = tuple(text.split("\n"))
    if lines and lines[-1] == "":
        lines = lines[:-1]
    return SourceFile(
        path=str(path),
        name=name,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        raw_lines=lines,
        script=script,
        printed=printed,
    )
