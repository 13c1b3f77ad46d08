"""Example review items with realistic evidence, shared by the tests, the screenshots script and
the benchmark (one source of truth for "what a risky item looks like in the queue").

`seed_item` goes through the real store path — accept, claim_for_scan, record_verdict — with a
verdict from `Pipeline.decide`, so a seeded item is indistinguishable from a scanned one.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence

from sqlalchemy.orm import Session

from moderation.pipeline import Pipeline
from moderation.store.models import ReviewTaskRow, VerdictRow
from moderation.store.recommendations import accept, claim_for_scan, record_verdict
from moderation.types import (
    ContactEvidence,
    ImageBox,
    PriceEvidence,
    Recommendation,
    Signal,
    TextSpan,
)

AD_LAW = "广告法 第九条(三)"
TM_LAW = "商标法 第五十七条"
PLATFORM_RULE = "平台规则：禁止站外导流"


def span(text: str, needle: str, field: str = "text") -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def sample_png(width: int = 320, height: int = 240) -> str:
    """A small synthetic product photo (a 'bag' with a 'logo' patch) as base64 PNG."""
    from PIL import Image, ImageDraw

    im = Image.new("RGB", (width, height), (236, 226, 208))
    draw = ImageDraw.Draw(im)
    draw.rounded_rectangle((60, 60, 260, 210), radius=18, fill=(120, 78, 46))
    draw.arc((110, 20, 210, 110), 180, 360, fill=(80, 50, 30), width=8)
    draw.rectangle((130, 110, 190, 160), fill=(212, 175, 55))
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def risky_bag(rec_id: str = "rec-bag-1", author_id: str = "u-daren-1", merchant_id: str = "m-shop-7",
              wechat: str = "wxid_lv888", with_image: bool = True) -> tuple[Recommendation, list[Signal]]:
    """False advertising + counterfeit + diversion in one item — exercises every evidence view.

    Counterfeit scores are kept moderate so the fused family score (≈0.91) stays under the default
    auto-reject threshold (0.97): the item must land in the queue, not be rejected outright."""
    text = f"全网最好的LV同款包包，原单品质，价格只要399！加微信 {wechat} 领优惠券，保证正品。"
    rec = Recommendation.model_validate({
        "id": rec_id,
        "author": {"id": author_id, "name": "时尚达人小美", "followers": 860000},
        "merchant": {"id": merchant_id, "name": "潮流精品店", "platform": "taobao", "credit_tier": "C"},
        "product": {"title": "LV 老花托特包 女款", "brand": "LV", "category": "bags", "price": 399.0,
                    "url": "https://item.taobao.com/item.htm?id=77"},
        "text": text,
        "images": [{"data": sample_png()}] if with_image else [],
    })
    s1, e1 = span(text, "最好")
    s2, e2 = span(text, "原单")
    s3, e3 = span(text, wechat)
    signals = [
        Signal("false_ad", "AD_ABSOLUTE_TERM", 0.93, TextSpan("text", s1, e1, "最好", "最好"), AD_LAW, "lexicon"),
        Signal("counterfeit", "COUNTERFEIT_SLANG", 0.6, TextSpan("text", s2, e2, "原单", "原单"), TM_LAW, "lexicon"),
        Signal("counterfeit", "COUNTERFEIT_PRICE", 0.55, PriceEvidence("LV", 399.0, 4000.0, False), TM_LAW, "price"),
        Signal("mlm", "DIVERSION_CONTACT", 0.9,
               ContactEvidence("wechat", wechat, "text", s3, e3, wechat), PLATFORM_RULE, "contacts"),
    ]
    if with_image:
        signals.append(Signal("counterfeit", "COUNTERFEIT_LOGO", 0.5,
                              ImageBox(0, ((128.0, 108.0), (192.0, 108.0), (192.0, 162.0), (128.0, 162.0)),
                                       brand="LV", inliers=57), TM_LAW, "logo"))
    return rec, signals


def text_item(rec_id: str, text: str, followers: int = 1000, tier: str = "B",
              author_id: str = "u-plain", merchant_id: str = "m-plain") -> tuple[Recommendation, list[Signal]]:
    """A text-only item whose whole text is one (weak) false-ad span — enough to route it to review."""
    rec = Recommendation.model_validate({
        "id": rec_id,
        "author": {"id": author_id, "name": "达人", "followers": followers},
        "merchant": {"id": merchant_id, "name": "小店", "platform": "tmall", "credit_tier": tier},
        "product": {"title": "保温杯", "price": 59.0, "url": "https://detail.tmall.com/item.htm?id=1"},
        "text": text,
    })
    return rec, [Signal("false_ad", "AD_FALSE_CLAIM", 0.6, None, "广告法 第二十八条", "example")]


def seed_item(session: Session, pipeline: Pipeline, rec: Recommendation, signals: Sequence[Signal]
              ) -> tuple[VerdictRow, ReviewTaskRow | None]:
    """Store `rec` as if a worker had scanned it and produced `signals`; returns its review task."""
    accept(session, rec)
    (row,) = claim_for_scan(session, [rec.id])
    vrow = record_verdict(session, row, pipeline.decide(list(signals)), pipeline.policy)
    session.flush()
    task = session.query(ReviewTaskRow).filter_by(recommendation_id=rec.id, state="open").first()
    return vrow, task
