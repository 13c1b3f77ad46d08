"""Text normalisation with an offset map back to the original.

Every text detector matches on ONE canonical form of a field, and every hit must be shown to a
reviewer as a span of the ORIGINAL text. So the normaliser returns both: `NormalizedText.text` and
`NormalizedText.span(start, end)` mapping a canonical span back to original code-point offsets.

Evasions it undoes (the tables are data: `data/text_normalization.json`):

* width, compatibility and case forms (ＶＸ, ①, keycap 1️⃣, ℓ) — NFKC + lower case;
* 繁體 → 简体 (OpenCC t2s, applied per character so the offset map stays 1:1);
* characters and symbols inserted into a keyword (高*仿, 加 微 信, 代.理, U+200B, U+3000, emoji) — dropped;
* look-alike characters (髙, 蕞, Greek Α, Cyrillic о) and emoji that stand for a word (🐧, ➕, ✅) —
  a character table; emoji that stand for a character only in some places (V❤ is V信, but the ❤ in
  推❤️荐 is decoration) read as that character after the listed contexts and are dropped elsewhere;
* variant/homophone phrases (薇信, 扣扣, 冶疗, 减月巴, l:l) — a phrase table matched with Aho-Corasick;
* phone/QQ numbers spelt in Chinese digits (一三九…, 幺三八…, 壹叁捌…) — runs of ≥ 7 digits only, so
  that 第一, 一级 or 三个月 keep their meaning.

Why a per-character table rather than a chain of `re.sub` calls? Speed: the text path must scan
thousands of recommendations a second, and `str.translate` with a precomputed table is one C-level
pass. The offset map is built lazily — most texts have no hit, and then nobody needs it.
"""

from __future__ import annotations

import importlib.metadata
import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import ahocorasick
import opencc

_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
#: Characters outside the Basic Multilingual Plane (emoji, rare ideographs). The lookup lists cover
#: the BMP, computed up front, and the Supplementary Multilingual Plane (emoji), filled in when a
#: character is first seen. A text with a character beyond them (CJK extension B and later) is
#: translated with the self-filling dict table instead: same result, slower.
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_BMP = 0x10000
_CODEPOINTS = 0x20000
#: OpenCC t2s changes a text only where one of its dictionary keys whose (first) value differs from
#: the key occurs. Every such single-character key is found by converting each character alone
#: (`_t2s_gate`); the phrase keys of OpenCC 1.4.2's TSPhrases that contain none of those characters
#: (深沈 → 深沉, 回覆 → 回复, 瞭解 → 了解 …) all contain one of the characters below, which map to
#: themselves alone. A text with none of these characters converts to itself, so the (per call
#: costly) conversion is skipped. Derived from the dictionaries of this version only; with any other
#: OpenCC version the gate is off and every non-ASCII text is converted.
_T2S_GATE_VERSION = "1.4.2"
_T2S_PHRASE_CHARS = "哩坏沈甦瞭藉衹覆"
_T2S_KEY_RANGES = ((0x2E80, 0x2FDF), (0x3000, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF))
#: Marks for the offset map: each original character becomes one canonical character, none or several.
_DROP, _KEEP, _EXPAND = "\x00", "\x01", "\x02"
#: First of the characters standing for context-dependent emoji (`emoji_in_context`): Unicode
#: noncharacters (U+FDD0…), which never occur in interchanged text — private-use characters do (icon fonts).
_PLACEHOLDER_BASE = 0xFDD0
_EXPAND_B = _EXPAND.encode("latin-1")


def _is_ascii_alpha(ch: str) -> bool:
    return "a" <= ch <= "z" or "A" <= ch <= "Z"


@dataclass
class NormalizedText:
    """A canonical string plus, for each canonical character, the original span it came from.

    `starts[i]`/`ends[i]` are original code-point offsets of canonical character i. They are computed
    on first use (`_build`), because a text with no hit never needs them. `_ends` may stay None while
    `_starts` is set: then every canonical character comes from exactly one original character
    (`ends[i] == starts[i] + 1`, the usual case) and the list is only built if someone asks for it.
    """

    original: str
    text: str
    _build: Callable[[], tuple[list[int], list[int] | None]] | None = field(default=None, repr=False)
    _starts: list[int] | None = field(default=None, repr=False)
    _ends: list[int] | None = field(default=None, repr=False)

    def _starts_list(self) -> list[int]:
        starts = self._starts
        if starts is None:
            if self._build is None:  # identity: canonical == original
                starts = self._starts = list(range(len(self.text)))
                self._ends = None
            else:
                starts, self._ends = self._build()
                self._starts = starts
                self._build = None
        return starts

    def _maps(self) -> tuple[list[int], list[int]]:
        starts = self._starts_list()
        ends = self._ends
        if ends is None:
            ends = self._ends = [s + 1 for s in starts]
        return starts, ends

    @property
    def starts(self) -> list[int]:
        return self._maps()[0]

    @property
    def ends(self) -> list[int]:
        return self._maps()[1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) covering canonical [start, end). An empty span maps to an empty one."""
        starts = self._starts
        if starts is None:
            starts = self._starts_list()
        if 0 <= start < end <= len(starts):  # the usual case: a hit inside the text
            ends = self._ends
            return (starts[start], starts[end - 1] + 1 if ends is None else ends[end - 1])
        starts, ends = self._maps()
        if not starts:
            return (0, 0)
        start = max(0, min(start, len(starts)))
        end = max(start, min(end, len(starts)))
        if start == end:
            pos = starts[start] if start < len(starts) else len(self.original)
            return (pos, pos)
        return (starts[start], ends[end - 1])

    def original_text(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.original[a:b]


class _CharTable(dict):
    """codepoint → replacement (str, possibly empty). Missing characters are computed once and cached,
    so `str.translate` runs at C speed after warm-up and any Unicode input is handled."""

    def __init__(self, compute: Callable[[str], str]):
        super().__init__()
        self._compute = compute

    def __missing__(self, cp: int) -> str:
        value = self[cp] = self._compute(chr(cp))
        return value


@dataclass(frozen=True)
class NormalizationTables:
    version: str
    keep_symbols: frozenset[str]
    drop_chars: frozenset[str]
    char_map: Mapping[str, str]
    emoji_map: Mapping[str, str]
    phrase_map: Mapping[str, str]
    chinese_digits: Mapping[str, str]
    digit_run_min: int
    #: emoji → (the character it reads as, the canonical contexts right before it where it does)
    emoji_in_context: Mapping[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NormalizationTables:
        return cls(
            version=str(data["version"]),
            keep_symbols=frozenset(data.get("keep_symbols", [])),
            drop_chars=frozenset(data.get("drop_chars", [])),
            char_map=dict(data.get("char_map", {})),
            emoji_map=dict(data.get("emoji_map", {})),
            phrase_map=dict(data.get("phrase_map", {})),
            chinese_digits=dict(data.get("chinese_digits", {})),
            digit_run_min=int(data.get("digit_run_min", 7)),
            emoji_in_context={emoji: (str(rule["reads"]), tuple(rule["after"]))
                              for emoji, rule in data.get("emoji_in_context", {}).items() if not emoji.startswith("_")},
        )

    @classmethod
    def load_default(cls) -> NormalizationTables:
        raw = resources.files("moderation.data").joinpath("text_normalization.json").read_text(encoding="utf-8")
        return cls.from_dict(json.loads(raw))


class Normalizer:
    """Builds the canonical form of a text. Build once per process (`default_normalizer()`); it is
    immutable after construction apart from its per-character cache."""

    def __init__(self, tables: NormalizationTables | None = None):
        self.tables = tables or NormalizationTables.load_default()
        self.version = self.tables.version
        # Each emoji of `emoji_in_context` becomes a noncharacter placeholder in the per-character
        # pass; the phrase pass then reads it after its contexts (v + ❤ → v信) and drops it elsewhere.
        self._placeholders = {emoji: chr(_PLACEHOLDER_BASE + k)
                              for k, emoji in enumerate(self.tables.emoji_in_context)}
        self._placeholder_chars = frozenset(self._placeholders.values())
        self._t2s = opencc.OpenCC("t2s")
        self._t2s_chars = self._bulk_t2s()
        self._t2s_gate = self._build_t2s_gate()
        self._table = _CharTable(self._char)
        # Lookup lists over planes 0-1 (see `_CODEPOINTS`): `str.translate` indexes a list faster than
        # it looks a code point up in a dict (no hashing, no `__missing__` hook), and the offset map
        # can be read off a second translate (which characters were kept, dropped or expanded)
        # instead of a per-character loop. The BMP is computed here (~0.1 s); emoji when first seen.
        self._lookup: list[str | None] = [None] * _CODEPOINTS
        self._marks: list[str | None] = [None] * _CODEPOINTS
        for cp in range(_BMP):
            self._learn(cp)
        # Phrase keys are stated in canonical form already, but normalise them anyway so a key
        # written as 'ＶＸ' in the data file still matches.
        self._phrases = ahocorasick.Automaton()
        n_phrases = 0
        for key, value in itertools.chain(self.tables.phrase_map.items(), self._placeholder_phrases()):
            k = key.translate(self._table)
            v = value.translate(self._table)
            if k and k != v:
                self._phrases.add_word(k, (len(k), v, _is_ascii_alpha(k[0]), _is_ascii_alpha(k[-1])))
                n_phrases += 1
        if n_phrases:
            self._phrases.make_automaton()
        self._has_phrases = n_phrases > 0
        digits = "".join(sorted(self.tables.chinese_digits))
        self._digit_run = re.compile(f"[0-9{re.escape(digits)}]{{{self.tables.digit_run_min},}}")
        self._cn_digit_chars = frozenset(self.tables.chinese_digits)
        self._cn_digit = re.compile(f"[{re.escape(digits)}]") if digits else None
        self._digit_table = str.maketrans(dict(self.tables.chinese_digits))

    def _placeholder_phrases(self) -> list[tuple[str, str]]:
        """Phrase-table entries for the placeholders: read after a context, dropped elsewhere (the
        phrase pass prefers the longer, earlier key, so a placeholder after a context is read)."""
        phrases = []
        for emoji, (reads, contexts) in self.tables.emoji_in_context.items():
            mark = self._placeholders[emoji]
            phrases.append((mark, ""))
            for context in contexts:
                canon = context.translate(self._table)
                phrases.append((canon + mark, canon + reads))
        return phrases

    # ---- per-character pass -----------------------------------------------------------------

    def _bulk_t2s(self) -> dict[str, str]:
        """OpenCC is phrase-based; we need a per-character map so offsets stay 1:1. Convert each CJK
        block in one call and keep the result only where the lengths agree (they do for t2s)."""
        table: dict[str, str] = {}
        for lo, hi in _CJK_RANGES:
            chars = "".join(chr(c) for c in range(lo, hi + 1))
            converted = self._t2s.convert(chars)
            if len(converted) == len(chars):
                table.update((a, b) for a, b in zip(chars, converted, strict=True) if a != b)
            else:  # fall back to one call per character
                for a in chars:
                    b = self._t2s.convert(a)
                    if len(b) == 1 and b != a:
                        table[a] = b
        return table

    def _build_t2s_gate(self) -> tuple[re.Pattern[str], frozenset[str]] | None:
        """What OpenCC t2s could change (see `_T2S_PHRASE_CHARS`): a character class for the BMP
        (`re` checks it with a bitmap) and a set for astral characters (a class with them is slow)."""
        try:
            version = importlib.metadata.version("opencc")
        except importlib.metadata.PackageNotFoundError:
            return None
        if version != _T2S_GATE_VERSION:
            return None
        chars = [chr(c) for lo, hi in _T2S_KEY_RANGES for c in range(lo, hi + 1)]
        converted = self._t2s.convert("\n".join(chars)).split("\n")  # each character alone
        if len(converted) != len(chars):
            return None
        changing = {a for a, b in zip(chars, converted, strict=True) if a != b} | set(_T2S_PHRASE_CHARS)
        bmp = sorted(c for c in changing if ord(c) < _BMP)
        return (re.compile("[" + "".join(map(re.escape, bmp)) + "]"),
                frozenset(c for c in changing if ord(c) >= _BMP))

    def _t2s_may_change(self, text: str, astral: list[str]) -> bool:
        if self._t2s_gate is None:
            return True
        bmp, astral_chars = self._t2s_gate
        return bmp.search(text) is not None or not astral_chars.isdisjoint(astral)

    def _one(self, ch: str) -> str:
        """Canonical form of one already-NFKC'd character (no recursion)."""
        t = self.tables
        if ch in self._placeholders:
            return self._placeholders[ch]
        if ch in self._placeholder_chars:
            return ch
        if ch in t.emoji_map:
            return t.emoji_map[ch]
        if ch in t.char_map:
            return t.char_map[ch]
        if ch in t.drop_chars:
            return ""
        if ch in t.keep_symbols:
            return ch
        cat = unicodedata.category(ch)
        if cat[0] in "LN":
            ch = self._t2s_chars.get(ch, ch).lower()
            return t.char_map.get(ch, ch)
        return ""  # separators, punctuation, symbols, marks, format chars, emoji

    def _char(self, ch: str) -> str:
        # Emoji and look-alikes are checked before NFKC: NFKC would e.g. turn '❤️' apart.
        if ch in self.tables.emoji_map or ch in self.tables.char_map or ch in self._placeholders:
            out = self._one(ch)
        else:
            out = "".join(self._one(c) for c in unicodedata.normalize("NFKC", ch))
        # Iterate to a fixed point so the table is idempotent (a replacement is itself canonical).
        for _ in range(4):
            nxt = "".join(self._one(c) for c in unicodedata.normalize("NFKC", out))
            if nxt == out:
                break
            out = nxt
        return out

    def _learn(self, cp: int) -> None:
        value = self._table[cp]
        # Marks first: a filled `_lookup` entry is what tells another thread the character is known.
        self._marks[cp] = _KEEP if len(value) == 1 else _DROP if not value else _EXPAND
        self._lookup[cp] = value

    def _learn_astral(self, chars: list[str]) -> bool:
        """Fill the lookup lists for `chars`; False when one lies beyond them (use `_table`)."""
        lookup = self._lookup
        for ch in chars:
            cp = ord(ch)
            if cp >= _CODEPOINTS:
                return False
            if lookup[cp] is None:
                self._learn(cp)
        return True

    def simplified(self, text: str) -> str:
        """`text` in 简体 and nothing else changed (OpenCC t2s, skipped when it could change nothing):
        for readers that need the script folded but want punctuation and spelling kept, like the
        text model."""
        if text.isascii() or not self._t2s_may_change(text, _ASTRAL.findall(text)):
            return text
        return self._t2s.convert(text)

    def canonical_char(self, ch: str) -> str:
        return self._table[ord(ch)]

    # ---- whole text ------------------------------------------------------------------------

    def normalize(self, original: str) -> NormalizedText:
        source = original
        astral: list[str] = []
        if not original.isascii():
            astral = _ASTRAL.findall(original)
            if self._t2s_may_change(original, astral):
                # Phrase-aware t2s first (穿著 → 穿着, 乾燥 → 干燥, which a per-character map cannot
                # do); used only when it keeps the length, so the offset map stays 1:1.
                converted = self._t2s.convert(original)
                if len(converted) == len(original):
                    source = converted
                    astral = _ASTRAL.findall(source)
        listed = not astral or self._learn_astral(astral)
        text = source.translate(self._lookup if listed else self._table)
        if text == original:
            base: NormalizedText = NormalizedText(original, text)
        else:
            base = NormalizedText(original, text, _build=lambda: self._char_offsets(source, listed))
        edits = self._phrase_edits(text) if self._has_phrases else []
        for _ in range(3):  # a replacement may complete another phrase; stop at a fixed point
            if not edits:
                break
            base = self._apply_edits(base, edits)
            edits = self._phrase_edits(base.text)
        if self._cn_digit is not None and self._cn_digit.search(base.text):
            base = self._convert_digit_runs(base)
        return base

    def _char_offsets(self, original: str, listed: bool = True) -> tuple[list[int], list[int] | None]:
        if not listed:  # a character beyond the lookup lists: one step per character
            starts: list[int] = []
            ends: list[int] = []
            for i, ch in enumerate(original):
                k = len(self._table[ord(ch)])
                starts.extend([i] * k)
                ends.extend([i + 1] * k)
            return starts, ends
        # (`normalize` has learnt any astral character of `original` already.)
        # One C-level pass marks each character kept (the usual case), dropped or expanded.
        marks = original.translate(self._marks).encode("latin-1")
        n = len(original)
        if _EXPAND_B not in marks:  # one original character per canonical one: `ends` implied
            return list(itertools.compress(range(n), marks)), None
        # Some characters expand (an emoji that stands for a word): every canonical character it
        # yields maps back to it; the stretches between them are read off the marks as above.
        starts = []
        ends = []
        lookup = self._lookup
        pos = 0
        while True:
            i = marks.find(_EXPAND_B, pos)
            stop = n if i < 0 else i
            starts.extend(itertools.compress(range(pos, stop), marks[pos:stop]))
            ends.extend(itertools.compress(range(pos + 1, stop + 1), marks[pos:stop]))
            if i < 0:
                return starts, ends
            k = len(lookup[ord(original[i])] or "")
            starts.extend([i] * k)
            ends.extend([i + 1] * k)
            pos = i + 1

    def _phrase_edits(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, replacement), leftmost-longest."""
        found: list[tuple[int, int, str]] = []
        n = len(text)
        for end_idx, (length, value, left_alpha, right_alpha) in self._phrases.iter(text):
            start = end_idx - length + 1
            if left_alpha and start > 0 and _is_ascii_alpha(text[start - 1]):
                continue
            if right_alpha and end_idx + 1 < n and _is_ascii_alpha(text[end_idx + 1]):
                continue
            found.append((start, end_idx + 1, value))
        if not found:
            return []
        found.sort(key=lambda e: (e[0], -(e[1] - e[0])))
        edits: list[tuple[int, int, str]] = []
        last_end = -1
        for start, end, value in found:
            if start >= last_end:
                edits.append((start, end, value))
                last_end = end
        return edits

    @staticmethod
    def _apply_edits(base: NormalizedText, edits: list[tuple[int, int, str]]) -> NormalizedText:
        parts: list[str] = []
        pos = 0
        text = base.text
        for start, end, value in edits:
            parts.append(text[pos:start])
            parts.append(value)
            pos = end
        parts.append(text[pos:])
        # The offset map is composed only when a span is asked for (most edited texts need none).
        return NormalizedText(base.original, "".join(parts),
                              _build=lambda: Normalizer._edited_offsets(base, edits))

    @staticmethod
    def _edited_offsets(base: NormalizedText, edits: list[tuple[int, int, str]]) -> tuple[list[int], list[int]]:
        src_starts, src_ends = base.starts, base.ends
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for start, end, value in edits:
            starts.extend(src_starts[pos:start])
            ends.extend(src_ends[pos:start])
            if len(value) == end - start:  # same length: keep the 1:1 map
                starts.extend(src_starts[start:end])
                ends.extend(src_ends[start:end])
            else:  # every output char stands for the whole replaced span
                starts.extend([src_starts[start]] * len(value))
                ends.extend([src_ends[end - 1]] * len(value))
            pos = end
        starts.extend(src_starts[pos:])
        ends.extend(src_ends[pos:])
        return starts, ends

    def _convert_digit_runs(self, base: NormalizedText) -> NormalizedText:
        text = base.text
        pieces: list[str] = []
        pos = 0
        for m in self._digit_run.finditer(text):
            run = m.group()
            if self._cn_digit_chars.isdisjoint(run):
                continue
            pieces.append(text[pos : m.start()])
            pieces.append(run.translate(self._digit_table))  # 1:1, offsets unchanged
            pos = m.end()
        if not pieces:
            return base
        pieces.append(text[pos:])
        out = NormalizedText(base.original, "".join(pieces), _build=base._build,
                             _starts=base._starts, _ends=base._ends)
        return out


@lru_cache(maxsize=1)
def default_normalizer() -> Normalizer:
    """The process-wide normaliser (building the per-character t2s map takes ~50 ms)."""
    return Normalizer()


def normalize(text: str) -> NormalizedText:
    return default_normalizer().normalize(text)
