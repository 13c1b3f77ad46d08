"""Generated test imagery: synthetic logos, product-like photos, logos pasted under perspective.

Why generate instead of shipping real photos? Real brand logos are trademarks we may not copy into
a repository, and generated cases give exact ground truth (the polygon where the logo was pasted).
The tests, `bench/`, and `make_demo_logos.py` all draw from here so they measure the same thing.
Everything is deterministic given a seed.
"""

from __future__ import annotations

import io
import subprocess
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

_LATIN_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",)
_CJK_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
)


@lru_cache
def font_path(cjk: bool = False) -> str | None:
    """A TrueType font on this machine: Noto CJK for Chinese, DejaVu Bold for Latin logos."""
    for path in _CJK_FONTS if cjk else _LATIN_FONTS + _CJK_FONTS:
        if Path(path).exists():
            return path
    try:  # fall back to fontconfig (other distributions put fonts elsewhere)
        query = ":lang=zh" if cjk else ":style=Bold"
        out = subprocess.run(["fc-list", query, "file"], capture_output=True, text=True, timeout=5).stdout
        files = [line.split(":")[0].strip() for line in out.splitlines() if line.strip()]
        return files[0] if files else None
    except (OSError, subprocess.SubprocessError):
        return None


def load_font(size: int, cjk: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = font_path(cjk)
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def _color(rng: np.random.Generator, dark: bool) -> tuple[int, int, int]:
    lo, hi = (0, 110) if dark else (150, 256)
    return tuple(int(v) for v in rng.integers(lo, hi, 3))  # type: ignore[return-value]


def synthetic_logo(seed: int, text: str, size: int = 256) -> np.ndarray:
    """A textured, asymmetric logo (shapes + letters): enough corners for ORB to anchor on."""
    rng = np.random.default_rng(seed)
    dark_bg = bool(rng.integers(0, 2))
    img = Image.new("RGB", (size, size), _color(rng, dark_bg))
    draw = ImageDraw.Draw(img)
    s = size
    draw.rounded_rectangle((s * 0.04, s * 0.04, s * 0.96, s * 0.96), radius=int(s * 0.12),
                           outline=_color(rng, not dark_bg), width=max(2, s // 40))
    for _ in range(int(rng.integers(5, 9))):
        n = int(rng.integers(3, 6))
        pts = [(float(x), float(y)) for x, y in rng.uniform(0.08 * s, 0.92 * s, (n, 2))]
        draw.polygon(pts, fill=_color(rng, not dark_bg) if rng.random() < 0.5 else None,
                     outline=_color(rng, not dark_bg), width=max(1, s // 80))
    for _ in range(int(rng.integers(3, 6))):
        x0, y0 = rng.uniform(0.1 * s, 0.7 * s, 2)
        r = rng.uniform(0.04 * s, 0.12 * s)
        draw.ellipse((x0, y0, x0 + r, y0 + r), outline=_color(rng, not dark_bg), width=max(2, s // 60))
    font = load_font(int(s * rng.uniform(0.26, 0.34)))
    label = text[:3]
    box = draw.textbbox((0, 0), label, font=font)
    tx = (s - (box[2] - box[0])) / 2 + rng.uniform(-0.05, 0.05) * s
    ty = (s - (box[3] - box[1])) / 2 + rng.uniform(-0.05, 0.05) * s - box[1]
    draw.text((tx, ty), label, font=font, fill=_color(rng, not dark_bg),
              stroke_width=max(1, s // 100), stroke_fill=_color(rng, dark_bg))
    return np.asarray(img, dtype=np.uint8).copy()


def product_photo(seed: int, size: tuple[int, int] = (800, 800)) -> np.ndarray:
    """A photo-like background: smooth lighting, a product-ish blob, clutter shapes and sensor noise."""
    rng = np.random.default_rng(seed)
    w, h = size
    low = rng.uniform(60, 220, (4, 4, 3)).astype(np.float32)
    img = cv2.resize(low, (w, h), interpolation=cv2.INTER_CUBIC)
    canvas = np.clip(img, 0, 255).astype(np.uint8)
    # A product silhouette (bag / bottle / box) and some unrelated clutter.
    center = (int(rng.uniform(0.3, 0.7) * w), int(rng.uniform(0.35, 0.65) * h))
    axes = (int(rng.uniform(0.2, 0.35) * w), int(rng.uniform(0.2, 0.35) * h))
    cv2.ellipse(canvas, center, axes, float(rng.uniform(0, 180)), 0, 360, _color(rng, True), -1, cv2.LINE_AA)
    for _ in range(int(rng.integers(4, 10))):
        pts = rng.integers(0, min(w, h), (int(rng.integers(3, 6)), 2)).astype(np.int32)
        cv2.polylines(canvas, [pts], True, _color(rng, bool(rng.integers(0, 2))), int(rng.integers(1, 4)),
                      cv2.LINE_AA)
    noise = rng.normal(0, 4, canvas.shape)
    return np.clip(canvas.astype(np.float32) + noise, 0, 255).astype(np.uint8)


def paste_logo(
    photo: np.ndarray,
    logo: np.ndarray,
    rng: np.random.Generator,
    scale: tuple[float, float] = (0.18, 0.4),
    max_rotation: float = 40.0,
    perspective: float = 0.12,
) -> tuple[np.ndarray, np.ndarray]:
    """Warp `logo` into `photo` (rotation, scale, perspective); returns (image, 4×2 polygon)."""
    h, w = photo.shape[:2]
    lh, lw = logo.shape[:2]
    side = rng.uniform(*scale) * min(w, h)
    angle = np.deg2rad(rng.uniform(-max_rotation, max_rotation))
    cx, cy = rng.uniform(side * 0.75, w - side * 0.75), rng.uniform(side * 0.75, h - side * 0.75)
    half = side / 2
    corners = np.array([[-half, -half], [half, -half], [half, half], [-half, half]])
    corners += rng.uniform(-perspective, perspective, (4, 2)) * side
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    dst = (corners @ rot.T + [cx, cy]).astype(np.float32)
    src = np.array([[0, 0], [lw, 0], [lw, lh], [0, lh]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(logo, matrix, (w, h), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.full((lh, lw), 255, np.uint8), matrix, (w, h), flags=cv2.INTER_LINEAR)
    alpha = (mask.astype(np.float32) / 255.0)[..., None]
    out = (photo.astype(np.float32) * (1 - alpha) + warped.astype(np.float32) * alpha).astype(np.uint8)
    return out, dst


def encode(rgb: np.ndarray, fmt: str = "JPEG", quality: int = 85) -> bytes:
    buf = io.BytesIO()
    kwargs = {"quality": quality} if fmt.upper() in ("JPEG", "WEBP") else {}
    Image.fromarray(rgb).save(buf, fmt, **kwargs)
    return buf.getvalue()


def jpeg_roundtrip(rgb: np.ndarray, quality: int) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(encode(rgb, "JPEG", quality))).convert("RGB"))


def crop_fraction(rgb: np.ndarray, fraction: float, rng: np.random.Generator) -> np.ndarray:
    """Cut up to `fraction` of the width/height off random sides (a light re-framing)."""
    h, w = rgb.shape[:2]
    top, bottom = (rng.uniform(0, fraction, 2) * h / 2).astype(int)
    left, right = (rng.uniform(0, fraction, 2) * w / 2).astype(int)
    return np.ascontiguousarray(rgb[top:h - bottom, left:w - right])


def resize(rgb: np.ndarray, factor: float) -> np.ndarray:
    h, w = rgb.shape[:2]
    return cv2.resize(rgb, (max(1, int(w * factor)), max(1, int(h * factor))), interpolation=cv2.INTER_AREA)


def text_image(lines: list[str], size: tuple[int, int] = (800, 800), font_size: int = 40, seed: int = 0,
               background: np.ndarray | None = None) -> np.ndarray:
    """Chinese/Latin lines rendered with Noto CJK onto a plain or given background."""
    rng = np.random.default_rng(seed)
    img = Image.fromarray(background) if background is not None else Image.new("RGB", size, (250, 250, 245))
    draw = ImageDraw.Draw(img)
    font = load_font(font_size, cjk=True)
    y = int(rng.uniform(0.05, 0.15) * img.height)
    for line in lines:
        x = int(rng.uniform(0.03, 0.12) * img.width)
        draw.text((x, y), line, font=font, fill=(20, 20, 20), stroke_width=2, stroke_fill=(255, 255, 255))
        y += int(font_size * rng.uniform(1.6, 2.4))
    return np.asarray(img, dtype=np.uint8).copy()
