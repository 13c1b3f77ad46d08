"""MlmDetector: its worked examples, and hard cases written for this test (not taken from the dev set)."""

from __future__ import annotations

import detector_harness as harness
import pytest
from detector_harness import FLAG, rec

from moderation.detectors.base import ScanContext
from moderation.detectors.mlm import MlmDetector
from moderation.types import Recommendation

DETECTOR = MlmDetector()


def flagged_codes(r: Recommendation) -> set[str]:
    return harness.flagged_codes(DETECTOR, r)


def family_score(r: Recommendation) -> float:
    return harness.family_score(DETECTOR, r, "mlm")


@pytest.mark.parametrize("text", [
    "诚招一级代理，交1980成为代理，拿货5折",
    "发展下线有提成，团队越大收入越高",
    "拉人头奖励200，多级返利",
    "zhao daili，入门费3000",
    "代.理.费 5000，押货10箱",
    "宝妈副业月入2万，零门槛创业",
])
def test_mlm_is_flagged(text: str) -> None:
    assert family_score(rec(text)) >= FLAG


@pytest.mark.parametrize("text", [
    "专利代理机构，有备案",
    "法国某酒庄中国总代理进口",
    "直播先下线啦，明天见",
    "研发团队调了两年的算法",
    "二级建造师考试教材",
    "这台车刚下线就被订走",
])
def test_hard_negatives_stay_clean(text: str) -> None:
    assert family_score(rec(text)) < FLAG


def test_elements_evidence_names_the_elements() -> None:
    r = rec("招代理！代理费3980，团队计酬")
    ev = [s.evidence for s in DETECTOR.detect(r, ScanContext(r)) if s.code == "MLM_ELEMENTS"]
    assert ev and {"recruitment", "entry_fee", "team_pay"} <= set(ev[0].elements)


# ---- round 2 (blind set): sentences written here ----

@pytest.mark.parametrize("text", [
    "现招团队长，带满5个代理升级",
    "带出三个下级就有育成奖",
    "代理需先囤货2000元",
    "诚招店主，零门槛开店，平级奖见单奖都有",
])
def test_round2_schemes_are_flagged(text: str) -> None:
    assert family_score(rec(text)) >= FLAG


@pytest.mark.parametrize("text", [
    "投资金条保证升值，稳赚不赔",  # a §25 return promise alone is the false_ad detector's, not a scheme
    "招聘店主助理，坐班",
    "带两个人的帐篷，户外露营",
    "清仓保本价出",
])
def test_round2_not_schemes(text: str) -> None:
    assert family_score(rec(text)) < FLAG


# ---- round 3 (second blind set): sentences written here ----

def test_round3_downline_price_spread_is_team_pay() -> None:
    r = rec("代理等级：囤货一万是省代，五千是市代，下级拿货你还有差价")
    assert family_score(r) >= FLAG


def test_round3_side_job_pitch_is_a_scheme() -> None:
    assert family_score(rec("想做副业的宝妈看过来，一部手机就行，收入上不封顶")) >= FLAG


@pytest.mark.parametrize("text", [
    "招聘店员，底薪四千加提成，五险一金",  # a salesperson's own commission is ordinary pay
    "诚聘导购，月薪5000+提成，包吃住",
])
def test_round3_job_ads_with_commission_stay_clean(text: str) -> None:
    assert family_score(rec(text)) < FLAG


# ---- round 5 (style2 set): sentences written here ----

@pytest.mark.parametrize("text", [
    "自己用着好还能带人一起做，带够五个人升店长，下面每一单都有提成",
    "办卡成为会员，推荐一位返2000，推荐的人再推荐你还能拿800",
])
def test_round5_schemes_are_flagged(text: str) -> None:
    assert family_score(rec(text)) >= FLAG


@pytest.mark.parametrize("text", [
    "带两个人的帐篷，户外露营够用",
    "金条现在买明年保证涨，稳赚不赔",  # an investment ad (§25, false_ad), not a scheme
])
def test_round5_not_schemes(text: str) -> None:
    assert family_score(rec(text)) < FLAG


# ---- round 6 (style3 set): sentences written here ----

@pytest.mark.parametrize("text", [
    "边上班边推这个，一单赚200，拉朋友进来做你还有团队分成",
    "买一台送会员，带两个老同事来听课再返500",
])
def test_round6_schemes_are_flagged(text: str) -> None:
    assert family_score(rec(text)) >= FLAG


@pytest.mark.parametrize("text", [
    "小店自己做自己卖，不做加盟也不招代理",
    "年卡199，借书免费，没有什么拉人返现的套路",
])
def test_round6_posts_that_refuse_schemes_stay_clean(text: str) -> None:
    assert family_score(rec(text)) < FLAG


def test_round6_referral_bonus_makes_an_investment_pitch_a_scheme() -> None:
    assert family_score(rec("养生茶项目，投入一万每月返息，拉亲友进来另有5%奖励")) >= FLAG


@pytest.mark.parametrize("text", [
    "推荐大家拿一个试试，真的好用",
    "拉链拉得一点都不卡",
    "推荐给闺蜜，她拿三盒囤着",
    "周末带两个孩子出门，每次都拿三包湿巾",
    "婚礼那天带三个姐妹当伴娘",
])
def test_review_innocent_sentences_are_no_schemes(text: str) -> None:
    assert family_score(rec(text)) < FLAG


def test_a_scam_warning_cue_does_not_hide_a_real_pitch() -> None:
    pitch = "入门398拿代理，拉三个人就回本，加微信abc12345，正规公司，远离传销，都要当心骗子哦"
    assert family_score(rec(pitch)) >= FLAG


# ---- round 8 (style5/style6 odd halves): phrasing classes, sentences written here ----

@pytest.mark.parametrize("text", [
    "童装招分销，一件代发不压货",                      # recruiting distributors
    "你介绍的人下单你也有提成，她再介绍的人再买你还有",  # pay from the downline's sales, two levels
    "拉的人再拉人，你照样有钱拿，一共拿三代收益",        # levels of downline income
])
def test_round8_multi_level_pay_in_plain_words_is_flagged(text: str) -> None:
    assert family_score(rec(text)) >= FLAG


@pytest.mark.parametrize("text", [
    "我带的人都说好用，下次再带朋友来逛",  # people one brought along, no pay
    "三代同堂一起吃年夜饭",
])
def test_round8_ordinary_uses_stay_clean(text: str) -> None:
    assert family_score(rec(text)) < FLAG


@pytest.mark.parametrize("text", [
    "朋友圈有人找我做代理，要交钱押货，直接拒了",          # a refused offer
    "《卡坦岛》桌游：发展城市，拉朋友交易资源",             # a game's rules
    "商标注册可以找代理机构，进度在官方系统查",
    "一本讲传销和非法集资套路的书：拉人头、入门费、发展下线",
])
def test_round9_quoted_or_innocent_recruiting_words_stay_clean(text: str) -> None:
    assert family_score(rec(text)) < FLAG


def test_round9_zero_threshold_joining_plus_income_is_a_pitch() -> None:
    assert family_score(rec("宝妈零门槛加入，跟着团队发圈，第一个月就月入过万")) >= FLAG
    assert family_score(rec("宝妈ling menkan加入，跟着团队发圈，第一个月就yueru guowan")) >= FLAG
