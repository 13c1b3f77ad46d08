"""DiversionDetector: its worked examples, and hard cases written for this test (not taken from the dev set)."""

from __future__ import annotations

import pytest

from moderation.detectors.base import ScanContext
from moderation.detectors.diversion import DiversionDetector
from moderation.text.normalize import normalize
from moderation.types import ContactEvidence, ElementsEvidence, Merchant, Product, Recommendation, TextSpan

DETECTOR = DiversionDetector()
FLAG = 0.5


def flagged_codes(rec: Recommendation) -> set[str]:
    return {s.code for s in DETECTOR.detect(rec, ScanContext(rec)) if s.score >= FLAG}


def family_score(rec: Recommendation) -> float:
    miss = 1.0
    best: dict[str, float] = {}
    for s in DETECTOR.detect(rec, ScanContext(rec)):
        best[s.code] = max(best.get(s.code, 0.0), s.score)
    for score in best.values():
        miss *= 1.0 - score
    return 1.0 - miss


def rec(text: str, title: str | None = None, brand: str | None = None, price: float | None = None,
        category: str | None = None, merchant: str = "m1", stock: int | None = None) -> Recommendation:
    return Recommendation(id="t", text=text, merchant=Merchant(id=merchant),
                          product=Product(title=title, brand=brand, price=price, category=category, stock=stock))


@pytest.mark.parametrize("example", DiversionDetector.get_examples(),
                         ids=lambda e: e.note or str(sorted(e.expect_codes)))
def test_examples(example) -> None:
    codes = flagged_codes(example.rec)
    assert example.expect_codes <= codes, codes
    assert not (example.forbid_codes & codes), codes


def test_evidence_points_into_the_original_text() -> None:
    for example in DiversionDetector.get_examples():
        fields = example.rec.text_fields()
        for s in DETECTOR.detect(example.rec, ScanContext(example.rec)):
            assert s.detector == DETECTOR.name and s.law
            spans = s.evidence.spans if isinstance(s.evidence, ElementsEvidence) else (s.evidence,)
            for ev in spans:
                if isinstance(ev, TextSpan | ContactEvidence):
                    assert fields[ev.field][ev.start:ev.end] == ev.text


def test_resource_versions_name_the_lexicon() -> None:
    assert "lexicon" in DETECTOR.resource_versions


def test_normalised_field_is_shared_through_the_context_memo() -> None:
    r = rec("加 微 信 abc123")
    ctx = ScanContext(r)
    DETECTOR.detect(r, ctx)
    assert ctx.memo(("normalized", "text"), lambda: None).text == normalize("加 微 信 abc123").text


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
