"""Evidence spans highlighted in place, built server-side from the ORIGINAL text.

The text is attacker-controlled, so it is never handed to the browser as HTML: we cut it into plain
string segments at the evidence offsets (Python `str` indices, as every detector reports them) and
the template autoescapes each piece. Overlapping spans are split at every boundary, so a segment
carries all the signals that cover it. A span whose offsets do not match the stored text (a stale
or buggy detector) is not drawn at a guessed place; it is listed as unplaced instead.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

KNOWN_FAMILIES = ("false_ad", "counterfeit", "mlm", "scan")


@dataclass(frozen=True)
class Mark:
    field: str
    start: int
    end: int
    family: str
    code: str
    score: float
    law: str | None

    @property
    def css_family(self) -> str:
        """Only our own family names reach a class attribute."""
        return self.family if self.family in KNOWN_FAMILIES else "other"

    @property
    def tip(self) -> str:
        return f"{self.code} · {self.score:.2f}" + (f" · {self.law}" if self.law else "")


@dataclass(frozen=True)
class Segment:
    text: str
    marks: tuple[Mark, ...] = ()

    @property
    def lead(self) -> Mark | None:
        """The strongest signal on this piece decides its colour."""
        return max(self.marks, key=lambda m: m.score) if self.marks else None

    @property
    def tip(self) -> str:
        return "; ".join(m.tip for m in self.marks)


def _spans_of(evidence: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    kind = evidence.get("kind")
    if kind in ("text_span", "contact"):
        yield evidence
    elif kind == "elements":
        yield from (s for s in evidence.get("spans", []) if isinstance(s, Mapping))


def marks_from_signals(signals: Iterable[Mapping[str, Any]], fields: Mapping[str, str]
                       ) -> tuple[list[Mark], list[Mapping[str, Any]]]:
    """(placeable marks, unplaced span evidence) for the given original fields."""
    marks: list[Mark] = []
    unplaced: list[Mapping[str, Any]] = []
    for sig in signals:
        evidence = sig.get("evidence")
        if not isinstance(evidence, Mapping):
            continue
        for span in _spans_of(evidence):
            field, start, end = span.get("field", "text"), span.get("start"), span.get("end")
            original = fields.get(str(field))
            ok = (
                original is not None and isinstance(start, int) and isinstance(end, int)
                and 0 <= start < end <= len(original)
                and (span.get("text") is None or original[start:end] == span.get("text"))
            )
            if not ok:
                unplaced.append(span)
                continue
            marks.append(Mark(str(field), start, end, str(sig.get("family", "")), str(sig.get("code", "")),
                              float(sig.get("score", 0.0)), sig.get("law")))
    return marks, unplaced


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """Split `text` at every mark boundary; concatenating the segments gives back `text` exactly."""
    marks = list(marks)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        covering = tuple(m for m in marks if m.start <= a and b <= m.end)
        out.append(Segment(text[a:b], covering))
    return out
