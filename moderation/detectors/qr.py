"""QR codes in product photos that lead off the showcase: a WeChat/QQ contact or group, an
off-platform payment code, or a link to a shop that is not a partner (天猫 / 淘宝 / 微卖).

The photo of a 微商 listing often carries "扫码加微信" with a personal QR code — the diversion
the text detectors cannot see. Each code found becomes a signal with its box (`ImageBox`, label =
payload kind, text = payload) so the reviewer sees exactly which code in which image.
"""

from __future__ import annotations

from moderation.detectors.base import Detector, ScanContext
from moderation.detectors.partner_link import PLATFORM_RULE, PartnerDomains
from moderation.images.loader import ImageLoader, LoadedImage
from moderation.images.qr import QrCode, QrPayloadRules, read_qr_codes
from moderation.types import ImageBox, Recommendation, Signal


def qr_codes(image: LoadedImage, ctx: ScanContext) -> list[QrCode]:
    """QR codes of one image, read once per scan."""
    gray = ctx.memo(("gray", image.index), lambda: image.decoded.gray)
    return ctx.memo(("qr", image.index), lambda: read_qr_codes(gray))


class QrDetector(Detector):
    name = "qr"
    families = ("mlm",)
    version = "1"
    uses_images = True

    def __init__(self, loader: ImageLoader, rules: QrPayloadRules | None = None,
                 partners: PartnerDomains | None = None):
        self.loader = loader
        self.rules = rules or QrPayloadRules.load()
        self.partners = partners or PartnerDomains.load()

    @property
    def resource_versions(self) -> dict[str, str]:
        return {"qr_payloads": self.rules.version, "partner_domains": self.partners.version}

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        signals = self.loader.failure_signals(rec, ctx)
        for image in self.loader.images(rec, ctx):
            for code in qr_codes(image, ctx):
                rule = self.rules.classify(code.text, self.partners.is_partner)
                if rule is None:
                    continue
                box = ImageBox(image=image.index, polygon=image.decoded.to_original(code.polygon),
                               label=f"qr:{rule.label}", text=code.text[:500])
                signals.append(Signal("mlm", rule.code, rule.score, box, PLATFORM_RULE, self.name))
        return signals
