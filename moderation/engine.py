"""Build the default pipeline: every registered detector with its data, under a policy.

This is the one place that knows which detectors exist. Processes build it once at start-up
(lexicon automata, logo descriptors, OCR models and hash banks are the slow part) and reuse it;
`moderation.live.PipelineCache` rebuilds it when the policy team publishes new data.
"""

from __future__ import annotations

from functools import cache

from moderation.brands import BrandRegistry
from moderation.detectors.base import Detector
from moderation.detectors.counterfeit import CounterfeitDetector
from moderation.detectors.diversion import DiversionDetector
from moderation.detectors.false_ad import FalseAdDetector
from moderation.detectors.mlm import MlmDetector
from moderation.detectors.partner_link import PartnerLinkDetector
from moderation.images.hash_bank import HashBankSet
from moderation.pipeline import Pipeline
from moderation.policy import Policy, load_policy
from moderation.settings import Settings, get_settings
from moderation.text.lexicon import Lexicon
from moderation.text.matcher import LexiconMatcher, default_matcher


def text_detectors(brands: BrandRegistry | None = None, lexicon: Lexicon | None = None) -> list[Detector]:
    """The text detectors. They share one compiled lexicon matcher: one automaton, not four."""
    matcher = LexiconMatcher(lexicon) if lexicon is not None else default_matcher()
    return [
        FalseAdDetector(matcher),
        CounterfeitDetector(registry=brands, matcher=matcher),
        MlmDetector(matcher),
        DiversionDetector(matcher),
    ]


def default_detectors(
    brands: BrandRegistry | None = None,
    banks: HashBankSet | None = None,
    settings: Settings | None = None,
    lexicon: Lexicon | None = None,
    images: bool = True,
) -> list[Detector]:
    """Every detector of the default pipeline; the OCR detector re-uses the text detectors."""
    brands = brands or BrandRegistry.load_default()
    text = text_detectors(brands, lexicon)
    detectors: list[Detector] = [PartnerLinkDetector(), *text]
    if images:
        from moderation.images.detectors_factory import image_detectors
        from moderation.images.logos import attach_default_logos

        settings = settings or get_settings()
        banks = banks if banks is not None else HashBankSet()  # an empty set is falsy: no `or`
        detectors += image_detectors(attach_default_logos(brands), banks, settings, text_detectors=text)
    if (settings or get_settings()).use_text_model:
        from moderation.detectors.model import TextModelDetector

        detectors.append(TextModelDetector(classifier=shared_text_classifier()))
    return detectors


@cache
def shared_text_classifier():  # type: ignore[no-untyped-def]
    """The shipped classifier, loaded once per process (pipelines are rebuilt on data edits; the
    weights do not change). One torch thread: workers scale by processes on a 2-core machine."""
    from models.classifier import TextClassifier

    return TextClassifier.load(num_threads=1)


def build_pipeline(policy: Policy | None = None, detectors: list[Detector] | None = None) -> Pipeline:
    return Pipeline(detectors if detectors is not None else default_detectors(), policy or load_policy())
