"""Normalised text that still knows where every character came from.

Extractors run regular expressions over clean, joined text, but every fact we publish must point
back to a line of the original file.  ``Text`` keeps both: the joined string and, per character,
the 1-based line of the source file it was read from.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Line:
    """One logical line of normalised text (a paragraph, heading or table row)."""

    text: str
    start: int  # offset of the first character inside the owning Text
    line: int  # 1-based source line of the first character

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class Text:
    """A string of logical lines separated by ``\\n`` plus a per-character source-line map."""

    __slots__ = ("_lines", "_origin", "text")

    def __init__(self, text: str, origin: array) -> None:
        if len(text) != len(origin):
            raise ValueError("origin map must have one entry per character")
        self.text = text
        self._origin = origin
        self._lines: list[Line] | None = None

    @classmethod
    def from_pieces(cls, pieces: Iterable[tuple[str, int]]) -> Text:
        """Build from (logical line text, source line of each char) pieces.

        Each piece is either a plain ``(text, line)`` pair, or a ``(text, lines)`` pair where
        ``lines`` is a sequence giving the source line of every character.
        """
        chunks: list[str] = []
        origin = array("I")
        first = True
        for piece_text, where in pieces:
            if not first:
                chunks.append("\n")
                origin.append(origin[-1] if origin else 1)
            first = False
            chunks.append(piece_text)
            if isinstance(where, int):
                origin.extend([where] * len(piece_text))
            else:
                if len(where) != len(piece_text):
                    raise ValueError("per-character lines must match the text length")
                origin.extend(where)
        return cls("".join(chunks), origin)

    def __len__(self) -> int:
        return len(self.text)

    def line_at(self, offset: int) -> int:
        """Source line (1-based) of the character at ``offset`` (clamped to the text)."""
        if not self._origin:
            return 0
        offset = min(max(offset, 0), len(self._origin) - 1)
        return int(self._origin[offset])

    def lines(self) -> list[Line]:
        """Logical lines with their offsets, computed once."""
        if self._lines is None:
            out: list[Line] = []
            pos = 0
            for chunk in self.text.split("\n"):
                out.append(Line(chunk, pos, self.line_at(pos) if chunk else self.line_at(pos - 1)))
                pos += len(chunk) + 1
            self._lines = out
        return self._lines

    def __iter__(self) -> Iterator[Line]:
        return iter(self.lines())

    def slice(self, start: int, end: int) -> Text:
        """A sub-text that keeps the provenance of the characters it holds."""
        return Text(self.text[start:end], self._origin[start:end])

    def source_lines(self, start: int, end: int) -> tuple[int, int]:
        """First and last source line covered by ``text[start:end]``."""
        return self.line_at(start), self.line_at(max(start, end - 1))
