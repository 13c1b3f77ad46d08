"""Decode untrusted image bytes into one RGB array, defensively.

Order matters: the format is sniffed from magic bytes (a `Content-Type` header or a file name
proves nothing), then the header alone is parsed and the pixel count checked *before* any pixel is
decoded — a 200-byte PNG can claim 50000×50000 and expand to 7.5 GB. Pillow's own bomb guard is
turned into an error as a second line of defence. EXIF orientation is applied so that polygons
match what a reviewer sees; GIF/WebP animations contribute their first frame only.

Large photos are decoded at reduced size (JPEG draft mode) and capped at `work_max_side`: every
detector downstream (PDQ, ORB, QR, OCR) works at ≤ 1600 px anyway, and `scale` maps coordinates
back to the oriented original for evidence.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps

from moderation.images.errors import ImageRefused, ImageUnreadable

#: The formats we decode. Everything else (SVG, TIFF, BMP, HEIC, PDF …) is refused: each extra
#: decoder is extra attack surface, and the publish pipeline only produces these four.
ALLOWED_FORMATS = ("jpeg", "png", "webp", "gif")

DEFAULT_WORK_MAX_SIDE = 1600


def sniff_format(data: bytes) -> str | None:
    """The image format named by the magic bytes, or None when they name none we accept."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    return None


def describe_unknown(data: bytes) -> str:
    """A short, log-safe description of bytes that are not an accepted image (for ScanError)."""
    head = data[:64].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith((b"<?xml", b"<svg")):
        return "xml/svg"
    if head.startswith(b"%pdf"):
        return "pdf"
    if data[:2] == b"BM":
        return "bmp"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    return "unknown"


@dataclass(frozen=True)
class DecodedImage:
    """One decoded image: `rgb` is H×W×3 uint8 (contiguous), oriented as a viewer shows it.

    `scale` = original side / working side (≥ 1); multiply working coordinates by it to get
    coordinates in the oriented original, which is what evidence polygons report.
    """

    rgb: np.ndarray
    format: str
    original_size: tuple[int, int]  # (width, height) after EXIF orientation
    scale: float = 1.0

    @property
    def gray(self) -> np.ndarray:
        # Not cached on purpose: frozen dataclass; detectors that need it share it via ctx.memo.
        import cv2

        return cv2.cvtColor(self.rgb, cv2.COLOR_RGB2GRAY)

    def to_original(self, points: np.ndarray) -> tuple[tuple[float, float], ...]:
        """Working-array coordinates → rounded coordinates in the oriented original image."""
        pts = np.asarray(points, dtype=np.float64).reshape(-1, 2) * self.scale
        return tuple((round(float(x), 1), round(float(y), 1)) for x, y in pts)


def decode_image(data: bytes, max_pixels: int, work_max_side: int = DEFAULT_WORK_MAX_SIDE) -> DecodedImage:
    """Decode `data` or raise ImageRefused / ImageUnreadable (never anything else)."""
    fmt = sniff_format(data)
    if fmt is None:
        raise ImageRefused(f"not an accepted image format (sniffed: {describe_unknown(data)})")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data), formats=[fmt.upper()])
            width, height = img.size
            if width <= 0 or height <= 0 or width * height > max_pixels:
                raise ImageRefused(f"image header claims {width}x{height} pixels (limit {max_pixels})")
            return _decode_opened(img, fmt, (width, height), work_max_side)
    except (ImageRefused, ImageUnreadable):
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRefused(f"decompression bomb guard: {exc}") from exc
    except MemoryError as exc:
        raise ImageRefused("image too large to decode") from exc
    except Exception as exc:  # Pillow raises a zoo of types on corrupt input; all mean "unreadable"
        raise ImageUnreadable(f"cannot decode {fmt}: {type(exc).__name__}: {exc}"[:300]) from exc


def _decode_opened(
    img: Image.Image, fmt: str, header_size: tuple[int, int], work_max_side: int
) -> DecodedImage:
    if getattr(img, "is_animated", False):
        img.seek(0)  # first frame only: a GIF's later frames are rarely what the listing shows
    if fmt == "jpeg":
        # Draft mode decodes at 1/2, 1/4, 1/8 scale straight from the DCT: 4-10x faster for photos.
        img.draft("RGB", (work_max_side, work_max_side))
    img.load()
    orientation = img.getexif().get(0x0112, 1)
    oriented = ImageOps.exif_transpose(img) if orientation != 1 else img
    # EXIF orientations 5-8 swap width and height; the header gave the stored (unrotated) size.
    full_w, full_h = (header_size[1], header_size[0]) if orientation in (5, 6, 7, 8) else header_size
    rgb_img = _to_rgb(oriented)
    longest = max(rgb_img.size)
    if longest > work_max_side:
        ratio = work_max_side / longest
        size = (max(1, round(rgb_img.width * ratio)), max(1, round(rgb_img.height * ratio)))
        rgb_img = rgb_img.resize(size, Image.Resampling.BILINEAR)
    arr = np.ascontiguousarray(np.asarray(rgb_img, dtype=np.uint8))
    return DecodedImage(rgb=arr, format=fmt, original_size=(full_w, full_h), scale=full_w / rgb_img.width)


def _to_rgb(img: Image.Image) -> Image.Image:
    """RGB with transparency flattened on white (a transparent logo on black would look inverted)."""
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, (255, 255, 255))
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    return img.convert("RGB")
