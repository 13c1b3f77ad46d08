"""Why an image could not be scanned.

Two kinds, because a reviewer and an operator read them differently: *refused* means our own
policy said no (a private address, too many bytes or pixels, a format we do not decode) — the
submitter can fix it; *unreadable* means the bytes or the network failed us (broken file,
timeout, 404). Both fail closed: the item goes to review, never silently through.
"""

from __future__ import annotations


class ImageError(Exception):
    """Base class; `code` is the scan signal code the loader emits for it."""

    code = "IMAGE_UNREADABLE"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class ImageRefused(ImageError):
    """Our policy refused the image (SSRF guard, size or pixel cap, format allowlist)."""

    code = "IMAGE_REFUSED"


class ImageUnreadable(ImageError):
    """The image could not be fetched or decoded (network error, timeout, corrupt bytes)."""

    code = "IMAGE_UNREADABLE"
