"""微商-style multi-level distribution (禁止传销条例 第七条).

§7 defines 传销 by elements: (一) paying people for recruiting others (拉人头), (二) an entry fee or
stock purchase to join (入门费, 押货), (三) pay computed on a downline's sales (团队计酬). Each element
is scored separately; the level ladder (总代/一级/二级 …) and promised income are supporting signs.
Several elements together are what makes a scheme, so they also yield one `MLM_ELEMENTS` signal whose
`ElementsEvidence` names every element found — what the reviewer needs to write the decision.
"""

from __future__ import annotations

from dataclasses import replace

from moderation.detectors.base import DetectorExample, ScanContext
from moderation.detectors.context import SCAM_WARNING_FACTOR, context_cues, in_play
from moderation.detectors.lexicon_detector import LexiconDetector
from moderation.text.fields import FieldView, field_views
from moderation.text.matcher import Hit
from moderation.types import ElementsEvidence, Recommendation, Signal

FAMILY = "mlm"
LAW = "禁止传销条例 第七条"
#: The §7 elements proper; `levels` and `income` support them but do not make a scheme alone.
CORE_ELEMENTS = ("recruitment", "entry_fee", "team_pay")
ALL_ELEMENTS = (*CORE_ELEMENTS, "levels", "income")
#: An income promise alone stays evidence, below the flag line AND below the pipeline's
#: `CORROBORATION_FLOOR`: the learned model must not turn an investment ad (§25) into a scheme.
INCOME_ALONE_CAP = 0.15
#: A refusal (直接拒了) drops the mlm phrases at most this many canonical characters and two clauses
#: before it (找我做代理，要交钱押货，直接拒了); a refusal before a pitch (以前我都拒绝了，现在诚招代理) drops nothing.
REFUSAL_REACH = 16


class MlmDetector(LexiconDetector):
    name = "mlm"
    families = (FAMILY,)
    version = "5"

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        views = field_views(rec, ctx, self.matcher)
        # A game's rules (卡坦岛: 发展城市、拉朋友交易) use recruiting words for play; fees, team pay and
        # income promises in the same post still count (剧本杀门店诚招代理，交3980代理费 …).
        cues = context_cues(views)
        played = in_play(cues)
        best: dict[str, tuple[FieldView, Hit]] = {}
        for view in views:
            refusals = [h for h in view.hits if h.entry.element == "refusal"]
            for hit in view.hits:
                e = hit.entry
                if e.family != FAMILY or not e.code.startswith("MLM_") or e.score <= 0.0:
                    continue
                if played and e.element == "recruitment":
                    continue
                if any(view.closely_followed(hit, r, REFUSAL_REACH, clauses=2) for r in refusals):
                    continue  # 朋友圈有人找我做代理，要交钱押货的那种，直接拒了: an offer turned down
                key = e.element or e.code
                if key not in best or e.score > best[key][1].entry.score:
                    best[key] = (view, hit)
        if not best:
            return []
        found = tuple(el for el in ALL_ELEMENTS if el in best)
        # A promised income with no recruiting, fee, team-pay or level element is an investment/return
        # ad (广告法 §25, the false_ad detector's), not a scheme: keep it as evidence below the flag line.
        cap = INCOME_ALONE_CAP if found == ("income",) else 1.0
        signals = [Signal(FAMILY, h.entry.code, min(h.entry.score, cap), v.hit_span(h), h.entry.law or LAW, self.name)
                   for v, h in best.values()]
        core = [el for el in found if el in CORE_ELEMENTS]
        strong = [el for el in found if best[el][1].entry.score >= 0.5]
        if len(found) >= 2 and (core or len(strong) >= 2):
            score = 0.95 if len(core) >= 2 else 0.85 if strong else 0.6
            evidence = ElementsEvidence(
                elements=found,
                spans=tuple(best[el][0].hit_span(best[el][1]) for el in found),
                detail={el: best[el][0].label(best[el][1]) for el in found},
            )
            signals.append(Signal(FAMILY, "MLM_ELEMENTS", score, evidence, LAW, self.name))
        if "scam_warning" in cues:  # a warning quotes the phrases it warns about
            signals = [replace(s, score=round(s.score * SCAM_WARNING_FACTOR, 4)) for s in signals]
        return signals

    @classmethod
    def get_examples(cls) -> list[DetectorExample]:
        def rec(text: str) -> Recommendation:
            return Recommendation(id="ex", text=text)

        return [
            DetectorExample(rec("招代理！代理费3980，发展下线拿提成，团队计酬"),
                            frozenset({"MLM_RECRUITMENT", "MLM_ENTRY_FEE", "MLM_TEAM_PAY", "MLM_ELEMENTS"})),
            DetectorExample(rec("招县级代理、市级代理、省级代理，下面的代理都归你管理，业绩抽成"),
                            frozenset({"MLM_RECRUITMENT", "MLM_TEAM_PAY"})),
            DetectorExample(rec("宝妈副业💰 招岱理，零门槛，一部手机就能做"), frozenset({"MLM_RECRUITMENT"}),
                            note="homophone 岱理"),
            DetectorExample(rec("这家做代理记账很多年，资质在店铺首页能看到"),
                            forbid_codes=frozenset({"MLM_RECRUITMENT", "MLM_ELEMENTS"})),
            DetectorExample(rec("第100万台下线纪念版车模"), forbid_codes=frozenset({"MLM_RECRUITMENT"}),
                            note="下线 = rolled off the line"),
            DetectorExample(rec("备考二级建造师的同事都在用这套"), forbid_codes=frozenset({"MLM_LEVELS"})),
        ]
