"""Decoding untrusted bytes: allowlist, header pixel cap before decode, orientation, first frame."""

from __future__ import annotations

import base64
import io
import struct
import time
import zlib

import numpy as np
import pytest
from PIL import Image

from moderation.detectors.base import ScanContext
from moderation.images.decode import decode_image, sniff_format
from moderation.images.errors import ImageRefused, ImageUnreadable
from moderation.images.fetch import ImageFetcher
from moderation.images.loader import ImageLoader
from moderation.types import ImageRef, Recommendation


def _encode(img: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return struct.pack(">I", len(data)) + kind + data + crc


def png_bomb(width: int = 50_000, height: int = 50_000) -> bytes:
    """A ~100-byte valid-looking PNG whose header claims width×height pixels."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1024, 9)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def test_sniffs_magic_bytes() -> None:
    img = Image.new("RGB", (8, 8))
    assert sniff_format(_encode(img, "PNG")) == "png"
    assert sniff_format(_encode(img, "JPEG")) == "jpeg"
    assert sniff_format(_encode(img, "WEBP")) == "webp"
    assert sniff_format(_encode(img, "GIF")) == "gif"
    assert sniff_format(_encode(img, "BMP")) is None
    assert sniff_format(b"<svg xmlns=...>") is None


def test_png_bomb_refused_from_header_without_decoding() -> None:
    data = png_bomb()
    assert len(data) < 200
    t0 = time.perf_counter()
    with pytest.raises(ImageRefused, match=r"50000x50000|2500000000 pixels"):
        decode_image(data, max_pixels=40_000_000)
    assert time.perf_counter() - t0 < 0.1  # nothing was inflated


def test_pixel_cap_is_the_configured_one() -> None:
    data = _encode(Image.new("RGB", (300, 200)), "PNG")
    assert decode_image(data, max_pixels=60_000).rgb.shape == (200, 300, 3)
    with pytest.raises(ImageRefused):
        decode_image(data, max_pixels=59_999)


@pytest.mark.parametrize("fmt", ["BMP", "TIFF"])
def test_formats_outside_allowlist_refused(fmt: str) -> None:
    with pytest.raises(ImageRefused, match=fmt.lower()):
        decode_image(_encode(Image.new("RGB", (8, 8)), fmt), 10_000)


def test_broken_bytes_are_unreadable() -> None:
    good = _encode(Image.new("RGB", (64, 64), (1, 2, 3)), "PNG")
    with pytest.raises(ImageUnreadable):
        decode_image(good[:60], 1_000_000)  # truncated inside IDAT
    with pytest.raises(ImageUnreadable):
        decode_image(b"\xff\xd8\xff" + b"garbage" * 20, 1_000_000)


def test_gif_first_frame_only() -> None:
    frames = [Image.new("RGB", (40, 30), c) for c in ((255, 0, 0), (0, 0, 255))]
    data = _encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    rgb = decode_image(data, 1_000_000).rgb
    assert rgb.shape == (30, 40, 3)
    assert rgb[15, 20, 0] > 200 and rgb[15, 20, 2] < 50


def test_exif_orientation_applied() -> None:
    img = Image.new("RGB", (120, 60), (255, 255, 255))
    img.paste((0, 0, 0), (0, 0, 20, 20))  # black square at the top-left of the stored pixels
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    decoded = decode_image(_encode(img, "JPEG", exif=exif.tobytes(), quality=95), 1_000_000)
    assert decoded.rgb.shape == (120, 60, 3)
    assert decoded.original_size == (60, 120)
    assert decoded.rgb[5, 55].mean() < 60  # the square now sits at the top-right
    assert decoded.rgb[5, 5].mean() > 200


def test_transparent_png_flattened_on_white() -> None:
    rgba = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    assert decode_image(_encode(rgba, "PNG"), 1000).rgb[5, 5].tolist() == [255, 255, 255]


def test_large_photo_downscaled_with_scale_back_to_original() -> None:
    rng = np.random.default_rng(0)
    big = Image.fromarray(rng.integers(0, 255, (2000, 3200, 3), dtype=np.uint8))
    decoded = decode_image(_encode(big, "JPEG", quality=80), 40_000_000, work_max_side=800)
    assert max(decoded.rgb.shape[:2]) <= 800
    assert decoded.original_size == (3200, 2000)
    assert decoded.to_original(np.array([[decoded.rgb.shape[1], 0]]))[0][0] == pytest.approx(3200, rel=0.01)


def _loader(max_bytes: int = 1_000_000) -> ImageLoader:
    return ImageLoader(ImageFetcher(max_bytes=max_bytes, timeout=1.0), max_pixels=40_000_000)


def test_inline_base64_loaded_and_data_uri_tolerated() -> None:
    data = base64.b64encode(_encode(Image.new("RGB", (16, 16), (9, 9, 9)), "PNG")).decode()
    images = [ImageRef(data=data), ImageRef(data="data:image/png;base64," + data)]
    rec = Recommendation(id="r", text="t", images=images)
    ctx = ScanContext(rec)
    assert [i.index for i in _loader().images(rec, ctx)] == [0, 1]
    assert _loader().failure_signals(rec, ctx) == []


def test_inline_failures_are_scan_signals_not_exceptions() -> None:
    bomb = base64.b64encode(png_bomb()).decode()
    rec = Recommendation(
        id="r", text="t",
        images=[
            # Input validation refuses this at the API; a payload stored before that check (or built
            # without validation) must still fail closed in the loader.
            ImageRef.model_construct(data="!!!not base64!!!"),
            ImageRef(data=bomb),
            ImageRef(data=base64.b64encode(b"x" * 5000).decode()),
        ],
    )
    ctx = ScanContext(rec)
    loader = _loader(max_bytes=4000)
    assert loader.images(rec, ctx) == []
    signals = loader.failure_signals(rec, ctx)
    assert [(s.family, s.code, s.evidence.image) for s in signals] == [
        ("scan", "IMAGE_UNREADABLE", 0),
        ("scan", "IMAGE_REFUSED", 1),
        ("scan", "IMAGE_REFUSED", 2),
    ]


def test_header_over_our_cap_but_under_pillows_refused_by_our_check() -> None:
    with pytest.raises(ImageRefused, match="7000x7000 pixels"):
        decode_image(png_bomb(7000, 7000), max_pixels=40_000_000)
