"""Context cues: lexicon entries that claim nothing themselves but change how the claims around them read.

A cue has score 0 (it never makes a signal) and an `element` that names the context: `game` (a board
game's rules use recruiting and money words for play), `investment` (…unless the post also talks
investment), `scam_warning` (a warning quotes the phrases it warns about), `refusal`, `negation`,
`registration` (a registered medical device), `second_hand` and so on. Cues are listed in the lexicon of
the family whose wording they are closest to, but they describe the POST, not a family: a game is a game
for the false-advertising and the mlm detector alike. So every detector reads them from here, one set
per item, instead of each filtering its own lexicon's cues (which let the two detectors disagree about
whether a post was a game).
"""

from __future__ import annotations

from moderation.text.fields import FieldView

#: A post that warns about scams (防骗, 警惕传销 …) quotes recruiting and contact phrases as examples:
#: the mlm and diversion signals keep their evidence at this fraction of their score. Low on purpose:
#: such a post quotes many phrases, and their noisy-OR must stay below the flag line (and below the
#: pipeline's corroboration floor, so the model cannot lift them either).
SCAM_WARNING_FACTOR = 0.1


def context_cues(views: tuple[FieldView, ...]) -> frozenset[str]:
    """The elements of every context cue (a score-0 hit, any family) in any field of the item."""
    return frozenset(h.entry.element for v in views for h in v.hits if h.entry.score <= 0.0)


def in_play(cues: frozenset[str]) -> bool:
    """Whether the post describes a game (大富翁里买下整条街就能稳赚不赔, 卡坦岛: 发展城市、拉朋友交易)
    and does not also talk investment (桌游店投资加盟, 游戏金币提现): then recruiting words and promised
    returns are play, not a pitch."""
    return "game" in cues and "investment" not in cues
