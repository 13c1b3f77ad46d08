"""Evasion transforms shared by the test-data generators (make_variants.py, make_blind.py, make_blind2.py).

Re-implemented after the transforms of the shared dev set's generator (/work/shared/data/src/build.py):
homoglyph, traditional, fullwidth, spacing, symbols, pinyin, emoji and mixed. Each generator keeps its
own keyword/substitution tables and its own seeded `random.Random`, and passes them in:

    ev = EvasionTransforms(rng, homo=HOMO, pinyin=PINYIN, emoji_sub=EMOJI_SUB, kw=KW, s2t=OpenCC('s2t'))
    T = ev.transforms()          # {'homoglyph': ev.homoglyph, ..., 'mixed': ev.mixed}

The generated data files are reproduced byte for byte, so the order of the calls on `rng` inside every
transform is part of its contract: do not reorder, add or drop random draws here. The traditional
transform needs an OpenCC `s2t` converter (opencc-python-reimplemented), supplied by the caller; it may
be set later through the `s2t` attribute. The product never imports this file.
"""
import re

PHONE = re.compile(r'(?<![\d０-９])(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![\d０-９])')
CN_DIG = [dict(zip('0123456789', '零一二三四五六七八九')), dict(zip('0123456789', '洞幺两三四五六拐八勾')),
          dict(zip('0123456789', '零壹贰叁肆伍陆柒捌玖')), dict(zip('0123456789', '⓪①②③④⑤⑥⑦⑧⑨'))]
KEYCAP = {d: d + '\ufe0f\u20e3' for d in '0123456789'}
EMOJI_FILL = ['✨', '🔥', '💕', '🌸', '⭐', '👍', '💰', '🎉', '❤️', '🌟']
SYMS = ['*', '/', '.', '-', '|', '·', '_', '~', '#', '^', '丶', '★', '…']
SPACES = [' ', ' ', '\u3000', '\u200b', '  ']


def find_kws(text, table):
    """Non-overlapping (start, end, keyword) hits of the table's keys in text, longest keys first."""
    hits, used = [], [False] * len(text)
    for k in sorted(table, key=len, reverse=True):
        for m in re.finditer(re.escape(k), text):
            if not any(used[m.start():m.end()]):
                hits.append((m.start(), m.end(), k))
                used[m.start():m.end()] = [True] * len(k)
    return sorted(hits)


def phone_sub(text, dig):
    """Rewrite every mobile number's digits through the mapping dig (None when there is none)."""
    if not PHONE.search(text):
        return None
    return PHONE.sub(lambda m: ''.join(dig.get(c, c) for c in ''.join(m.groups())), text)


def t_fullwidth(text):
    if len(re.findall(r'[A-Za-z0-9:@_]', text)) < 2:
        return None
    return ''.join(chr(ord(c) + 0xFEE0) if '!' <= c <= '~' and c != '#' else c for c in text)


class EvasionTransforms:
    """The seeded transforms over one generator's tables. Every transform returns None when it has
    nothing to change.

    spread_space_phone: in the spacing/symbols fallback on a phone number, a plain ' ' separator puts a
    space between every digit (make_variants, make_blind) instead of between the 3-4-4 groups only
    (make_blind2)."""

    def __init__(self, rng, *, homo, pinyin, emoji_sub, kw, s2t=None, spread_space_phone=True):
        self.rng = rng
        self._homo = homo
        self._pinyin = pinyin
        self._emoji_sub = emoji_sub
        self.kw = kw
        self.s2t = s2t
        self.spread_space_phone = spread_space_phone

    def _kw2(self):
        return {k: 1 for k in self.kw if len(k) >= 2}

    def apply_subs(self, text, table, pick, maxn=3):
        """Replace up to maxn keyword hits (a seeded sample when there are more) by pick(keyword)."""
        hits = find_kws(text, table)
        if not hits:
            return None
        if len(hits) > maxn:
            hits = sorted(self.rng.sample(hits, maxn))
        out, pos = [], 0
        for s, e, k in hits:
            out.append(text[pos:s])
            out.append(pick(k))
            pos = e
        out.append(text[pos:])
        return ''.join(out)

    def homoglyph(self, text):
        rng = self.rng
        r = phone_sub(text, rng.choice(CN_DIG)) if PHONE.search(text) and rng.random() < .6 else None
        r2 = self.apply_subs(r or text, self._homo, lambda k: rng.choice(self._homo[k]))
        return r2 or r

    def pinyin(self, text):
        return self.apply_subs(text, self._pinyin, lambda k: self._pinyin[k], maxn=2)

    def emoji(self, text):
        rng = self.rng
        r = phone_sub(text, KEYCAP) if PHONE.search(text) and rng.random() < .5 else None
        base = r or text
        r2 = self.apply_subs(base, self._emoji_sub, lambda k: rng.choice(self._emoji_sub[k]), maxn=2)
        if r2 is None:  # insert emoji inside risky keywords
            r2 = self.apply_subs(base, self._kw2(), lambda k: k[0] + rng.choice(EMOJI_FILL) + k[1:], maxn=2)
        return r2 or r

    def _insert(self, text, seps):
        rng = self.rng

        def pick(k):
            return rng.choice(seps).join(k) if rng.random() < .7 else k[0] + rng.choice(seps) + k[1:]

        r = self.apply_subs(text, self._kw2(), pick, maxn=3)
        if r is None and PHONE.search(text):
            sep = rng.choice(seps)
            if sep == ' ' and self.spread_space_phone:
                r = PHONE.sub(lambda m: ' '.join(''.join(m.groups())), text)
            else:
                r = PHONE.sub(lambda m: sep.join(m.groups()), text)
        return r

    def spacing(self, text):
        return self._insert(text, SPACES)

    def symbols(self, text):
        return self._insert(text, SYMS)

    fullwidth = staticmethod(t_fullwidth)

    def traditional(self, text):
        r = self.s2t.convert(text)
        return r if r != text else None

    def mixed(self, text):
        combos = [(self.traditional, self.spacing), (self.homoglyph, self.symbols), (self.pinyin, self.emoji),
                  (self.fullwidth, self.spacing), (self.homoglyph, self.emoji), (self.traditional, self.symbols),
                  (self.pinyin, self.symbols), (self.homoglyph, self.fullwidth)]
        self.rng.shuffle(combos)
        for a, b in combos:
            r1 = a(text)
            if r1:
                r2 = b(r1)
                if r2 and r2 != r1:
                    return r2
        return None

    def transforms(self):
        """Evasion kind -> transform, in the generators' canonical kind order."""
        return {'homoglyph': self.homoglyph, 'traditional': self.traditional, 'fullwidth': self.fullwidth,
                'spacing': self.spacing, 'symbols': self.symbols, 'pinyin': self.pinyin, 'emoji': self.emoji,
                'mixed': self.mixed}
