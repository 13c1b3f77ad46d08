"""Pure units of the core seam: fusion, policy routing, fail-closed pipeline, batching."""

from __future__ import annotations

import pytest

from moderation.detectors.base import Detector, ScanContext
from moderation.detectors.partner_link import PartnerLinkDetector
from moderation.pipeline import CORROBORATION_FLOOR, Pipeline, fuse
from moderation.policy import Policy, compare, load_policy
from moderation.types import Recommendation, Route, Signal


def sig(family: str, code: str, score: float) -> Signal:
    return Signal(family, code, score)


def test_fusion_counts_each_code_once_and_reinforces_across_codes() -> None:
    same_code = fuse([sig("false_ad", "A", 0.4), sig("false_ad", "A", 0.3)])
    assert same_code["false_ad"] == pytest.approx(0.4)
    two_codes = fuse([sig("false_ad", "A", 0.4), sig("false_ad", "B", 0.4)])
    assert two_codes["false_ad"] == pytest.approx(1 - 0.6 * 0.6)
    assert two_codes["mlm"] == 0.0 and set(two_codes) == {"false_ad", "counterfeit", "mlm"}
    assert fuse([sig("scan", "IMAGE_UNREADABLE", 1.0)])["counterfeit"] == 0.0


def test_policy_routes_by_thresholds_and_fails_closed() -> None:
    policy = load_policy()
    assert policy.route({"false_ad": 0.49})[0] is Route.APPROVE
    assert policy.route({"false_ad": 0.5})[0] is Route.REVIEW
    assert policy.route({"counterfeit": 0.99}) == (Route.REJECT, ("counterfeit>=0.97",))
    assert policy.route({"mlm": 0.0}, complete=False) == (Route.REVIEW, ("incomplete_scan",))
    with pytest.raises(ValueError):
        Policy.from_dict({**policy.to_dict(), "incomplete_route": "approve"})
    with pytest.raises(ValueError):
        Policy.from_dict({**policy.to_dict(), "families": {"false_ad": {"review": 0.8, "reject": 0.5}}})


def test_compare_counts_route_changes() -> None:
    live = load_policy()
    strict = Policy.from_dict({**live.to_dict(), "version": "s", "families": {"mlm": {"review": 0.2}}})
    result = compare(live, strict, [({"mlm": 0.3}, True), ({"mlm": 0.6}, True), ({}, True)])
    assert (result.total, result.changed, result.transitions) == (3, 1, {"approve->review": 1})


class Exploding(Detector):
    name = "exploding"
    families = ("false_ad",)
    version = "1"

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        if "boom" in rec.text:
            raise RuntimeError("detector bug")
        return []


def test_a_crashing_detector_sends_only_that_item_to_review() -> None:
    pipeline = Pipeline([PartnerLinkDetector(), Exploding()], load_policy())
    recs = [Recommendation(id="a", text="fine"), Recommendation(id="b", text="boom"),
            Recommendation(id="c", text="fine", product={"url": "https://x.example/1"})]
    a, b, c = (pipeline.decide(s) for s in pipeline.collect_many(recs))
    assert a.route is Route.APPROVE and a.complete
    assert b.route is Route.REVIEW and not b.complete
    assert [s.code for s in b.signals] == ["DETECTOR_ERROR"]
    assert b.signals[0].evidence.to_dict()["detector"] == "exploding"
    assert c.route is Route.REVIEW and c.complete  # its own signal survived the batch retry


def test_images_without_image_detectors_are_never_approved() -> None:
    pipeline = Pipeline([PartnerLinkDetector()], load_policy())
    verdict = pipeline.scan(Recommendation(id="i", text="ok", images=[{"url": "https://img.example/a.jpg"}]))
    assert verdict.route is Route.REVIEW and "IMAGES_NOT_SCANNED" in {s.code for s in verdict.signals}


def test_verdict_records_every_version() -> None:
    verdict = Pipeline([PartnerLinkDetector()], load_policy()).scan(Recommendation(id="v", text="x"))
    assert {"policy", "pipeline", "detector:partner_link", "partner_domains"} <= set(verdict.versions)


def test_partner_link_examples() -> None:
    detector = PartnerLinkDetector()
    for example in detector.get_examples():
        codes = {s.code for s in detector.detect(example.rec, ScanContext(example.rec))}
        assert example.expect_codes <= codes, example.note
        assert not (example.forbid_codes & codes)
        if not example.expect_codes:
            assert not codes, example.note


@pytest.mark.parametrize("bad", [
    {"id": "x", "text": "t", "extra": 1},
    {"id": "has space", "text": "t"},
    {"id": "x", "text": "t", "images": [{"url": "https://a", "data": "AAAA"}]},
    {"id": "x", "text": "t", "callback_url": "ftp://host/x"},
    {"id": "x", "text": "t", "product": {"price": float("nan")}},
])
def test_recommendation_validation_refuses_bad_input(bad: dict) -> None:
    with pytest.raises(ValueError):
        Recommendation.model_validate(bad)


def test_review_priority_orders_by_severity_reach_and_merchant_credit() -> None:
    from moderation.store.recommendations import review_priority
    from moderation.types import Verdict

    def verdict(score: float, complete: bool = True) -> Verdict:
        return Verdict(Route.REVIEW, {"false_ad": score, "counterfeit": 0.0, "mlm": 0.0}, (), {}, complete)

    assert review_priority(1_000_000, verdict(0.6)) > review_priority(100, verdict(0.6))
    assert review_priority(100, verdict(0.9)) > review_priority(100, verdict(0.6))
    assert review_priority(100, verdict(0.6, complete=False)) > review_priority(100, verdict(0.6))
    tiers = load_policy().merchant_tier_priority
    assert review_priority(100, verdict(0.6), tiers["D"]) > review_priority(100, verdict(0.6), tiers["A"])


class SecondOpinion(Detector):
    name = "second_opinion"
    families = ("false_ad", "counterfeit", "mlm")
    version = "1"
    corroborates_only = True

    def __init__(self) -> None:
        self.seen: list[str] = []

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        self.seen.append(rec.id)
        return [Signal("false_ad", "MODEL_FALSE_AD", 0.55, detector=self.name),
                Signal("mlm", "MODEL_MLM", 0.55, detector=self.name)]


class WeakLexicon(Detector):
    name = "weak_lexicon"
    families = ("false_ad",)
    version = "1"

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        if "最" in rec.text:
            return [Signal("false_ad", "AD_WEAK", 0.4, detector=self.name)]
        if "疗" in rec.text:  # damped or meaningless-alone evidence, below the corroboration floor
            return [Signal("false_ad", "AD_DAMPED", 0.15, detector=self.name)]
        return []


def test_a_corroborating_detector_never_flags_alone_but_reinforces_evidence() -> None:
    second_opinion = SecondOpinion()
    pipeline = Pipeline([second_opinion, WeakLexicon()], load_policy())  # listed first, still runs last
    alone = pipeline.scan(Recommendation(id="a", text="好物推荐"))
    assert alone.route is Route.APPROVE and alone.scores["false_ad"] == 0.0
    together = pipeline.scan(Recommendation(id="b", text="最好用"))
    assert together.scores["false_ad"] == pytest.approx(1 - 0.6 * 0.45)
    assert together.scores["mlm"] == 0.0  # shown for every family, counted only where evidenced
    assert {s.code for s in together.signals} == {"AD_WEAK", "MODEL_FALSE_AD", "MODEL_MLM"}
    assert together.route is Route.REVIEW
    damped = pipeline.scan(Recommendation(id="c", text="疗"))
    assert CORROBORATION_FLOOR > 0.15 and damped.scores["false_ad"] == pytest.approx(0.15)
    assert damped.route is Route.APPROVE
    # Where nothing is evidenced the second opinion could change no score, so it is not run at all.
    assert second_opinion.seen == ["b"]
    assert [s.code for s in alone.signals] == [] and "MODEL_FALSE_AD" not in {s.code for s in damped.signals}


def test_a_batch_runs_the_second_opinion_on_its_evidenced_items_only() -> None:
    second_opinion = SecondOpinion()
    pipeline = Pipeline([WeakLexicon(), second_opinion], load_policy())
    recs = [Recommendation(id=i, text=t) for i, t in [("x", "好物"), ("y", "最好"), ("z", "疗"), ("w", "最强")]]
    batch = pipeline.collect_many(recs)
    assert second_opinion.seen == ["y", "w"]
    assert [sorted(s.code for s in signals) for signals in batch] == [
        [], ["AD_WEAK", "MODEL_FALSE_AD", "MODEL_MLM"], ["AD_DAMPED"], ["AD_WEAK", "MODEL_FALSE_AD", "MODEL_MLM"]]
