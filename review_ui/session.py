"""Signed, expiring session cookies for staff.

Why our own HMAC instead of a library? The cookie holds three small values (user id, CSRF token,
issue time) and must never be readable-and-forgeable; `hmac` + `hashlib` do exactly that without a
new dependency. The server keeps no session table, so any API replica can serve any reviewer; the
price is that logout cannot revoke a stolen cookie before it expires — hence the short max age and
the per-request reload of the user (a deactivated account is locked out at once).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass

COOKIE_NAME = "review_session"


@dataclass(frozen=True)
class SessionData:
    """What the cookie carries. `user_id` is None for the anonymous pre-login session, which exists
    only so the login form itself is CSRF-protected."""

    user_id: int | None
    csrf: str
    issued_at: int

    @classmethod
    def fresh(cls, user_id: int | None) -> SessionData:
        return cls(user_id=user_id, csrf=secrets.token_urlsafe(24), issued_at=int(time.time()))


class SessionCodec:
    """Encodes `SessionData` as `base64(json).base64(hmac-sha256)` and refuses stale or forged ones."""

    def __init__(self, secret: str | None, max_age_seconds: int):
        # No configured secret: a random per-process one. Sessions then die with the process, which
        # is the safe failure for a single-machine demo (a fixed default would be a public key).
        self._key = hashlib.sha256((secret or secrets.token_hex(32)).encode()).digest()
        self.max_age_seconds = max_age_seconds

    def _mac(self, body: bytes) -> str:
        digest = hmac.new(self._key, b"review-session\x00" + body, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def encode(self, data: SessionData) -> str:
        raw = json.dumps({"u": data.user_id, "c": data.csrf, "t": data.issued_at}, separators=(",", ":"))
        body = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
        return f"{body}.{self._mac(body.encode())}"

    def decode(self, cookie: str | None, now: float | None = None) -> SessionData | None:
        if not cookie or cookie.count(".") != 1:
            return None
        body, mac = cookie.split(".")
        if not hmac.compare_digest(mac, self._mac(body.encode())):
            return None
        try:
            raw = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
            data = SessionData(user_id=raw["u"], csrf=str(raw["c"]), issued_at=int(raw["t"]))
        except (ValueError, KeyError, TypeError):
            return None
        age = (now if now is not None else time.time()) - data.issued_at
        if age > self.max_age_seconds or age < -60:
            return None
        return data
