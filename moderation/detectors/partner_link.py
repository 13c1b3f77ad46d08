"""Product links must point to a partner shop (天猫 / 淘宝 / 微卖).

A link to any other host takes the buyer off-platform — the showcase rule the service enforces —
so it is a diversion signal in the `mlm` family. The partner list is data (`partner_domains.json`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

from moderation.detectors.base import Detector, DetectorExample, ScanContext
from moderation.types import LinkEvidence, Product, Recommendation, Signal

PLATFORM_RULE = "平台规则：禁止站外导流"


@dataclass(frozen=True)
class PartnerDomains:
    version: str
    hosts: frozenset[str]

    @classmethod
    def load(cls) -> PartnerDomains:
        raw = resources.files("moderation.data").joinpath("partner_domains.json").read_text(encoding="utf-8")
        data = json.loads(raw)
        hosts = frozenset(h.lower() for group in data["platforms"].values() for h in group)
        return cls(version=data["version"], hosts=hosts)

    def is_partner(self, url: str) -> bool:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
        return any(host == h or host.endswith("." + h) for h in self.hosts)


class PartnerLinkDetector(Detector):
    name = "partner_link"
    families = ("mlm",)
    version = "1"

    def __init__(self, domains: PartnerDomains | None = None):
        self.domains = domains or PartnerDomains.load()

    @property
    def resource_versions(self) -> dict[str, str]:
        return {"partner_domains": self.domains.version}

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        url = rec.product.url if rec.product else None
        if not url or self.domains.is_partner(url):
            return []
        host = urlsplit(url.strip()).hostname or ""
        return [
            Signal(
                family="mlm",
                code="DIVERSION_NON_PARTNER_LINK",
                score=0.9,
                law=PLATFORM_RULE,
                evidence=LinkEvidence(url=url, host=host),
                detector=self.name,
            )
        ]

    @classmethod
    def get_examples(cls) -> list[DetectorExample]:
        def rec(url: str) -> Recommendation:
            return Recommendation(id="ex", text="好物推荐", product=Product(title="杯子", url=url))

        return [
            DetectorExample(rec("https://detail.tmall.com/item.htm?id=1"), note="天猫 is a partner"),
            DetectorExample(rec("https://item.taobao.com/item.htm?id=2"), note="淘宝 is a partner"),
            DetectorExample(rec("https://shop.example.cn/p/1"), frozenset({"DIVERSION_NON_PARTNER_LINK"})),
            DetectorExample(rec("https://tmall.com.evil.cn/x"), frozenset({"DIVERSION_NON_PARTNER_LINK"}),
                            note="a partner name as a subdomain of another host is not a partner"),
        ]
