"""DiversionDetector: its worked examples, and hard cases written for this test (not taken from the dev set)."""

from __future__ import annotations

import detector_harness as harness
import pytest
from detector_harness import FLAG, rec

from moderation.detectors.base import ScanContext
from moderation.detectors.diversion import DiversionDetector
from moderation.types import Recommendation

DETECTOR = DiversionDetector()


def flagged_codes(r: Recommendation) -> set[str]:
    return harness.flagged_codes(DETECTOR, r)


def family_score(r: Recommendation) -> float:
    return harness.family_score(DETECTOR, r, "mlm")


@pytest.mark.parametrize(("text", "code"), [
    ("详情加徽信 mimi_2024", "DIVERSION_WECHAT"),
    ("➕V❤ abc888 拿内部价", "DIVERSION_WECHAT"),
    ("有意者联系 幺三八 一二三四 五六七八", "DIVERSION_PHONE"),
    ("电话：①③⑨①②③④⑤⑥⑦⑧", "DIVERSION_PHONE"),
    ("电话 150·8877·6655", "DIVERSION_PHONE"),
    ("扣扣 12345678 详聊", "DIVERSION_QQ"),
    ("扫 码 进 群领券", "DIVERSION_GROUP_QR"),
    ("微-信：abc_888", "DIVERSION_WECHAT"),
])
def test_contacts_are_flagged(text: str, code: str) -> None:
    assert code in flagged_codes(rec(text))


@pytest.mark.parametrize("text", [
    "同步微信运动，每天打卡",
    "微信读书里也能看这本",
    "QQ音乐会员送一个月",
    "V领毛衣配VC片，冬天必备",
    "10000mAh的充电宝",
    "货号15920231108，尺码偏大",
    "扫码查真伪，放心购买",
])
def test_hard_negatives_stay_clean(text: str) -> None:
    assert family_score(rec(text)) < FLAG


def test_contact_evidence_shows_the_original_spelling() -> None:
    r = rec("看图加威信 mm52088 私聊")
    ev = [s.evidence for s in DETECTOR.detect(r, ScanContext(r)) if s.code == "DIVERSION_WECHAT"]
    with_id = [e for e in ev if e.value == "mm52088"]
    assert with_id and "威信" in with_id[0].text and with_id[0].text.endswith("mm52088")


# ---- round 2 (blind set): disguises added to the normaliser tables, sentences written here ----

@pytest.mark.parametrize("text", [
    "想要同款的➕💚✉ abc_shop88",
    "🟢信搜 meimei2023 备注来意",
    "薇芯：shoes_fan520",
    "卫星号 lily_beauty9 私聊",
    "瑕疵款没法上架，绿色软件搜 sport_outlet 找我",
    "瑕疵款沒法上架，綠色軟體搜 sport_outlet 找我",  # Taiwan vocabulary: 軟體 = 软件
    "加企鹅 283746591 发你图",
    "电话❶❸❾ ❽❽❼❻ ❺❹❸❷",
    "评论区扣1拉你进内购",
    "转账更便宜，直接转账给我就行",
])
def test_round2_disguised_contacts_are_flagged(text: str) -> None:
    assert family_score(rec(text)) >= FLAG


@pytest.mark.parametrize("text", [
    "牛仔外套款号18820230916，对照尺码表选",
    "卫星导航仪，定位准",
    "小企鹅玩偶，萌萌的",
    "评论区告诉我你们想要什么颜色",
    "主页还有其他款式可以看看",
])
def test_round2_innocent_usages_stay_clean(text: str) -> None:
    assert family_score(rec(text)) < FLAG


# ---- round 3 (second blind set): sentences written here ----

@pytest.mark.parametrize("text", [
    "个签里有我的V，需要团购的直接加",  # profile-signature hint
    "要其他花色的私信我要v，那边图更全",  # ask me for the contact
    "定制款私信我要微信，发照片给你做",
    "想要更多颜色的去我主页，有我的小号",  # second account on the profile
    "头像有v，加我发实拍",
])
def test_round3_disguised_contacts_are_flagged(text: str) -> None:
    assert family_score(rec(text)) >= FLAG


@pytest.mark.parametrize("text", [
    "想要v领款的宝子直接拍黑色",  # V-neck
    "我的v领毛衣终于到了",
    "支持微信支付，要微信支付的下单时选一下",
    "下单留个联系方式方便快递联系",  # delivery contact on the platform
])
def test_round3_innocent_usages_stay_clean(text: str) -> None:
    assert family_score(rec(text)) < FLAG


# ---- round 5 (style2 set): sentences written here ----

@pytest.mark.parametrize("text", [
    "其他口味在小红书同名账号，私聊转账直接发",
    "想进群的扫第二张图的二维码进粉丝群",
    "评论区扣个1，我一个个拉进团购群",
    "关注公众号回复“团购”拿群码",
    "细节视频发不上来，私我拿V",
])
def test_round5_diversions_are_flagged(text: str) -> None:
    assert family_score(rec(text)) >= FLAG


@pytest.mark.parametrize("text", [
    "我不会让大家加微信私下买，有问题找平台客服",
    "群青色的毛衣，很显白",
])
def test_round5_innocent_usages_stay_clean(text: str) -> None:
    assert family_score(rec(text)) < FLAG


def test_a_scam_warning_quotes_contact_phrases_without_offering_them() -> None:
    text = "防骗指南：让你加微信进群领红包的、说躺着赚钱拉人头的，都要当心"
    assert family_score(rec(text)) < FLAG
    assert family_score(rec("加微信进群领红包，躺着赚钱")) >= FLAG  # the same phrases as an offer
    assert family_score(rec("这不是骗局，放心加微信 abc_shop1 详聊")) >= FLAG  # a recruiter's denial is no warning


def test_round6_other_platform_handles_are_diversion() -> None:
    assert family_score(rec("款式太多放不下，去抖音搜同名号，直播间下单")) >= FLAG


@pytest.mark.parametrize("text", ["孩子进入人群密集场所要戴口罩", "打窝时加入小米，鱼群很快就来了"])
def test_review_crowds_and_shoals_are_no_groups(text: str) -> None:
    assert family_score(rec(text)) < FLAG


def test_a_scam_warning_keeps_a_published_contact() -> None:
    assert family_score(rec("防骗指南看完了，有需要加微信 abc_shop88 找我拿货")) >= FLAG


@pytest.mark.parametrize("text", ["产品编码17706230218印在机器背面", "保修码：13912345678，登记时要填"])
def test_round8_labelled_codes_are_no_phone_numbers(text: str) -> None:
    assert "DIVERSION_PHONE" not in flagged_codes(rec(text))
    assert "DIVERSION_PHONE" in flagged_codes(rec(text.replace("产品编码", "电话").replace("保修码", "电话")))


def test_the_pinyin_of_a_word_after_weixin_is_no_wechat_id() -> None:
    warned = rec("防骗手册：让你jia weixinjinqun领红包的都要当心")  # 进群 in pinyin, not an id
    assert "DIVERSION_WECHAT" not in flagged_codes(warned)
    assert "DIVERSION_WECHAT" in flagged_codes(rec("防骗手册：有人让你加weixin abc123领红包"))  # a real id is kept
