"""Pure units of the review UI: Cohen's kappa, highlight segmentation, image allowlist, session cookie."""

from __future__ import annotations

import base64

import pytest

from review_ui.examples import sample_png
from review_ui.highlight import marks_from_signals, segments
from review_ui.images import decode_inline, polygon_points, shown_images
from review_ui.session import SessionCodec, SessionData
from review_ui.stats import cohens_kappa


def _pairs(counts: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
    return [pair for pair, n in counts.items() for _ in range(n)]


def test_kappa_textbook_example() -> None:
    # 50 items: both yes 20, yes/no 5, no/yes 10, both no 15 → p_o 0.7, p_e 0.5, κ 0.4.
    pairs = _pairs({("reject", "reject"): 20, ("reject", "approve"): 5,
                    ("approve", "reject"): 10, ("approve", "approve"): 15})
    assert cohens_kappa(pairs) == pytest.approx(0.4)


def test_kappa_edges() -> None:
    assert cohens_kappa([]) is None
    assert cohens_kappa([("a", "a"), ("r", "r")]) == pytest.approx(1.0)
    assert cohens_kappa([("a", "a")] * 5) == 1.0  # one shared label: trivially perfect, not 0/0
    # Independent raters: agreement exactly at chance → 0; systematic disagreement → negative.
    assert cohens_kappa(_pairs({("a", "a"): 1, ("a", "r"): 1, ("r", "a"): 1, ("r", "r"): 1})) == pytest.approx(0.0)
    assert cohens_kappa([("a", "r"), ("r", "a")]) == pytest.approx(-1.0)


def _sig(code: str, start: int, end: int, text: str, family: str = "false_ad", score: float = 0.9) -> dict:
    return {"family": family, "code": code, "score": score, "law": "广告法 第九条(三)",
            "evidence": {"kind": "text_span", "field": "text", "start": start, "end": end, "text": text}}


def test_segments_rebuild_the_text_and_split_overlaps() -> None:
    text = "最好最佳的产品"
    marks, unplaced = marks_from_signals(
        [_sig("A", 0, 4, "最好最佳"), _sig("B", 2, 5, "最佳的", family="mlm", score=0.95)], {"text": text})
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text and not unplaced
    assert [(s.text, [m.code for m in s.marks]) for s in segs] == [
        ("最好", ["A"]), ("最佳", ["A", "B"]), ("的", ["B"]), ("产品", [])]
    assert segs[1].lead is not None and segs[1].lead.code == "B"  # strongest decides the colour


def test_spans_that_do_not_match_the_original_are_not_drawn() -> None:
    text = "😀最好"  # one code point, not two UTF-16 units: Python indices are the contract
    ok, _ = marks_from_signals([_sig("A", 1, 3, "最好")], {"text": text})
    assert [(m.start, m.end) for m in ok] == [(1, 3)]
    marks, unplaced = marks_from_signals(
        [_sig("A", 2, 4, "最好"), _sig("B", 5, 99, "x"), {"family": "x", "code": "Y", "score": 1.0,
                                                          "evidence": {"kind": "text_span", "field": "nope",
                                                                       "start": 0, "end": 1}}],
        {"text": text})
    assert marks == [] and len(unplaced) == 3


def test_inline_images_only_for_allowlisted_raster_types() -> None:
    png = sample_png(40, 30)
    decoded = decode_inline(png)
    assert not isinstance(decoded, str) and decoded[0] == "image/png" and decoded[2:] == (40, 30)
    svg = base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').decode()
    assert decode_inline(svg) == "not an allowed image type (png, jpeg, gif, webp)"
    assert decode_inline('x" onerror="alert(1)') == "not valid base64"
    shown = shown_images([{"data": png}, {"url": "https://evil.example/p.png"}, {"data": svg}],
                         [{"code": "LOGO", "evidence": {"kind": "image_box", "image": 0,
                                                        "polygon": [[1, 2], [3, 4], [5, 6]], "brand": "LV"}}])
    assert shown[0].data_url is not None and shown[0].data_url.startswith("data:image/png;base64,")
    assert shown[0].boxes[0].points == "1.0,2.0 3.0,4.0 5.0,6.0"
    assert shown[1].data_url is None and shown[1].url_text == "https://evil.example/p.png"
    assert shown[2].data_url is None and shown[2].problem
    assert polygon_points([["1", "javascript:"]]) is None
    assert polygon_points([[float("nan"), 1], [2, 3]]) is None


def test_session_cookie_is_signed_and_expires() -> None:
    codec = SessionCodec("secret", max_age_seconds=60)
    data = SessionData(user_id=7, csrf="tok", issued_at=1_000_000)
    cookie = codec.encode(data)
    assert codec.decode(cookie, now=1_000_030) == data
    assert codec.decode(cookie, now=1_000_061) is None  # expired
    _body, mac = cookie.split(".")
    forged = base64.urlsafe_b64encode(b'{"u":1,"c":"tok","t":1000000}').decode().rstrip("=")
    assert codec.decode(f"{forged}.{mac}", now=1_000_030) is None
    assert SessionCodec("other", 60).decode(cookie, now=1_000_030) is None
    assert codec.decode("garbage", now=1_000_030) is None
    # No configured secret: a random one per process, never a guessable default.
    assert SessionCodec(None, 60).decode(SessionCodec(None, 60).encode(data), now=1_000_030) is None
