"""FalseAdDetector: its worked examples, and hard cases written for this test (not taken from the dev set)."""

from __future__ import annotations

import pytest

from moderation.detectors.base import ScanContext
from moderation.detectors.false_ad import FalseAdDetector
from moderation.text.normalize import normalize
from moderation.types import ContactEvidence, ElementsEvidence, Merchant, Product, Recommendation, TextSpan

DETECTOR = FalseAdDetector()
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


@pytest.mark.parametrize("example", FalseAdDetector.get_examples(),
                         ids=lambda e: e.note or str(sorted(e.expect_codes)))
def test_examples(example) -> None:
    codes = flagged_codes(example.rec)
    assert example.expect_codes <= codes, codes
    assert not (example.forbid_codes & codes), codes


def test_evidence_points_into_the_original_text() -> None:
    for example in FalseAdDetector.get_examples():
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


@pytest.mark.parametrize("text", [
    "史上最舒服的一双鞋",
    "行业第一品牌的洗衣液",
    "全 网 最 低 价，冲！",
    "世界級工藝，頂級品質",
    "zuihao用的防晒",
    "这款茶能降血压，还能治失眠",
    "喝了一个月瘦了12斤，不瘦退款",
    "三个月长高8厘米",
    "皮肤科专家推荐的面霜",
    "面霜能冶愈湿疹",
])
def test_violations_are_flagged(text: str) -> None:
    assert family_score(rec(text, category="食品")) >= FLAG


@pytest.mark.parametrize(("text", "category"), [
    ("最近换季皮肤有点干", "美妆"),
    ("最后一件了，手慢无", "服饰"),
    ("第一次用这种质地的面霜", "美妆"),
    ("这台冰箱是一级能效", "家电"),
    ("治愈系小说推荐", "图书"),
    ("唯一的缺点是有点重", "数码"),
    ("电子体温计，注册证号见包装，用于测量体温，发热请及时就医治疗", "医疗器械"),
    ("蓝帽子保健食品，保健功能：增强免疫力。本品不能代替药物", "保健食品"),
    ("流感季记得戴口罩", "个护"),
])
def test_hard_negatives_stay_clean(text: str, category: str) -> None:
    assert family_score(rec(text, category=category)) < FLAG


def test_health_food_cure_cites_article_18() -> None:
    signals = DETECTOR.detect(r := rec("吃了能治疗糖尿病", category="保健食品"), ScanContext(r))
    assert any(s.code == "AD_HEALTH_FOOD_CURE" and "第十八条" in (s.law or "") for s in signals)
