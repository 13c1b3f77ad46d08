"""Base of the text detectors that read the shared lexicon matcher.

Why a base class? The four text detectors (false_ad, counterfeit, mlm, diversion) share one
compiled lexicon matcher — building it is the slow part, so the engine builds it once and hands it
to all four — and every verdict must record which lexicon and normaliser versions produced it.
"""

from __future__ import annotations

from moderation.detectors.base import Detector
from moderation.text.matcher import LexiconMatcher, default_matcher


class LexiconDetector(Detector):
    """A detector over `field_views(rec, ctx, self.matcher)`; subclasses add their own data's
    versions to `resource_versions` with `{**super().resource_versions, ...}`."""

    def __init__(self, matcher: LexiconMatcher | None = None):
        self.matcher = matcher or default_matcher()

    @property
    def resource_versions(self) -> dict[str, str]:
        return {"lexicon": self.matcher.lexicon.version, "normalizer": self.matcher.normalizer.version}
