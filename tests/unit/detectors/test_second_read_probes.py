"""Probe sentences from a second read of rounds 8–11 (a separate session, written for this test): each
once went the wrong way under a new lexicon entry or rule. Innocent posts must stay below the flag line,
violations must stay flagged. Pipeline = the text detectors (lexicon only, the fast regression path)."""

from __future__ import annotations

import pytest
from detector_harness import pipeline_scores as scores


@pytest.mark.parametrize(("text", "category"), [
    ("品质保证，用过都说好，回购第三次了", "洗护"),                 # 保证 … 过 without an exam
    ("新鲜有保证，吃过就忘不了这个味道", "水果"),
    ("下单后3天保证发货，白色和黑色都有现货", "服饰"),             # a time span, then a shipping promise
    ("质量有保证，手感变好了很多", "数码"),
    ("售后有保证，孩子学会自己穿鞋了", "童鞋"),
    ("被我推荐的人买了都说好用，我自己也有两支", "美妆"),           # no commission
    ("我们小区团购群里下单的，很划算，苹果很甜", "水果"),
    ("Pro版的外壳和标准版一样，都是铝合金", "数码"),
    ("工厂直供，支持OEM贴牌加工，起订量500件", "服饰"),
    ("正品保证，支持得物鉴定，鉴定可以过再付款", "运动鞋"),
    ("这锅终身质保，永久不坏包换", "厨具"),
    ("家用血压计很方便，不用再去医院排队量了", "医疗器械"),
    ("拍照支持16:9、4:3、1:1三种画幅", "数码"),                    # a ratio list, not 1:1 replica talk
    ("学生党闭眼上车，这支口红才39", "美妆"),
    ("纤维❤️面料，思维❤️导图本，三维❤️拼图", "文具"),               # hearts after ordinary words
])
def test_innocent_probes_stay_clean(text: str, category: str) -> None:
    assert max(scores(text, category).values()) < 0.5


def test_a_used_goods_shop_with_a_few_pieces_is_second_hand() -> None:
    assert scores("中古店正品LV老花包，九成新，每只都有鉴定证书", "二手奢侈品", brand="Louis Vuitton",
                  price=3200.0, stock=6)["counterfeit"] < 0.5


@pytest.mark.parametrize(("text", "family"), [
    ("以前朋友找我我都拒绝了，现在后悔死了！诚招代理，零门槛加入，交3980入门费就能拿货，每发展一个下线返利500", "mlm"),
    ("剧本杀门店诚招代理！交3980代理费就能成为合伙人，每发展一个下线返利500，三代收益", "mlm"),
    ("边玩游戏边赚钱！在游戏中邀请好友注册，每拉一个人返利50，交199会员费就能成为推广员", "mlm"),
    ("游戏中的金币可以提现，投资1000元年化收益30%，稳赚不赔，零风险", "false_ad"),
    ("这药酒能根治痛风，说是骗局的都是同行眼红", "false_ad"),       # the cue defends the seller
    ("这批是原单中的战斗机，细节做工绝了", "counterfeit"),
    ("国货No.1面霜，回购无数次", "false_ad"),                       # No.1 before a product noun
    ("行业No.1床垫，睡过都说好", "false_ad"),
    ("我们的茶叶可以治疗肿瘤", "false_ad"),                          # 治疗肿 is not the allow-phrase 治疗中
    ("这款茶不是治标，是治本，能根治鼻炎", "false_ad"),
    ("全国唯一愿意承诺零添加的酱油品牌", "false_ad"),
])
def test_violation_probes_stay_flagged(text: str, family: str) -> None:
    assert scores(text)[family] >= 0.5


def test_an_investment_offer_inside_a_game_shop_is_still_flagged() -> None:
    assert max(scores("桌游店投资加盟，保底回报，稳赚不赔，一年回本").values()) >= 0.5
