"""Round 12 (fresh set style10, short posts): phrasing classes the lexicon missed, and the innocent posts
that the new entries must leave alone. Pipeline = the text detectors (lexicon only)."""

from __future__ import annotations

import pytest

from moderation.engine import text_detectors
from moderation.pipeline import Pipeline
from moderation.policy import load_policy
from moderation.types import Product, Recommendation

PIPELINE = Pipeline(text_detectors(), load_policy())


def scores(text: str, category: str | None = None) -> dict[str, float]:
    rec = Recommendation(id="probe", text=text, product=Product(title="商品", category=category))
    return PIPELINE.scan(rec).scores


@pytest.mark.parametrize(("text", "category"), [
    # medication stopped, reduced or replaced; treatment avoided
    ("早搏好多年，喝了两个月，心内科开的药我已经自己停了", "保健食品"),
    ("颈椎引起的头晕没再犯，降压药也减了一半", "家纺"),
    ("猫咪反复吐，挤了三天营养膏就不吐了，输液都省了", "宠物"),
    ("白细胞掉得厉害，吃了一周就升回来，能顶替升白针", "保健食品"),
    ("娃脾虚积食老咳嗽，天天吃，这半年儿科门诊一次没去", "食品"),   # a hospital stay-away next to a complaint
    ("湿疹红血丝都能修好，敏感肌放心用", "美妆"),
    # authority by supervision, use or certification
    ("宝宝哭闹贴上就睡，儿童医院主任自己家也在用", "母婴"),
    ("清华教授亲自监制，三岁以上的娃都能听", "玩具"),
    ("德国汽车协会认证的黑科技，老车也能跑出新车感", "汽车用品"),
    # quantified results no product can promise
    ("每天听半小时，三个月智商提高20分", "玩具"),
    ("加一瓶油耗立降30%，老车也有劲", "汽车用品"),
    # found by the lexicon-only run on style11/style10 (the model had caught them)
    ("疤痕增生三年，涂两支就平了", "美妆"),                           # a weak result verb next to a complaint
    ("过敏性鼻炎一换季就发作，今年秋天没再喷过鼻喷剂", "食品"),
    ("老寒腿护膝，戴上关节炎就好", "保健"),                           # 就好 right after the disease
    ("小黑瓶精华能冶痘痘闭口", "美妆"),                               # 冶 for 治
])
def test_false_ad_phrasings_flag(text: str, category: str) -> None:
    assert scores(text, category)["false_ad"] >= 0.5


@pytest.mark.parametrize(("text", "category"), [
    ("班主任推荐的寒假书单，孩子自己挑了三本", "图书"),               # a class teacher is no medical authority
    ("手机屏幕都能修好，上门换屏比店里便宜", "数码"),                 # 修好 with no condition named
    ("新款续航提升20%，充电也更快", "数码"),                          # a spec, not a fuel or IQ promise
    ("冷冻的至尊披萨，空气炸锅八分钟，芝士拉丝", "食品"),              # a pizza's name
    ("这半年医院一次没去，工作太忙了，买了台咖啡机续命", "家电"),      # no complaint named: a remark
    ("NMN抗衰，每天两粒", "保健食品"),                                # 抗衰 is as weak as 抗衰老
    ("便秘就好好喝水，这个大水杯一天四杯刚好", "家居"),               # 就好好 is advice, not a cure
    ("消过毒的奶瓶放这个架子上晾干", "母婴"),
])
def test_innocent_or_weak_posts_stay_below_the_line(text: str, category: str) -> None:
    assert scores(text, category)["false_ad"] < 0.5


@pytest.mark.parametrize("text", ["福建源头工厂的椰子700，过毒版本，150一双", "福建源头工厂的🥥700 过☠️版本，150一双"])
def test_passing_the_authentication_app_is_replica_talk(text: str) -> None:
    """过毒 = passes 得物 (formerly 毒), the resale app's authentication; ☠ and 🥥 spell 毒 and 椰子."""
    assert scores(text, "运动鞋")["counterfeit"] >= 0.5


def test_grade_slang_of_a_fake_is_not_an_absolute_claim() -> None:
    """顶级货源 / 顶级货 grade a replica (counterfeit), like 顶级复刻; the dev set does not call them §9 claims."""
    s = scores("2002R 莆田顶级货源，一手档口直发，128一双", "运动鞋")
    assert s["counterfeit"] >= 0.5 and s["false_ad"] < 0.5
    assert scores("全网最顶级的复刻，做工第一", "箱包")["false_ad"] >= 0.5


@pytest.mark.parametrize("text", [
    "老顾客直接打 0571-8826 4410 订，每周三送货",                    # a landline
    "要的兄弟飞机或V搜 gpu_laowang，当面交易更便宜",
    "添加客服个人号 chuanglian0306（手机同号）",
    "窗帘尺寸不一样价格不同，私下报价更便宜",
    "扫主页二维码加我，走私单送蜡烛",
    "数量大的老板来🟢💬聊：yizi_pifa",                                 # green bubble = WeChat
    "想便宜的扫石马进君羊，群里价比店里低",                            # 码 and 群 split into components
    "迪通拿实拍在朋友圈，私人号 rolexfan_88",
])
def test_diversion_phrasings_flag(text: str) -> None:
    assert scores(text)["mlm"] >= 0.5


@pytest.mark.parametrize("text", [
    "电池容量5000mAh，货号0571882644，送充电头",                       # a labelled number
    "💬评论区告诉我你们想看什么颜色",                                   # a speech bubble alone is decoration
])
def test_numbers_and_bubbles_that_are_not_contacts(text: str) -> None:
    assert scores(text)["mlm"] < 0.5
