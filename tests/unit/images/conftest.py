"""Shared fixtures for the image tests: a loader for inline images and encoding helpers."""

from __future__ import annotations

import base64

import numpy as np
import pytest

from moderation.images.fetch import ImageFetcher
from moderation.images.loader import ImageLoader
from moderation.images.synthetic import encode
from moderation.types import ImageRef


def inline(rgb: np.ndarray, fmt: str = "JPEG", quality: int = 90) -> ImageRef:
    return ImageRef(data=base64.b64encode(encode(rgb, fmt, quality)).decode())


@pytest.fixture
def loader() -> ImageLoader:
    return ImageLoader(ImageFetcher(max_bytes=10_000_000, timeout=1.0), max_pixels=40_000_000)


@pytest.fixture(autouse=True, scope="session")
def _single_threaded_native_libraries() -> None:
    """As in workers: faiss/OpenCV thread pools fight on small machines (see detectors_factory)."""
    from moderation.images.detectors_factory import single_threaded_native_libraries

    single_threaded_native_libraries()
