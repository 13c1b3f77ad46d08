"""Compile a `Lexicon` into one Aho-Corasick automaton and scan normalised text with it.

One automaton holds, for every entry, its canonical spelling AND the spellings evaders use, generated
at build time so that the scan stays a single pass:

* pinyin (高仿 → gaofang) and half-pinyin (高fang, zhao代理 …) for Chinese terms;
* allow-phrases and regex anchors, so context rules cost nothing extra. Allow-phrases get the same
  pinyin spellings and sound-alike matching as terms: an evader who writes jipin飞车 or 玳理记账 is
  writing 极品飞车 or 代理记账, and the context must still be seen;
* the pinyin spellings of the words a regex entry is made of (its anchors and the Chinese words of its
  alternations): when one occurs, the regex also runs over the text with those words spelt back in
  Chinese, so yuanshi亲自背书 meets the pattern written for 院士…背书.

One-character homophone swaps (消费反利 → 消费返利, 醉高级 → 最高级) are found through a *syllable
skeleton*: every common character (GB2312) is replaced by one representative of its toneless pinyin,
in the text and in the terms alike, so a skeleton hit is a stretch that sounds like a term. It counts
only when exactly one character differs from the term and the stretch is written contiguously. Why
not add every swapped spelling as a key? We did: 60k extra keys made pyahocorasick 6x slower (its trie
nodes search children linearly). Instead the automaton itself is built over skeletons: every spelling
is stored under its skeleton and the scan runs once over the skeleton of the text; a hit is literal
when the written stretch equals the spelling, a homophone when it differs in one character. One pass
serves both, and it is faster than a literal pass alone (one character per syllable means fewer
distinct children per trie node).
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import ahocorasick
from pypinyin import Style, lazy_pinyin

from moderation.text.lexicon import Lexicon, LexiconEntry, default_lexicon
from moderation.text.normalize import NormalizedText, Normalizer, default_normalizer

_TERM, _ALLOW, _ANCHOR, _RESPELL = 0, 1, 2, 3
#: Chinese words inside a regex's alternation groups, e.g. 见效 in (无效|不见效)…退(款|钱).
_ALTERNATION_WORD = re.compile(r"(?<=[(|])[\u4e00-\u9fff]{2,}(?=[|)])")
_START_END = operator.itemgetter(1, 2)
#: Pinyin-only keys shorter than this must not be glued to other latin letters (diyi in 'diyiabc').
_SHORT_PINYIN = 6
#: All-latin pinyin spellings of regex words shorter than this are not spelt back (see `_respelt_spellings`).
_RESPELL_MIN_LATIN = 5


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _is_latin(ch: str) -> bool:
    return "a" <= ch <= "z"


class _IdentityDefault(dict):
    """A translate table that caches misses as identity: `str.translate` on a plain dict raises and
    swallows a LookupError for every unmapped character, which is slower than the whole scan."""

    def __missing__(self, cp: int) -> str:
        value = self[cp] = chr(cp)
        return value


@lru_cache(maxsize=1)
def skeleton_table() -> dict[int, str]:
    """codepoint → representative character of its toneless pinyin syllable (GB2312 characters)."""
    table = _IdentityDefault()
    table.update({ord(ch): chars[0] for chars in homophone_classes().values() for ch in chars})
    return table


@lru_cache(maxsize=1)
def homophone_classes() -> dict[str, tuple[str, ...]]:
    """toneless pinyin syllable → common characters (GB2312 levels 1 and 2) with that reading."""
    classes: dict[str, list[str]] = defaultdict(list)
    for cp in range(0x4E00, 0x9FA6):
        ch = chr(cp)
        try:
            if len(ch.encode("gb2312")) != 2:
                continue
        except UnicodeEncodeError:
            continue
        syllable = lazy_pinyin(ch, style=Style.NORMAL)[0]
        if syllable.isalpha():
            classes[syllable].append(ch)
    return {k: tuple(v) for k, v in classes.items()}


class Hit(NamedTuple):
    """One lexicon hit: canonical offsets [start, end) and whether it was the literal spelling.

    Immutable like the frozen dataclass it was; a named tuple because the scan builds ~10 per field
    and a tuple is built at C speed (`_new_hit`), where a frozen dataclass's `__init__` is not."""

    entry: LexiconEntry
    start: int
    end: int
    variant: str  # "exact" | "pinyin" | "homophone" | "regex"


_new_hit = tuple.__new__


@dataclass(frozen=True, slots=True)
class _Key:
    kind: int
    index: int  # entry index (term/anchor) or allow-group index
    variant: str
    check_left: str  # "" | "latin" | "digit"
    check_right: str


def _glued_to_latin(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] touches another latin letter on either side."""
    return (start > 0 and _is_latin(text[start - 1])) or (end < len(text) and _is_latin(text[end]))


def _edge_check(ch: str) -> str:
    if _is_latin(ch):
        return "latin"
    if ch.isdigit():
        return "digit"
    return ""


class LexiconMatcher:
    """The compiled form of a lexicon. Build once per lexicon version (`matcher_for`)."""

    def __init__(self, lexicon: Lexicon, normalizer: Normalizer | None = None, fuzzy: bool = True):
        self.lexicon = lexicon
        self.normalizer = normalizer or default_normalizer()
        self.entries: tuple[LexiconEntry, ...] = lexicon.active()
        self._allow_groups: list[frozenset[int]] = []
        self._regexes: dict[int, re.Pattern[str]] = {}
        #: canonical words whose pinyin spellings are respelt for the regexes (see `_respelt_regex_hits`)
        self._respellings: list[str] = []
        respell_index: dict[str, int] = {}
        keys: dict[str, list[_Key]] = defaultdict(list)
        allow_index: dict[str, set[int]] = defaultdict(set)
        self.literals: list[str] = []  # canonical spellings, for the naive peer and the benchmark
        term_spellings: dict[str, set[str]] = defaultdict(set)  # canonical term → its evasive spellings
        for i, entry in enumerate(self.entries):
            for phrase in entry.allow:
                canon = self.canon(phrase)
                if canon:
                    allow_index[canon].add(i)
            if entry.kind == "regex":
                self._regexes[i] = re.compile(entry.term)
                anchors = {self.canon(anchor) for anchor in entry.anchors} - {""}
                for canon in sorted(anchors):
                    keys[canon].append(_Key(_ANCHOR, i, "regex", "", ""))
                if fuzzy and entry.fuzzy:
                    words = anchors | {self.canon(w) for w in _ALTERNATION_WORD.findall(entry.term)}
                    for word in sorted(words):
                        for spelling in self._respelt_spellings(word):
                            if word not in respell_index:
                                respell_index[word] = len(self._respellings)
                                self._respellings.append(word)
                            keys[spelling].append(_Key(_RESPELL, respell_index[word], "pinyin", "", ""))
                            if word in anchors:
                                keys[spelling].append(_Key(_ANCHOR, i, "pinyin", "", ""))
                continue
            canon = self.canon(entry.term)
            if len(canon) < 2:  # a single canonical char ('+v' → 'v') would hit everywhere
                continue
            self.literals.append(canon)
            keys[canon].append(_Key(_TERM, i, "exact", _edge_check(canon[0]), _edge_check(canon[-1])))
            if fuzzy and entry.fuzzy:
                for variant, spelling in self._variants(canon):
                    if spelling != canon:
                        keys[spelling].append(self._variant_key(i, variant, spelling))
                        term_spellings[canon].add(spelling)
        self._skeleton_table = skeleton_table() if fuzzy else {}
        #: skeleton → [(allow-phrase, its group)] for sound-alike allow-phrases (four or more Chinese
        #: characters — shorter ones end or start on a function word; one character swapped, like the
        #: terms' homophones below)
        sound_allows: dict[str, list[tuple[str, frozenset[int]]]] = defaultdict(list)
        for phrase, idxs in allow_index.items():
            group = frozenset(idxs)
            self._allow_groups.append(group)
            key = _Key(_ALLOW, len(self._allow_groups) - 1, "allow", "", "")
            keys[phrase].append(key)
            if fuzzy:
                for spelling in self._allow_spellings(phrase, term_spellings):
                    keys[spelling].append(key)
                if sum(map(_is_cjk, phrase)) >= 4:  # 治疗肿 must not sound like 治疗中
                    sound_allows[phrase.translate(self._skeleton_table)].append((phrase, group))
        skeleton_keys: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for i, entry in enumerate(self.entries):
            if fuzzy and entry.fuzzy and entry.kind == "term":
                canon = self.canon(entry.term)
                # Only terms of three or more Chinese characters: in two-character terms one swap too
                # often yields a real word (原单 → 原蛋 in 胶原蛋白); the usual two-character evasions
                # (鼎级, 覆刻 …) are in the normaliser's phrase table instead.
                if sum(map(_is_cjk, canon)) >= 3:
                    skeleton_keys[canon.translate(self._skeleton_table)].append((i, canon))
        # The skeleton as a lookup list over the BMP (identity where no syllable class applies):
        # `str.translate` indexes a list faster than a dict; astral characters stay as they are.
        self._skeleton_list: list[str] = [chr(cp) for cp in range(0x10000)]
        for cp, rep in dict(self._skeleton_table).items():
            if cp < 0x10000:
                self._skeleton_list[cp] = rep
        # ONE automaton, over the skeleton of the text: every spelling is stored under its skeleton,
        # so a literal occurrence of a spelling is a skeleton occurrence whose written text equals
        # it, and the homophone candidates of a term sit under the same key. One pass instead of a
        # literal pass plus a skeleton pass, and the skeleton alphabet (one character per syllable)
        # keeps pyahocorasick's linear child search short.
        by_skeleton: dict[str, dict[str, tuple]] = defaultdict(dict)
        for spelling, ks in keys.items():
            by_skeleton[spelling.translate(self._skeleton_table)][spelling] = self._compile_keys(ks)
        for skel in itertools.chain(skeleton_keys, sound_allows):
            by_skeleton.setdefault(skel, {})
        self._automaton = ahocorasick.Automaton()
        for skel, spellings in by_skeleton.items():
            # (length, the spelling stored under this skeleton, its term keys, edge checks, allow
            # groups, anchors and regex word (see `_compile_keys`), any further spellings with the same skeleton
            # {spelling: compiled keys} or None, homophone candidates [(entry, canon)] or None,
            # sound-alike allow-phrases [(phrase, group)] or None)
            listed = list(spellings.items()) or [(None, ((), None, (), (), ""))]
            first, (terms, checks, allows, anchors, respell) = listed[0]
            more = dict(listed[1:]) or None
            items = tuple(skeleton_keys[skel]) if skel in skeleton_keys else None
            sounds = tuple(sound_allows[skel]) if skel in sound_allows else None
            self._automaton.add_word(skel, (len(skel), first, terms, checks, allows, anchors, respell, more, items,
                                            sounds))
        #: entries that some allow-phrase can neutralise (the others skip the overlap test)
        self._allowable: frozenset[int] = frozenset().union(*self._allow_groups)
        self._dedupe = self._hits_may_repeat(keys, by_skeleton, skeleton_keys)
        self._empty = len(keys) == 0
        if not self._empty:
            self._automaton.make_automaton()
        self.key_count = len(keys)

    @staticmethod
    def _hits_may_repeat(keys: dict[str, list[_Key]], by_skeleton: dict[str, dict[str, tuple]],
                         skeleton_keys: dict[str, list[tuple[int, str]]]) -> bool:
        """Whether one scan can produce the same (entry, start, end) twice, so `scan` must dedupe.

        A span holds one written string, hence one spelling; so a repeat needs (a) an entry twice in
        one spelling's term keys, or (b) an entry's homophone candidate whose skeleton also carries
        another spelling of that entry (written == that spelling, one character off the canon).
        Regex hits are of regex entries only and `finditer` never repeats a span. Checked here once,
        because the check in the scan loop costs a tuple and a set operation per hit."""
        for ks in keys.values():
            entries = [k.index for k in ks if k.kind == _TERM]
            if len(entries) != len(set(entries)):
                return True
        spellings_of: dict[int, set[str]] = defaultdict(set)
        for spelling, ks in keys.items():
            for k in ks:
                if k.kind == _TERM:
                    spellings_of[k.index].add(spelling)
        for skel, items in skeleton_keys.items():
            for i, canon in items:
                if any(sp != canon and sp in spellings_of[i] for sp in by_skeleton.get(skel, {})):
                    return True
        return False

    def _compile_keys(self, ks: list[_Key]) -> tuple:
        """What the scan loop reads for one spelling, precomputed so the loop does no attribute or
        kind dispatch: (term keys [(entry index, variant)], their edge checks or None when no key
        has one, allow groups, regex anchors, the Chinese word this spelling stands for in regexes or
        ""), each in the order of `ks`."""
        terms = tuple((k.index, k.variant) for k in ks if k.kind == _TERM)
        checks = tuple((k.check_left, k.check_right) for k in ks if k.kind == _TERM)
        allows = tuple(self._allow_groups[k.index] for k in ks if k.kind == _ALLOW)
        anchors = tuple(k.index for k in ks if k.kind == _ANCHOR)
        respell = next((self._respellings[k.index] for k in ks if k.kind == _RESPELL), "")
        return (terms, checks if any(a or b for a, b in checks) else None, allows, anchors, respell)

    def _respelt_spellings(self, word: str) -> list[str]:
        """Pinyin spellings of a regex word worth spelling back: all-latin ones only from five letters
        (xueya, jiangya; shorter syllable runs — bing, yan — are too common), and in the scan only
        where they stand apart from other latin letters."""
        return [spelling for _variant, spelling in self._variants(word)
                if not spelling.isascii() or len(spelling) >= _RESPELL_MIN_LATIN]

    def canon(self, text: str) -> str:
        return self.normalizer.normalize(text).text

    @staticmethod
    def _variant_key(i: int, variant: str, spelling: str) -> _Key:
        if variant == "pinyin":
            # Evaders glue pinyin to neighbouring latin (putianNB574, jia weixin id), so long pinyin
            # keys match anywhere; short ones (diyi, jipin) must stand apart from other latin.
            short = spelling.isascii() and len(spelling) < _SHORT_PINYIN
            return _Key(_TERM, i, variant, "latin" if short else "", "latin" if short else "")
        return _Key(_TERM, i, variant, _edge_check(spelling[0]), _edge_check(spelling[-1]))

    def _allow_spellings(self, phrase: str, term_spellings: dict[str, set[str]]) -> set[str]:
        """The evasive spellings of an allow-phrase: its own pinyin and half-pinyin (`_variants`, all
        mixes up to four Chinese characters) and, for any phrase, the phrase with one term inside it
        spelt as that term is (复刻界天花板 → fuke界天花板), since evaders spell the risky word."""
        spellings = {spelling for _variant, spelling in self._variants(phrase)}
        for a in range(len(phrase) - 1):
            for b in range(a + 2, min(len(phrase), a + 8) + 1):
                for spelling in term_spellings.get(phrase[a:b], ()):
                    spellings.add(phrase[:a] + spelling + phrase[b:])
        spellings.discard(phrase)
        return spellings

    def _variants(self, canon: str) -> list[tuple[str, str]]:
        """Pinyin, half-pinyin and one-character homophone spellings of a Chinese term."""
        if not 2 <= len(canon) <= 8 or not all(_is_cjk(c) or c.isalnum() for c in canon):
            return []
        cjk_positions = [i for i, c in enumerate(canon) if _is_cjk(c)]
        if not cjk_positions:
            return []
        syllables = lazy_pinyin(canon, style=Style.NORMAL, errors=lambda s: list(s))
        if len(syllables) != len(canon):
            return []
        out: list[tuple[str, str]] = []
        # pinyin and half-pinyin: each Chinese character either kept or spelt in pinyin
        if len(cjk_positions) <= 4:
            for mask in itertools.product((False, True), repeat=len(cjk_positions)):
                if not any(mask):
                    continue
                chars = list(canon)
                for pos, use_pinyin in zip(cjk_positions, mask, strict=True):
                    if use_pinyin:
                        chars[pos] = syllables[pos]
                out.append(("pinyin", "".join(chars)))
        else:
            # Longer phrases: all pinyin, or one word-sized stretch (two or three characters) spelt
            # in pinyin — evaders spell the risky word (yidaosu都少打, xuetang也不升), not every mix.
            out.append(("pinyin", "".join(syllables)))
            for width in (2, 3):
                for start in range(len(canon) - width + 1):
                    stretch = range(start, start + width)
                    if all(_is_cjk(canon[k]) for k in stretch):
                        out.append(("pinyin", canon[:start] + "".join(syllables[k] for k in stretch)
                                    + canon[start + width:]))
        return out

    # ---- scanning ----------------------------------------------------------------------------

    def scan(self, text: str, norm: NormalizedText | None = None) -> tuple[Hit, ...]:
        """All non-neutralised hits in canonical `text`, in order of appearance.

        With `norm` (the `NormalizedText` that `text` came from), a homophone hit must be written
        contiguously in the original: 冠军🏆 纪念 must not read as 冠军纪 (≈ 冠军级).
        A homophone is a stretch that sounds like a term (same skeleton) and differs from it in
        exactly one character. An allow-phrase neutralises every hit of its entries that it
        overlaps (代理记账 vs 做代理), written literally, in pinyin or with one sound-alike character."""
        if self._empty or not text:
            return ()
        terms: list[tuple[int, int, int, str]] = []
        append = terms.append
        homophones: list[tuple[int, int, int, str]] = []
        allows: list[tuple[int, int, frozenset[int]]] = []
        anchored: set[int] = set()
        respelt: list[tuple[int, int, str]] = []
        n = len(text)
        for end, (length, spelling, keys, checks, allow, anchors, respell, more, items, sounds) in (
                self._automaton.iter(text.translate(self._skeleton_list))):
            end += 1
            start = end - length
            written = text[start:end]
            if written == spelling or (more is not None and written in more):
                if written != spelling:
                    keys, checks, allow, anchors, respell = more[written]
                if keys:
                    if checks is None:
                        for i, variant in keys:
                            append((i, start, end, variant))
                    else:
                        for (i, variant), (left, right) in zip(keys, checks, strict=True):
                            if left and start > 0 and _edge_check(text[start - 1]) == left:
                                continue
                            if right and end < n and _edge_check(text[end]) == right:
                                continue
                            append((i, start, end, variant))
                if allow:
                    for group in allow:
                        allows.append((start, end, group))
                if anchors:
                    anchored.update(anchors)
                if respell and not (written.isascii() and _glued_to_latin(text, start, end)):
                    respelt.append((start, end, respell))  # tingle is no 停了: latin runs must stand apart
            if items is not None:
                for i, canon in items:
                    # the literal spelling (no difference) is the usual skeleton match: skip it cheaply
                    if written != canon and sum(map(str.__ne__, written, canon)) == 1:
                        if norm is not None:  # written contiguously in the original?
                            a, b = norm.span(start, end)
                            if b - a != length:
                                continue
                        homophones.append((i, start, end, "homophone"))
            if sounds is not None:
                for phrase, group in sounds:
                    if written != phrase and sum(map(str.__ne__, written, phrase)) == 1:
                        allows.append((start, end, group))
        terms += homophones
        for i in anchored:
            for m in self._regexes[i].finditer(text):
                if m.end() > m.start():
                    append((i, m.start(), m.end(), "regex"))
        if respelt and anchored:
            terms += self._respelt_regex_hits(text, respelt, anchored, terms)
        if not terms:
            return ()
        # Sorting the tuples (stable, by start then end) before filtering gives the same order as
        # filtering first and sorting the hits, and builds each Hit once, already in place.
        terms.sort(key=_START_END)
        entries = self.entries
        if allows:
            allowable = self._allowable
            terms = [t for t in terms if not (t[0] in allowable and any(
                a < t[2] and t[1] < b and t[0] in group for a, b, group in allows))]
        if self._dedupe:
            seen: set[tuple[int, int, int]] = set()
            unique = []
            for t in terms:
                if t[:3] not in seen:
                    seen.add(t[:3])
                    unique.append(t)
            terms = unique
        hits = [_new_hit(Hit, (entries[i], start, end, variant)) for i, start, end, variant in terms]
        return tuple(hits)

    def _respelt_regex_hits(self, text: str, respelt: list[tuple[int, int, str]], anchored: set[int],
                            found: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
        """Regex hits over `text` with the pinyin spellings of regex words spelt back in Chinese
        (leftmost-longest, non-overlapping), as canonical spans of `text`; hits already found are left out."""
        respelt.sort(key=lambda r: (r[0], r[0] - r[1]))
        pieces: list[str] = []
        starts: list[int] = []  # canonical start of each respelt character
        ends: list[int] = []  # canonical end of each respelt character
        pos = 0
        for start, end, word in respelt:
            if start < pos:
                continue
            pieces += (text[pos:start], word)
            starts += [*range(pos, start), *[start] * len(word)]
            ends += [*range(pos + 1, start + 1), *[end] * len(word)]
            pos = end
        pieces.append(text[pos:])
        starts += range(pos, len(text))
        ends += range(pos + 1, len(text) + 1)
        respelt_text = "".join(pieces)
        seen = {(i, start, end) for i, start, end, _variant in found}
        hits: list[tuple[int, int, int, str]] = []
        for i in anchored:
            for m in self._regexes[i].finditer(respelt_text):
                if m.end() > m.start():
                    hit = (i, starts[m.start()], ends[m.end() - 1])
                    if hit not in seen:
                        seen.add(hit)
                        hits.append((*hit, "regex"))
        return hits


@lru_cache(maxsize=8)
def matcher_for(lexicon: Lexicon) -> LexiconMatcher:
    """The compiled matcher of a lexicon, cached by identity/value so detectors share it."""
    return LexiconMatcher(lexicon)


def default_matcher() -> LexiconMatcher:
    return matcher_for(default_lexicon())
