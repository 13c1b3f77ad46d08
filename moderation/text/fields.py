"""The per-item text view every text detector shares: each field normalised once and scanned once.

Why one shared scan instead of one automaton per detector? The four text detectors read the same
fields; normalising and scanning them once (memoised in `ScanContext`) is what keeps the text path
within a small factor of a raw Aho-Corasick pass. Each detector then filters the hits of its family.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from moderation.detectors.base import ScanContext
from moderation.text.matcher import Hit, LexiconMatcher
from moderation.text.normalize import NormalizedText
from moderation.types import Recommendation, TextSpan

#: Clause boundaries of the ORIGINAL text (the canonical text has no punctuation).
CLAUSE_BREAKS = frozenset("，。！？；,.!?;\n")


@dataclass(frozen=True)
class FieldView:
    name: str
    norm: NormalizedText
    hits: tuple[Hit, ...]
    #: `norm.text`, stored as a plain attribute: every detector reads it, some per hit.
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.norm.text)

    def span(self, start: int, end: int, normalized: str | None = None) -> TextSpan:
        """Evidence for canonical [start, end), with offsets into the ORIGINAL field."""
        norm = self.norm
        a, b = norm.span(start, end)
        return TextSpan(self.name, a, b, norm.original[a:b],
                        normalized if normalized is not None else norm.text[start:end])

    def hit_span(self, hit: Hit) -> TextSpan:
        entry, start, end = hit.entry, hit.start, hit.end
        norm = self.norm
        label = entry.term.lower() if entry.kind == "term" else norm.text[start:end]
        a, b = norm.span(start, end)
        return TextSpan(self.name, a, b, norm.original[a:b], label)

    def label(self, hit: Hit) -> str:
        """What the hit stands for: the lexicon term, or the matched text of a regex entry."""
        return hit.entry.term.lower() if hit.entry.kind == "term" else self.norm.text[hit.start:hit.end]

    def closely_followed(self, hit: Hit, cue: Hit, reach: int, clauses: int = 1) -> bool:
        """Whether `cue` comes after `hit`, at most `reach` canonical characters later and at most
        `clauses` clause breaks of the original further on (说…能治病的都是骗局; 能包治百病，真的别信):
        how a debunking or refusing remark attaches to what it is about."""
        if cue.start < hit.end or cue.start - hit.end > reach:
            return False
        # '.' is left out of the count: evaders insert it into words (押.货), Chinese ends sentences with 。
        return sum(ch in CLAUSE_BREAKS and ch != "." for ch in self.original_between(hit, cue)) <= clauses

    def original_between(self, first: Hit, second: Hit) -> str:
        """The ORIGINAL text from the end of `first` to the start of `second` (empty if they overlap):
        where the punctuation the canonical text dropped still is."""
        lo = self.norm.span(first.start, first.end)[1]
        hi = self.norm.span(second.start, second.end)[0]
        return self.norm.original[lo:hi]

    def of_family(self, family: str) -> list[Hit]:
        return [h for h in self.hits if h.entry.family == family]


def field_views(rec: Recommendation, ctx: ScanContext, matcher: LexiconMatcher) -> tuple[FieldView, ...]:
    """Every text field of `rec`, normalised (memo key ("normalized", field)) and scanned."""

    def build() -> tuple[FieldView, ...]:
        views = []
        for name, text in rec.text_fields().items():
            norm = ctx.memo(("normalized", name), lambda text=text: matcher.normalizer.normalize(text))
            hits = ctx.memo(("lexicon_hits", matcher.lexicon.version, name),
                            lambda norm=norm: matcher.scan(norm.text, norm))
            views.append(FieldView(name, norm, hits))
        return tuple(views)

    return ctx.memo(("field_views", matcher.lexicon.version), build)


def elements(views: tuple[FieldView, ...], family: str, element: str) -> list[tuple[FieldView, Hit]]:
    return [(v, h) for v in views for h in v.hits if h.entry.family == family and h.entry.element == element]
