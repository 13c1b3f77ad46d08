"""Build the default pipeline: every registered detector with its data, under the live policy.

This is the one place that knows which detectors exist. Workers call `build_pipeline()` once at
start-up (loading lexicons, brand data, hash banks and models is the slow part), then reuse it.
"""

from __future__ import annotations

from moderation.detectors.base import Detector
from moderation.detectors.counterfeit import CounterfeitDetector
from moderation.detectors.diversion import DiversionDetector
from moderation.detectors.false_ad import FalseAdDetector
from moderation.detectors.mlm import MlmDetector
from moderation.detectors.partner_link import PartnerLinkDetector
from moderation.pipeline import Pipeline
from moderation.policy import Policy, load_policy


def default_detectors() -> list[Detector]:
    """Every detector of the default pipeline. The text detectors share one compiled lexicon
    (`default_matcher()`), so building them costs one automaton, not four."""
    return [
        PartnerLinkDetector(),
        FalseAdDetector(),
        CounterfeitDetector(),
        MlmDetector(),
        DiversionDetector(),
    ]


def build_pipeline(policy: Policy | None = None, detectors: list[Detector] | None = None) -> Pipeline:
    return Pipeline(detectors if detectors is not None else default_detectors(), policy or load_policy())
