"""False advertising (广告法): absolute terms, medical claims, health-food cures, guarantees, authority.

The lexicon says WHAT is claimed; this module adds the context the law cares about:

* a medical claim is only a violation for goods that may not make it (§17): a registered medical
  device that shows its 注册证 may describe what it treats; cosmetics and food may not. Claims of
  scope ``any`` are violations for every product: a device may say it relieves (缓解) a condition,
  not that the condition is gone or that it beats drugs (§16);
* a health food (保健食品, 蓝帽子) claiming to cure is §18, not §17 — same words, different clause;
* a treatment word right after a disclaimer (不能代替药物治疗疾病) is the compliant wording, not a claim;
* a disease name alone (流感季备一盒口罩) is not a claim; a cure verb with a disease is a strong one;
* an absolute term next to a declared opinion (个人觉得, 个人意见) is a preference, not a claim.
"""

from __future__ import annotations

from moderation.detectors.base import DetectorExample, ScanContext
from moderation.detectors.context import context_cues, in_play
from moderation.detectors.lexicon_detector import LexiconDetector
from moderation.text.fields import CLAUSE_BREAKS, FieldView, field_views
from moderation.text.matcher import Hit
from moderation.types import ElementsEvidence, Product, Recommendation, Signal

FAMILY = "false_ad"
#: How far (canonical chars) a disclaimer reaches forward to neutralise a treatment word.
NEGATION_REACH = 8
#: How far (canonical chars, either side) a declared opinion (个人觉得) reaches to make an absolute
#: term a subjective preference — and only inside one clause of the original text.
OPINION_REACH = 12
#: A claim followed in its clause or the next by a scam-warning cue (说…能治病…的都是骗局, 能包治百病，
#: 真的别信) is quoted to be debunked, not made; the cue may come this many canonical characters later.
DEBUNK_REACH = 16
HEALTH_FOOD_LAW = "广告法 第十八条"
DEVICE_LAW = "广告法 第十六条"
MEDICAL_CATEGORY_HINTS = ("医疗器械", "医疗", "器械")
#: Per code, at most this many signals are emitted (fusion uses the strongest; the rest is evidence).
MAX_PER_CODE = 3
#: A disease name right after one of these (治皮肤病, 医好了胃病 …) is itself a cure claim; the lexicon
#: cannot list every 治+disease pair, and a single character is too short to be a lexicon term.
CURE_PREFIXES = frozenset("治医")
CURE_PREFIX_REACH = 2
#: …and so is a disease name followed at once by 就好 (戴上关节炎就好, 鼻炎就好): the cure said after it —
#: but not 就好几天/就好难受/就好像… (一感冒就好几天不吃饭), nor after 一 (一X就…: "whenever X").
CURE_SUFFIX = "就好"
CURE_SUFFIX_NOT_BEFORE = frozenset("好几难久像比烦累多大")
#: A weak claim verb (好了, 缓解, 恢复 … score < 0.45) is a cure claim only NEXT TO a disease name in the
#: same field (腰突就好了); 好了 in one sentence and 感冒 in another is two unrelated remarks.
WEAK_CLAIM = 0.45
WEAK_CLAIM_REACH = 12
#: mlm lexicon elements that make a post a recruiting pitch (禁止传销条例 §7 (一)–(三)).
MLM_CORE_ELEMENTS = frozenset(("recruitment", "entry_fee", "team_pay"))


def _near(a: Hit, b: Hit, reach: int) -> bool:
    """Whether two hits in one field are at most `reach` canonical characters apart."""
    return a.start - b.end <= reach and b.start - a.end <= reach


def _cure_follows(text: str, disease: Hit) -> bool:
    """Whether 就好 follows the disease name as its cure (戴上关节炎就好), not as 'whenever' (一感冒就好几天)."""
    after = disease.end + len(CURE_SUFFIX)
    return (text.startswith(CURE_SUFFIX, disease.end) and text[after:after + 1] not in CURE_SUFFIX_NOT_BEFORE
            and text[disease.start - 1:disease.start] != "一")


def _same_clause(view: FieldView, a: Hit, b: Hit) -> bool:
    """Whether two hits are near each other AND in one clause of the ORIGINAL text (the canonical
    text has no punctuation): 个人觉得最好用 is an opinion; 全网最低价，个人觉得 is a claim and a remark."""
    if not _near(a, b, OPINION_REACH):
        return False
    first, second = (a, b) if a.start <= b.start else (b, a)
    return CLAUSE_BREAKS.isdisjoint(view.original_between(first, second))


class FalseAdDetector(LexiconDetector):
    name = "false_ad"
    families = (FAMILY,)
    version = "9"

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        views = field_views(rec, ctx, self.matcher)
        if not any(h.entry.family == FAMILY for v in views for h in v.hits):
            return []
        category = (rec.product.category if rec.product else None) or ""
        cues = context_cues(views)
        registered_device = "registration" in cues and (
            not category or any(k in category for k in MEDICAL_CATEGORY_HINTS))
        health_food = "health_food" in cues or "保健食品" in category
        # A registered special-use cosmetic (国妆特字: 祛斑美白, 防脱, 防晒) may state its registered
        # function: moderate claims and condition names are fine there; cure words (score ≥ 0.5) are not.
        special_cosmetic = "special_cosmetic" in cues
        # A promised return inside a recruiting pitch (推荐朋友加入…稳赚不赔) is the §7 scheme's income
        # element, scored by the mlm detector; alone (金条保证升值) it is a §25 investment ad.
        recruiting = any(h.entry.family == "mlm" and h.entry.element in MLM_CORE_ELEMENTS and h.entry.score > 0.0
                         for v in views for h in v.hits)
        # Money talk inside a game (大富翁里买下整条街就能稳赚不赔) is play, not an investment promise.
        returns_elsewhere = recruiting or in_play(cues)

        signals: list[Signal] = []
        claims: list[tuple[FieldView, Hit]] = []
        diseases: list[tuple[FieldView, Hit]] = []
        per_code: dict[str, int] = {}
        shown: set[tuple[str, str, int, int]] = set()
        for view in views:
            negations = [(h.start, h.end) for h in view.hits if h.entry.element == "negation"]
            opinions = [h for h in view.hits if h.entry.element == "opinion"]
            debunked = [h for h in view.hits if h.entry.element == "scam_warning"]
            for hit in view.hits:
                e = hit.entry
                if e.family != FAMILY or e.score <= 0.0 or (returns_elsewhere and e.element == "return"):
                    continue
                if any(view.closely_followed(hit, w, DEBUNK_REACH) for w in debunked):
                    continue  # 说买理疗仪能治病…的都是骗局 / 有人说能包治百病，真的别信: quoted to be debunked
                if (e.element == "absolute" and e.scope != "factual"
                        and any(_same_clause(view, hit, o) for o in opinions)):
                    continue  # 个人觉得最好用: a declared opinion; 个人觉得全网最低价 is still a price claim
                if e.element in ("claim", "disease"):
                    # A registered device may use medical wording: only claims of scope `any` count,
                    # and a disease name stays only as the anchor such a claim may pair with.
                    if registered_device and e.scope == "non_medical" and e.element == "claim":
                        continue
                    if special_cosmetic and e.score < 0.5:
                        continue
                    if any(s <= hit.start and hit.start - e <= NEGATION_REACH for s, e in negations):
                        continue
                    if e.element == "disease" and not registered_device and (
                            not CURE_PREFIXES.isdisjoint(view.text[max(0, hit.start - CURE_PREFIX_REACH):hit.start])
                            or _cure_follows(view.text, hit)):
                        claims.append((view, hit))  # the disease doubles as the claim's anchor
                    (claims if e.element == "claim" else diseases).append((view, hit))
                    continue
                if per_code.get(e.code, 0) >= MAX_PER_CODE or (e.code, view.name, hit.start, hit.end) in shown:
                    continue  # a term and a pattern of one code on the same stretch: show it once
                shown.add((e.code, view.name, hit.start, hit.end))
                per_code[e.code] = per_code.get(e.code, 0) + 1
                signals.append(Signal(FAMILY, e.code, e.score, view.hit_span(hit), e.law, self.name))
        if claims or not registered_device:
            signals.extend(self._medical(claims, diseases, health_food, registered_device))
        return signals

    def _medical(self, claims: list[tuple[FieldView, Hit]], diseases: list[tuple[FieldView, Hit]],
                 health_food: bool, registered_device: bool = False) -> list[Signal]:
        if not claims and not diseases:
            return []
        code, law = ("AD_HEALTH_FOOD_CURE", HEALTH_FOOD_LAW) if health_food else ("AD_MEDICAL_CLAIM", None)
        if registered_device:
            law = DEVICE_LAW
        best_claim = max(claims, key=lambda vh: vh[1].entry.score, default=None)
        pair = None
        if best_claim and diseases:
            if best_claim[1].entry.score >= WEAK_CLAIM:
                pair = (best_claim, diseases[0])
            else:
                pair = next(((c, d) for c in claims for d in diseases
                             if c[0] is d[0] and _near(c[1], d[1], WEAK_CLAIM_REACH)), None)
        if pair is not None:
            (view, hit), (dview, dhit) = pair
            evidence = ElementsEvidence(elements=("claim", "disease"),
                                        spans=(view.hit_span(hit), dview.hit_span(dhit)),
                                        detail={"claim": view.label(hit), "disease": dview.label(dhit)})
            score = 0.9 if hit.entry.score >= 0.45 else 0.6
            return [Signal(FAMILY, code, score, evidence, law or hit.entry.law, self.name)]
        view, hit = best_claim or diseases[0]
        return [Signal(FAMILY, code, hit.entry.score, view.hit_span(hit), law or hit.entry.law, self.name)]

    @classmethod
    def get_examples(cls) -> list[DetectorExample]:
        def rec(text: str, category: str = "美妆", title: str = "商品") -> Recommendation:
            return Recommendation(id="ex", text=text, product=Product(title=title, category=category))

        return [
            DetectorExample(rec("全网最好用的面霜，没有之一"), frozenset({"AD_ABSOLUTE_TERM"})),
            DetectorExample(rec("最近在用这款面霜，保湿不错"), forbid_codes=frozenset({"AD_ABSOLUTE_TERM"}),
                            note="最近 is a time word"),
            DetectorExample(rec("这款精华能治疗湿疹皮炎"), frozenset({"AD_MEDICAL_CLAIM"})),
            DetectorExample(rec("吃两盒就能治好糖尿病", category="保健食品"), frozenset({"AD_HEALTH_FOOD_CURE"})),
            DetectorExample(rec("保健食品不是药物，不能代替药物治疗疾病", category="保健食品"),
                            forbid_codes=frozenset({"AD_HEALTH_FOOD_CURE", "AD_MEDICAL_CLAIM"}),
                            note="the mandatory disclaimer is not a claim"),
            DetectorExample(rec("医疗器械注册证号见详情页，用于缓解颈椎病疼痛的理疗", category="医疗器械"),
                            forbid_codes=frozenset({"AD_MEDICAL_CLAIM"}), note="registered device"),
            DetectorExample(rec("有医疗器械注册证，每天用半小时，颈椎病慢慢就没了，比吃药管用", category="医疗器械"),
                            frozenset({"AD_MEDICAL_CLAIM"}), note="a registered device may not assert a cure (§16)"),
            DetectorExample(rec("7天瘦10斤，无效退款", category="食品"), frozenset({"AD_GUARANTEED_RESULT"})),
            DetectorExample(rec("央视推荐品牌，专家都推荐"), frozenset({"AD_AUTHORITY_ENDORSEMENT"})),
            DetectorExample(rec("今天分享一本治愈系绘本", category="图书"),
                            forbid_codes=frozenset({"AD_MEDICAL_CLAIM"}), note="治愈系 = comforting"),
            DetectorExample(rec("蕞好用的祛斑霜，冶疗黄褐斑"), frozenset({"AD_ABSOLUTE_TERM", "AD_MEDICAL_CLAIM"}),
                            note="homoglyph evasion"),
        ]
