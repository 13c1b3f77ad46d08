"""Off-platform diversion (站外导流): WeChat IDs, QQ numbers, phone numbers, group QR codes, links.

Diversion is scored in the `mlm` family (微商 recruiting lives on WeChat) with its own codes. A
contact keyword alone is weak (微信支付, QQ糖 and 微信运动 are everyday words, neutralised by
allow-phrases); a keyword followed by an ID or number, an explicit "add me" (加微信, 加V), a phone
number or a group invitation is strong. Every finding carries a `ContactEvidence` whose offsets point
into the ORIGINAL text, so a reviewer sees 薇❤：abc_123 exactly as written.

Numbers are read on the normalised text, where 一三九 八八七六…, ①③⑨… and 139-8876-… have become
plain digits; an 11-digit run labelled 货号/订单号 is an item number, and 13800mAh is no phone.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import replace
from urllib.parse import urlsplit

from moderation.detectors.base import DetectorExample, ScanContext
from moderation.detectors.context import SCAM_WARNING_FACTOR, context_cues
from moderation.detectors.lexicon_detector import LexiconDetector
from moderation.detectors.partner_link import PLATFORM_RULE, PartnerDomains
from moderation.text.fields import FieldView, field_views
from moderation.text.matcher import Hit, LexiconMatcher
from moderation.types import ContactEvidence, Recommendation, Signal

FAMILY = "mlm"
PHONE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
#: A landline: area code (0 + two or three digits) and a seven- or eight-digit number, 10 to 12 digits
#: once the normaliser has dropped the separators (0571-8826 4410 → 057188264410) …
LANDLINE = re.compile(r"(?<![0-9])0[1-9][0-9]{8,10}(?![0-9])")
#: … and only where the ORIGINAL is written like one: a list of sizes or numbers (0-3、3-6…, 0.9、1.2…,
#: 0123456789, 03 07 12 19 25) also reads as ten-odd digits once its separators are gone.
DIGIT_SEQUENCE = "0123456789"  # 认数字 0123456789: a counting sequence, not a number
LANDLINE_AS_WRITTEN = re.compile(r"\(?0[0-9]{2,3}\)?[- ]?[0-9]{3,4}[- ]?[0-9]{4}")
#: What may follow a WeChat/QQ keyword: a separator such as ':' or 号/是/搜/聊, then the ID itself.
WECHAT_ID = re.compile(r"[:号是搜为聊]{0,3}([a-z][a-z0-9]{4,24}|1[3-9][0-9]{9})")
QQ_NUMBER = re.compile(r"[:号是搜为]{0,3}([1-9][0-9]{4,10})(?![0-9])")
URL = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+", re.IGNORECASE)
#: A label this close before a number marks it as an item/order number, not a phone.
LABEL_REACH = 6


class DiversionDetector(LexiconDetector):
    name = "diversion"
    families = (FAMILY,)
    version = "5"

    def __init__(self, matcher: LexiconMatcher | None = None, domains: PartnerDomains | None = None):
        super().__init__(matcher)
        self.domains = domains or PartnerDomains.load()

    @property
    def resource_versions(self) -> dict[str, str]:
        return {**super().resource_versions, "partner_domains": self.domains.version}

    def detect(self, rec: Recommendation, ctx: ScanContext) -> list[Signal]:
        phrases: list[Signal] = []  # contact phrases (加微信, 进群) with no id or number after them
        contacts: list[Signal] = []  # an actual WeChat id, QQ number, phone number or link
        views = field_views(rec, ctx, self.matcher)
        for view in views:
            hits = [h for h in view.hits if h.entry.code.startswith("DIVERSION_")]
            for signal, concrete in self._keywords(view, hits):
                (contacts if concrete else phrases).append(signal)
            contacts.extend(self._phones(view, hits))
            contacts.extend(self._links(view))
        if phrases and "scam_warning" in context_cues(views):
            # A warning quotes phrases; it does not publish a real contact, so contacts keep their score.
            phrases = [replace(s, score=round(s.score * SCAM_WARNING_FACTOR, 4)) for s in phrases]
        return phrases + contacts

    def _contact(self, view: FieldView, kind: str, start: int, end: int, value: str) -> ContactEvidence:
        a, b = view.norm.span(start, end)
        return ContactEvidence(contact_type=kind, value=value, field=view.name, start=a, end=b,
                               text=view.norm.original[a:b])

    def _keywords(self, view: FieldView, hits: list[Hit]) -> list[tuple[Signal, bool]]:
        """Keyword signals, each with whether an actual id or number follows the keyword."""
        out: list[tuple[Signal, bool]] = []
        seen: set[tuple[str, int]] = set()
        text = view.text
        for hit in sorted(hits, key=lambda h: (h.start, -h.end)):  # longest first: 加微信 before 加微
            e = hit.entry
            if e.score <= 0.0:
                continue
            kind = {"DIVERSION_WECHAT": "wechat", "DIVERSION_QQ": "qq",
                    "DIVERSION_GROUP_QR": "group_qr"}.get(e.code, "off_platform")
            score, start, end, value = e.score, hit.start, hit.end, text[hit.start:hit.end]
            pattern = WECHAT_ID if kind == "wechat" else QQ_NUMBER if kind == "qq" else None
            m = pattern.match(text, hit.end) if pattern is not None else None
            if m and any(h.variant == "pinyin" and h.start == m.start(1) and h.end == m.end(1) for h in view.hits):
                m = None  # weixin jinqun: the "id" is the pinyin of a lexicon word (进群), not an id
            if m:
                score, end = max(score, 0.9), m.end(1)
                a, b = view.norm.span(m.start(1), m.end(1))
                value = view.norm.original[a:b]
            key = (e.code, start)
            if key in seen:
                continue
            seen.add(key)
            out.append((Signal(FAMILY, e.code, score, self._contact(view, kind, start, end, value),
                               e.law or PLATFORM_RULE, self.name), m is not None))
        return out

    def _phones(self, view: FieldView, hits: list[Hit]) -> list[Signal]:
        text = view.text
        if len(text) < 10:
            return []
        out: list[Signal] = []
        labels = [h.end for h in hits if h.entry.element == "number_label"]
        cues = [h.end for h in hits if h.entry.element == "phone_cue"]
        for m in itertools.chain(PHONE.finditer(text), LANDLINE.finditer(text)):
            if any(0 <= m.start() - end <= LABEL_REACH for end in labels):
                continue
            a, b = view.norm.span(m.start(), m.end())
            if m.re is LANDLINE and not self._written_as_landline(view.norm.original[a:b], m.group()):
                continue
            score = 0.9 if any(0 <= m.start() - end <= 10 for end in cues) else 0.8
            ev = ContactEvidence(contact_type="phone", value=m.group(), field=view.name, start=a, end=b,
                                 text=view.norm.original[a:b])
            out.append(Signal(FAMILY, "DIVERSION_PHONE", score, ev, PLATFORM_RULE, self.name))
        return out

    @staticmethod
    def _written_as_landline(original: str, digits: str) -> bool:
        """Whether a landline-length digit run reads as one in the original (０２１－… is 021-…)."""
        return (LANDLINE_AS_WRITTEN.fullmatch(unicodedata.normalize("NFKC", original).strip()) is not None
                and digits not in DIGIT_SEQUENCE)

    def _links(self, view: FieldView) -> list[Signal]:
        original = view.norm.original
        low = original.lower()
        if "http" not in low and "www." not in low:
            return []
        out: list[Signal] = []
        for m in URL.finditer(original):
            url = m.group().rstrip(".,;:!?)")
            target = url if "://" in url else "http://" + url
            if self.domains.is_partner(target):
                continue
            host = urlsplit(target).hostname or ""
            ev = ContactEvidence(contact_type="link", value=host, field=view.name, start=m.start(),
                                 end=m.start() + len(url), text=url)
            out.append(Signal(FAMILY, "DIVERSION_LINK", 0.85, ev, PLATFORM_RULE, self.name))
        return out

    @classmethod
    def get_examples(cls) -> list[DetectorExample]:
        def rec(text: str) -> Recommendation:
            return Recommendation(id="ex", text=text)

        return [
            DetectorExample(rec("更多款式加VX：nanzhuang66"), frozenset({"DIVERSION_WECHAT"})),
            DetectorExample(rec("量大的老板加🐧 2817364590 谈价格"), frozenset({"DIVERSION_QQ"})),
            DetectorExample(rec("看图加威信，或者打一三九 八八七六 五四三二"),
                            frozenset({"DIVERSION_WECHAT", "DIVERSION_PHONE"})),
            DetectorExample(rec("扫码进群看实物，群里价格更低"), frozenset({"DIVERSION_GROUP_QR"})),
            DetectorExample(rec("详情见 https://shop.example.cn/p/1"), frozenset({"DIVERSION_LINK"})),
            DetectorExample(rec("店里支持支付宝和微信支付付款"), forbid_codes=frozenset({"DIVERSION_WECHAT"})),
            DetectorExample(rec("童年回忆QQ糖🍬 葡萄味"), forbid_codes=frozenset({"DIVERSION_QQ"})),
            DetectorExample(rec("13800mAh的充电宝，货号15920231108"), forbid_codes=frozenset({"DIVERSION_PHONE"})),
        ]
