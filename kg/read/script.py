"""Traditional-character input: read it as simplified, print it as it was.

Every rule downstream (文号 patterns, clause keywords, the agency register) is written in
simplified characters.  Rather than doubling each rule, a file that is mostly traditional is
converted character by character (a 1:1 table, so offsets and line numbers do not move), and a
reverse table taken from the file itself restores the printed characters in what we extract.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

_MIN_SHARE = 0.02  # of CJK characters that differ before a file counts as traditional


@cache
def _table() -> dict[int, str]:
    """Single-character traditional → simplified pairs (zhconv's zh-hans table)."""
    from zhconv import zhconv as z

    pairs = z.getdict("zh-hans")
    return {ord(k): v for k, v in pairs.items() if len(k) == 1 and len(v) == 1 and k != v}


def to_simplified(text: str) -> str:
    """Character-for-character conversion (same length, same offsets)."""
    return text.translate(_table())


def detect_traditional(text: str) -> bool:
    cjk = [c for c in text[:200000] if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return False
    table = _table()
    changed = sum(1 for c in cjk if ord(c) in table)
    return changed >= _MIN_SHARE * len(cjk)


def reverse_table(original: str, simplified: str) -> dict[str, str]:
    """For each simplified character that replaced something, the printed form seen most often."""
    seen: dict[str, Counter[str]] = {}
    for o, s in zip(original, simplified, strict=True):
        if o != s:
            seen.setdefault(s, Counter())[o] += 1
    return {s: counts.most_common(1)[0][0] for s, counts in sorted(seen.items())}


def restore(text: str | None, table: dict[str, str]) -> str | None:
    """Put the printed (traditional) characters back into an extracted string."""
    if not text or not table:
        return text
    return "".join(table.get(c, c) for c in text)
