"""MlmDetector: its worked examples, and hard cases written for this test (not taken from the dev set)."""

from __future__ import annotations

import pytest

from moderation.detectors.base import ScanContext
from moderation.detectors.mlm import MlmDetector
from moderation.text.normalize import normalize
from moderation.types import ContactEvidence, ElementsEvidence, Merchant, Product, Recommendation, TextSpan

DETECTOR = MlmDetector()
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


@pytest.mark.parametrize("example", MlmDetector.get_examples(),
                         ids=lambda e: e.note or str(sorted(e.expect_codes)))
def test_examples(example) -> None:
    codes = flagged_codes(example.rec)
    assert example.expect_codes <= codes, codes
    assert not (example.forbid_codes & codes), codes


def test_evidence_points_into_the_original_text() -> None:
    for example in MlmDetector.get_examples():
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
