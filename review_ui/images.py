"""Images on the item page, shown without giving the submitter any way to act in our browser.

- Inline data is displayed only when it decodes as strict base64 AND its bytes start with the magic
  number of an allowlisted raster type; the data URL is rebuilt from the decoded bytes with OUR
  MIME type, so a payload cannot smuggle `image/svg+xml` (scriptable) or break out of the attribute.
- URL images are shown as text, never hot-linked: loading them would tell the submitter who is
  reviewing and when, and could fetch anything.
- Evidence polygons become an SVG overlay in the image's pixel coordinates.
"""

from __future__ import annotations

import base64
import binascii
import io
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, UnidentifiedImageError

MAX_INLINE_BYTES = 8 * 1024 * 1024


def sniff_mime(data: bytes) -> str | None:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


@dataclass(frozen=True)
class Box:
    points: str  # SVG `points` attribute: "x,y x,y …", numbers only
    label: str
    code: str


@dataclass
class ShownImage:
    index: int
    data_url: str | None = None
    width: int = 0
    height: int = 0
    url_text: str | None = None
    problem: str | None = None
    boxes: list[Box] = field(default_factory=list)


def decode_inline(data: str) -> tuple[str, bytes, int, int] | str:
    """(mime, bytes, width, height) for a displayable image, or a reason it is not shown."""
    if len(data) > MAX_INLINE_BYTES * 4 // 3 + 4:
        return "too large to display"
    try:
        raw = base64.b64decode(data.strip(), validate=True)
    except (binascii.Error, ValueError):
        return "not valid base64"
    mime = sniff_mime(raw)
    if mime is None:
        return "not an allowed image type (png, jpeg, gif, webp)"
    try:
        with Image.open(io.BytesIO(raw)) as im:  # reads the header only
            width, height = im.size
    except (UnidentifiedImageError, OSError, ValueError):
        return "unreadable image"
    return mime, raw, width, height


def polygon_points(polygon: Any) -> str | None:
    try:
        pts = [(float(x), float(y)) for x, y in polygon]
    except (TypeError, ValueError):
        return None
    if len(pts) < 2 or not all(math.isfinite(v) for p in pts for v in p):
        return None
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)


def shown_images(images: Iterable[Mapping[str, Any]], signals: Iterable[Mapping[str, Any]]) -> list[ShownImage]:
    shown: list[ShownImage] = []
    for i, ref in enumerate(images):
        img = ShownImage(index=i)
        if isinstance(ref.get("data"), str):
            decoded = decode_inline(ref["data"])
            if isinstance(decoded, str):
                img.problem = decoded
            else:
                mime, raw, img.width, img.height = decoded
                img.data_url = f"data:{mime};base64,{base64.b64encode(raw).decode('ascii')}"
        elif isinstance(ref.get("url"), str):
            img.url_text = ref["url"]
        shown.append(img)
    for sig in signals:
        ev = sig.get("evidence") or {}
        if ev.get("kind") != "image_box" or not isinstance(ev.get("image"), int):
            continue
        idx = ev["image"]
        points = polygon_points(ev.get("polygon"))
        if 0 <= idx < len(shown) and points:
            label = " ".join(str(v) for v in (ev.get("brand"), ev.get("label"), ev.get("text")) if v)
            shown[idx].boxes.append(Box(points, label or str(sig.get("code", "")), str(sig.get("code", ""))))
    return shown
