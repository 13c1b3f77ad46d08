"""Counterfeit goods: replica slang, a 正品 claim or a luxury brand far below its price floor, an
unauthorised merchant, absurd stock.

Slang alone is ambiguous: 复刻 is also an official sneaker reissue or grandma's recipe, 1:1 a recipe
ratio, 莆田 a city famous for lychees. Those "medium" terms therefore score below the flag line on
their own and are lifted only by brand context (a registered brand on the product, in the title or
the text, or words such as 大牌). Strong slang (高仿, A货, 纯原 …) flags alone. Context lowers
scores: a post that warns about fakes, an authorised merchant, an authenticated second-hand item, a
seller saying the goods are its own brand (自家品牌, 不是大牌: medium slang such as 尾货 then describes
its own stock).

The price check reads `BrandRegistry` (brand floor and authorised merchants): a 正品 claim below the
floor from a shop that is not authorised is the classic fake listing. A brand only INFERRED from a
nickname in the title (小香风 外套, 1:35 坦克模型) is a style or a word, not a brand claim: its price
and stock count only when the post itself talks replica slang or claims 正品.
"""

from __future__ import annotations

import ahocorasick

from moderation.brands import Brand, BrandRegistry
from moderation.detectors.base import DetectorExample, ScanContext
from moderation.detectors.lexicon_detector import LexiconDetector
from moderation.text.fields import FieldView, field_views
from moderation.text.matcher import Hit, LexiconMatcher
from moderation.text.normalize import Normalizer
from moderation.types import Merchant, PriceEvidence, Product, Recommendation, Signal

FAMILY = "counterfeit"
LAW = "商标法 第五十七条"
BOOSTED_MEDIUM = 0.75
#: A post that warns about fakes (擦亮眼, 教你分辨) names slang as examples: its counterfeit signals keep
#: this fraction of their score — low enough that even strong slang (0.85 → 0.17) stays below the
#: pipeline's `CORROBORATION_FLOOR`, so the learned model cannot lift a warning into a flag.
WARNING_FACTOR = 0.2
AUTHORIZED_FACTOR = 0.2
#: A luxury brand (floor at least this) listed with at least LUXURY_STOCK pieces is implausible.
LUXURY_FLOOR = 5000.0
LUXURY_STOCK = 50
#: A seller's own used item ("second_hand" cue in the text) is one or a few pieces; more is a shop.
SECOND_HAND_MAX_STOCK = 3
#: A listing in a second-hand category (a used-goods shop) may hold more, but not a warehouse.
SECOND_HAND_SHOP_MAX_STOCK = 50
#: Below this fraction of the floor, the price alone is implausible for a genuine item.
ABSURD_PRICE_RATIO = 0.4
#: Two or more DISTINCT medium slang terms in one post (尾单 + 复刻, 华强北 + 原装芯片) corroborate each
#: other: the post is lifted to the boosted score even without a registry brand.
CORROBORATING_MEDIUM = 2


class BrandMatcher:
    """Finds registry brands in free text by alias. Aliases of one character (劳, 鹅) are too
    ambiguous for free text and are only used through `product.brand`."""

    def __init__(self, registry: BrandRegistry, normalizer: Normalizer):
        self.registry = registry
        self._auto = ahocorasick.Automaton()
        count = 0
        for brand in registry:
            for name in brand.names:
                canon = normalizer.normalize(name).text
                if len(canon) < 2:
                    continue
                self._auto.add_word(canon, (len(canon), brand, canon.isascii()))
                count += 1
        self._empty = count == 0
        if not self._empty:
            self._auto.make_automaton()

    def find(self, text: str) -> Brand | None:
        if self._empty or not text:
            return None
        n = len(text)
        for end, (length, brand, ascii_only) in self._auto.iter(text):
            start = end - length + 1
            if ascii_only and ((start > 0 and text[start - 1].isascii() and text[start - 1].isalpha())
                               or (end + 1 < n and text[end + 1].isascii() and text[end + 1].isalpha())):
                continue
            return brand
        return None


class CounterfeitDetector(LexiconDetector):
    name = "counterfeit"
    families = (FAMILY,)
    version = "6"

    def __init__(self, registry: BrandRegistry | None = None, matcher: LexiconMatcher | None = None):
        super().__init__(matcher)
        self.registry = registry or BrandRegistry.load_default()
        self.brands = BrandMatcher(self.registry, self.matcher.normalizer)

    @property
    def resource_versions(self) -> dict[str, str]:
        return {**super().resource_versions, "brands": self.registry.version}

    def _product_brand(self, rec: Recommendation, views: tuple[FieldView, ...]) -> tuple[Brand | None, bool]:
        """The product's brand and whether it was DECLARED (product.brand) rather than inferred from
        the title. An inferred brand is weaker evidence: 苹果 in a fruit title is not Apple."""
        product = rec.product
        brand = self.registry.lookup(product.brand) if product and product.brand else None
        if brand is not None:
            return brand, True
        for v in views:
            if v.name == "product.title":
                return self.brands.find(v.text), False
        return None, False

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        views = field_views(rec, ctx, self.matcher)
        product = rec.product or Product()
        merchant_id = rec.merchant.id if rec.merchant else None
        hits = [(v, h) for v in views for h in v.hits if h.entry.family == FAMILY]
        brand, declared = self._product_brand(rec, views)
        if not hits and brand is None:
            return []
        cues = {h.entry.element for _, h in hits if h.entry.score <= 0.0}
        # An own-label statement counts only where the product declares no registry brand: 不是大牌 on
        # a listing declared as Gucci is a contradiction, not a disclosure.
        own_brand = "own_brand" in cues and not declared
        if brand is not None and own_brand:
            brand = None  # 小香风 from a shop selling its own label: a style word, not Chanel
        authorized = brand is not None and brand.is_authorized(merchant_id)
        # 自用闲置 with twenty in stock is a shop, not a person selling their own used item; a used-goods
        # shop (a 二手 category) holds a few dozen pieces, not a thousand sealed ones.
        stock = product.stock if product.stock is not None else 0
        second_hand = (("second_hand" in cues and stock <= SECOND_HAND_MAX_STOCK)
                       or ("二手" in (product.category or "") and stock <= SECOND_HAND_SHOP_MAX_STOCK))
        # A brand's accessory, sample or consumable (袜子, 数据线, 小样 …) named in the TITLE: the floor is
        # the brand's main-category price and says nothing about it.
        accessory = any(h.entry.element == "accessory" for v in views if v.name == "product.title"
                        for h in v.hits)
        below_floor = (brand is not None and brand.below_floor(product.price) and not authorized
                       and not second_hand and not accessory)
        slang = [(v, h) for v, h in hits if h.entry.score > 0.0]
        brand_context = (brand is not None or "brand_context" in cues
                         or (slang and any(self.brands.find(v.text) for v in views)))

        corroborated = len({h.entry.term for _, h in slang if h.entry.element == "medium"}) >= CORROBORATING_MEDIUM
        signals: list[Signal] = []
        per_term: set[str] = set()
        for view, hit in slang:
            e = hit.entry
            score = e.score
            if e.element == "medium" and own_brand:
                score *= WARNING_FACTOR
            elif e.element == "medium" and (brand_context or below_floor or corroborated):
                score = max(score, BOOSTED_MEDIUM)
            if "warning" in cues:
                score *= WARNING_FACTOR
            if authorized:
                score *= AUTHORIZED_FACTOR
            if e.term in per_term:
                continue
            per_term.add(e.term)
            signals.append(Signal(FAMILY, e.code, round(score, 4), view.hit_span(hit), e.law or LAW, self.name))

        if (brand is not None and not authorized and not second_hand and not accessory
                and (declared or slang or "genuine_claim" in cues)):
            signals.extend(self._price_and_stock(brand, declared, product, merchant_id, hits, below_floor, cues))
        return signals

    def _price_and_stock(self, brand: Brand, declared: bool, product: Product, merchant_id: str | None,
                         hits: list[tuple[FieldView, Hit]], below_floor: bool, cues: set[str]) -> list[Signal]:
        signals: list[Signal] = []
        floor = brand.price_floor_cny
        if below_floor and product.price is not None and floor:
            ratio = product.price / floor
            warned = "warning" in cues
            score = 0.55 if ratio < ABSURD_PRICE_RATIO and declared else 0.3
            if warned:
                score *= WARNING_FACTOR
            evidence = PriceEvidence(brand=brand.brand, price=product.price, floor=floor, merchant_authorized=False)
            signals.append(Signal(FAMILY, "CF_PRICE_BELOW_FLOOR", score, evidence, LAW, self.name))
            claims = [(v, h) for v, h in hits if h.entry.element == "genuine_claim"]
            if claims and not warned:
                view, hit = claims[0]
                signals.append(Signal(FAMILY, "CF_GENUINE_CLAIM_BELOW_FLOOR", 0.85, view.hit_span(hit), LAW, self.name))
        if brand.authorized_merchants and merchant_id is not None and (below_floor or signals):
            signals.append(Signal(FAMILY, "CF_UNAUTHORIZED_MERCHANT", 0.15,
                                  PriceEvidence(brand=brand.brand, price=product.price or 0.0, floor=floor or 0.0,
                                                merchant_authorized=False), LAW, self.name))
        if floor and floor >= LUXURY_FLOOR and (product.stock or 0) >= LUXURY_STOCK:
            signals.append(Signal(FAMILY, "CF_ABSURD_STOCK", 0.35,
                                  PriceEvidence(brand=brand.brand, price=product.price or 0.0, floor=floor,
                                                merchant_authorized=False), LAW, self.name))
        return signals

    @classmethod
    def get_examples(cls) -> list[DetectorExample]:
        def rec(text: str, brand: str | None = None, price: float | None = None, merchant: str = "m1",
                title: str = "商品") -> Recommendation:
            return Recommendation(id="ex", text=text, product=Product(title=title, brand=brand, price=price),
                                  merchant=Merchant(id=merchant))

        return [
            DetectorExample(rec("劳力士水鬼高/仿，3135机芯", "Rolex", 1380), frozenset({"CF_SLANG"})),
            DetectorExample(rec("正品小灯泡精华只要69，假一赔三", "SK-II", 69),
                            frozenset({"CF_PRICE_BELOW_FLOOR", "CF_GENUINE_CLAIM_BELOW_FLOOR"})),
            DetectorExample(rec("官方旗舰店买的正品，容量大", "Louis Vuitton", 15500, "m_lv_official"),
                            forbid_codes=frozenset({"CF_PRICE_BELOW_FLOOR", "CF_SLANG"}),
                            note="authorised, normal price"),
            DetectorExample(rec("莆田的荔枝季到了，桂味核小肉厚"), forbid_codes=frozenset({"CF_SLANG"}),
                            note="莆田 as a place (scores below the flag line)"),
            DetectorExample(rec("纪念日礼物，高仿真玫瑰放一年都好看"), forbid_codes=frozenset({"CF_SLANG"}),
                            note="高仿真 artificial flowers"),
        ]
