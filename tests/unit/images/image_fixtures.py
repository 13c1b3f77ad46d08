"""Helpers shared by the image tests (a uniquely named module: `conftest` names collide across dirs)."""

from __future__ import annotations

import base64

import numpy as np

from moderation.images.synthetic import encode
from moderation.types import ImageRef


def inline(rgb: np.ndarray, fmt: str = "JPEG", quality: int = 90) -> ImageRef:
    return ImageRef(data=base64.b64encode(encode(rgb, fmt, quality)).decode())
