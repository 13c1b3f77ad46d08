"""What every text detector promises: its worked examples hold, evidence points into the
ORIGINAL text, signals carry a law clause, the lexicon version is recorded, and the normalised
field is shared through the scan context (normalised once per item, not once per detector)."""

from __future__ import annotations

import pytest
from detector_harness import flagged_codes, rec

from moderation.detectors.base import Detector, ScanContext
from moderation.detectors.counterfeit import CounterfeitDetector
from moderation.detectors.diversion import DiversionDetector
from moderation.detectors.false_ad import FalseAdDetector
from moderation.detectors.mlm import MlmDetector
from moderation.text.normalize import normalize
from moderation.types import ContactEvidence, ElementsEvidence, TextSpan

DETECTORS: list[Detector] = [FalseAdDetector(), CounterfeitDetector(), MlmDetector(), DiversionDetector()]
EXAMPLES = [(d, e) for d in DETECTORS for e in type(d).get_examples()]


@pytest.mark.parametrize(("detector", "example"), EXAMPLES,
                         ids=[f"{d.name}:{e.note or sorted(e.expect_codes)}" for d, e in EXAMPLES])
def test_examples(detector: Detector, example) -> None:  # type: ignore[no-untyped-def]
    codes = flagged_codes(detector, example.rec)
    assert example.expect_codes <= codes, codes
    assert not (example.forbid_codes & codes), codes


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda d: d.name)
def test_evidence_points_into_the_original_text(detector: Detector) -> None:
    for example in type(detector).get_examples():
        fields = example.rec.text_fields()
        for s in detector.detect(example.rec, ScanContext(example.rec)):
            assert s.detector == detector.name and s.law
            spans = s.evidence.spans if isinstance(s.evidence, ElementsEvidence) else (s.evidence,)
            for ev in spans:
                if isinstance(ev, TextSpan | ContactEvidence):
                    assert fields[ev.field][ev.start:ev.end] == ev.text


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda d: d.name)
def test_resource_versions_name_the_lexicon(detector: Detector) -> None:
    assert "lexicon" in detector.resource_versions


@pytest.mark.parametrize("detector", DETECTORS, ids=lambda d: d.name)
def test_normalised_field_is_shared_through_the_context_memo(detector: Detector) -> None:
    r = rec("加 微 信 abc123，最好的高仿")
    ctx = ScanContext(r)
    detector.detect(r, ctx)
    assert ctx.memo(("normalized", "text"), lambda: None).text == normalize(r.text).text
