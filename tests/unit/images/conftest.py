"""Shared fixtures for the image tests: a loader for inline images and encoding helpers."""

from __future__ import annotations

import pytest

from moderation.images.fetch import ImageFetcher
from moderation.images.loader import ImageLoader


@pytest.fixture
def loader() -> ImageLoader:
    return ImageLoader(ImageFetcher(max_bytes=10_000_000, timeout=1.0), max_pixels=40_000_000)


@pytest.fixture(autouse=True, scope="session")
def _single_threaded_native_libraries() -> None:
    """As in workers: faiss/OpenCV thread pools fight on small machines (see detectors_factory)."""
    from moderation.images.detectors_factory import single_threaded_native_libraries

    single_threaded_native_libraries()
