"""CounterfeitDetector: its worked examples, and hard cases written for this test (not taken from the dev set)."""

from __future__ import annotations

import detector_harness as harness
import pytest
from detector_harness import FLAG, rec

from moderation.detectors.base import ScanContext
from moderation.detectors.counterfeit import CounterfeitDetector
from moderation.types import Recommendation

DETECTOR = CounterfeitDetector()


def flagged_codes(r: Recommendation) -> set[str]:
    return harness.flagged_codes(DETECTOR, r)


def family_score(r: Recommendation) -> float:
    return harness.family_score(DETECTOR, r, "counterfeit")


@pytest.mark.parametrize(("text", "brand", "price"), [
    ("古驰包包 高 仿 版本，五金都对", "Gucci", 300.0),
    ("纯yuan版本椰子，鞋标齐全", "Adidas", 199.0),
    ("gaofang迪奥马鞍包", "Dior", 500.0),
    ("大牌同厂货，和专柜一样的料", None, 99.0),
    ("正品兰蔻小黑瓶，只要49", "Lancôme", 49.0),
    ("複刻勞力士日誌，904鋼", "Rolex", 1800.0),
    ("Ａ货香奈儿", "Chanel", 400.0),
])
def test_counterfeits_are_flagged(text: str, brand: str | None, price: float) -> None:
    assert family_score(rec(text, brand=brand, price=price)) >= FLAG


@pytest.mark.parametrize(("text", "brand", "price", "merchant", "category"), [
    ("官方复刻配色，旗舰店发售价", "Nike", 1299.0, "m_nike_official", "运动鞋"),
    ("复刻了小时候的绿豆糕", None, 29.0, "m1", "食品"),
    ("面粉和水1:1调匀", None, 19.0, "m1", "烘焙"),
    ("仿皮材质，价格友好，介意勿拍", None, 59.0, "m1", "箱包"),
    ("A字裙配A4文件袋，通勤很方便", None, 99.0, "m1", "服饰"),
    ("避雷！所谓原单都是高仿，官方渠道买才靠谱", None, 19.0, "m1", "图书"),
    ("二手出一只九成新的包，有鉴定证书", "Louis Vuitton", 5200.0, "m30", "二手奢品"),
    ("莆田特产桂圆干", None, 39.0, "m1", "食品"),
])
def test_hard_negatives_stay_clean(text: str, brand: str | None, price: float, merchant: str, category: str) -> None:
    assert family_score(rec(text, brand=brand, price=price, merchant=merchant, category=category)) < FLAG


def test_price_evidence_names_the_floor() -> None:
    r = rec("保真正品神仙水", brand="SK-II", price=99.0)
    ev = [s.evidence for s in DETECTOR.detect(r, ScanContext(r)) if s.code == "CF_PRICE_BELOW_FLOOR"]
    assert ev and ev[0].floor == 500.0 and ev[0].price == 99.0


# ---- round 2 (blind set): sentences written here ----

@pytest.mark.parametrize("text", [
    "退换请在申请里填写原单号",  # 原单号 = original order number
    "客服说原单价是199，活动价99",
    "外贸跟单员推荐的收纳盒",
    "正版图书，支持打击盗版",
])
def test_round2_order_words_are_not_slang(text: str) -> None:
    assert family_score(rec(text)) < FLAG


def test_enclosed_letter_a_goods_are_slang() -> None:
    assert family_score(rec("🅰️货包包，支持验货")) >= FLAG


# ---- round 3 (second blind set): sentences written here ----

@pytest.mark.parametrize(("text", "brand", "price"), [
    ("全新正品未拆封，比官网便宜三千多", "Apple", 899.0),  # genuine claim + admitted absurd discount
    ("专柜价的一折，懂的来", "Dior", 400.0),
    ("贴牌货，和大牌一个厂", "Chanel", 299.0),
])
def test_round3_fakes_are_flagged(text: str, brand: str, price: float) -> None:
    assert family_score(rec(text, brand=brand, price=price)) >= FLAG


@pytest.mark.parametrize("text", [
    "很多卖高仿的说自己是正品，这门课教你怎么看走线和五金",  # anti-fake education
    "被骗过一次才知道怎么辨别假货",
])
def test_round3_anti_fake_education_stays_clean(text: str) -> None:
    assert family_score(rec(text, title="防伪科普课程", category="service", price=9.9)) < FLAG


# ---- round 5 (style2 + hard-negative sets): cases written here ----

@pytest.mark.parametrize(("text", "title", "brand", "price", "stock"), [
    ("小香风短外套，自家工厂做的，不是大牌，配裙子很好看", "小香风 粗花呢外套", "织语女装", 229.0, 80),
    ("1:72 坦克拼装模型，履带能转，送胶水", "坦克模型 1:72", "模玩社", 89.0, 200),
    ("自有品牌去年的尾货，吊牌都是我们自己的牌子，断码清仓", "自有品牌 羊毛衫 尾货", "织语女装", 129.0, 30),
    ("教你两招分辨高仿耳机：查序列号、看充电盒，这款只是保护壳", "耳机保护壳", "数码控", 19.0, 500),
])
def test_round5_innocent_usages_stay_clean(text: str, title: str, brand: str, price: float, stock: int) -> None:
    """A big brand's nickname in the title of an own-label item is a style, not a brand claim; an
    own-brand seller's 尾货 is its own stock; how to spot fakes is a warning."""
    assert family_score(rec(text, title=title, brand=brand, price=price, stock=stock)) < FLAG


def test_an_inferred_brand_still_counts_when_the_post_talks_replica() -> None:
    r = rec("小香家的同款，原单品质，和专柜一样", title="小香 粗花呢外套", brand="织语女装", price=229.0, stock=80)
    assert family_score(r) >= FLAG


def test_a_used_item_with_twenty_in_stock_is_no_second_hand_sale() -> None:
    single = rec("自用闲置，正品九成新，299带走", title="戴森 吹风机", brand="Dyson", price=299.0, stock=1)
    shop = rec("自用闲置，正品九成新，299带走", title="戴森 吹风机", brand="Dyson", price=299.0, stock=20)
    assert family_score(single) < FLAG <= family_score(shop)


def test_round6_own_label_tail_stock_stays_clean() -> None:
    r = rec("自家店去年的尾货，都是自己打版的款，不冒充大牌", title="换季 尾货 清仓", brand="织语女装", price=59.0)
    assert family_score(r) < FLAG


def test_own_label_words_do_not_soften_a_declared_luxury_brand() -> None:
    r = rec("不是大牌专柜货，尾单，和专柜一样", title="手袋", brand="Gucci", price=399.0)
    assert family_score(r) >= FLAG


def test_round8_passing_an_authentication_app_is_replica_talk() -> None:
    pitch = rec("倒钩配色，鞋盒钢印齐全，得物能过，389到手", brand="Air Jordan", price=389.0)
    assert family_score(pitch) >= FLAG
    authenticated = rec("二手倒钩，已鉴定过，支持鉴定，鉴定不过全额退", brand="Air Jordan", price=1500.0)
    assert family_score(authenticated) < FLAG


def test_round9_coconut_is_no_yeezy_and_a_ratio_is_no_replica() -> None:
    assert family_score(rec("椰浆和牛奶1:1，冷藏四小时脱模", title="椰子冻模具", price=19.9)) < FLAG
    assert family_score(rec("椰子350白冰，原厂1:1做工，179到手", title="椰子350 白冰", price=179.0)) >= FLAG


def test_round9_a_warning_keeps_slang_below_the_corroboration_floor() -> None:
    from moderation.pipeline import CORROBORATION_FLOOR

    r = rec("一本教你看懂奢侈品鉴定的书，看完才知道那些号称原单、高仿的都是什么套路，别贪便宜")
    assert 0.0 < max(s.score for s in DETECTOR.detect(r, ScanContext(r))) < CORROBORATION_FLOOR


def test_round10_the_original_order_slip_is_no_replica() -> None:
    assert family_score(rec("换货时把原单里的发货小票一起寄回就行")) < FLAG
    assert family_score(rec("原单尾货，专柜同款，149包邮")) >= FLAG
