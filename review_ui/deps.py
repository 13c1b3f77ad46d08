"""Per-request dependencies of the staff UI: who is asking, may they, and did they send the CSRF token.

The UI's runtime (`ReviewUI`) is built once by `mount_review_ui` and hung on `app.state`, so routes
receive it by injection rather than importing a global — tests can mount two apps side by side.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from moderation.api.services import Services
from moderation.store.models import UserRow
from review_ui.csrf import check_csrf
from review_ui.errors import ReviewError
from review_ui.reason_codes import ReasonCatalog
from review_ui.session import COOKIE_NAME, SessionCodec, SessionData


@dataclass(frozen=True)
class ReviewConfig:
    """Knobs of the review workflow. Shares are probabilities in [0, 1]."""

    #: Share of auto-approved items `sample_for_qa` pulls into the queue.
    qa_share: float = 0.02
    #: Share of first decisions that get an independent second review (for kappa).
    second_review_share: float = 0.05
    page_size: int = 50


@dataclass
class ReviewUI:
    services: Services
    codec: SessionCodec
    templates: Jinja2Templates
    reasons: ReasonCatalog
    config: ReviewConfig
    rng: random.Random = field(default_factory=random.Random)

    @property
    def lease_seconds(self) -> int:
        return self.services.settings.review_lease_seconds


@dataclass(frozen=True)
class Staff:
    id: int
    username: str
    role: str
    session: SessionData

    @property
    def is_senior(self) -> bool:
        return self.role in ("policy", "admin")


def get_ui(request: Request) -> ReviewUI:
    return request.app.state.review_ui  # type: ignore[no-any-return]


def session_of(request: Request) -> SessionData | None:
    return get_ui(request).codec.decode(request.cookies.get(COOKIE_NAME))


def current_staff(request: Request) -> Staff:
    """The logged-in, still-active user; reloaded each request so a deactivation bites at once."""
    session = session_of(request)
    if session is None or session.user_id is None:
        raise ReviewError(401, "Please log in.", login_redirect=True)
    with get_ui(request).services.db.session() as s:
        user = s.get(UserRow, session.user_id)
        if user is None or not user.active:
            raise ReviewError(401, "Your account is not active.", login_redirect=True)
        return Staff(user.id, user.username, user.role, session)


def require_role(*roles: str) -> Callable[[Staff], Staff]:
    def dependency(staff: Staff = Depends(current_staff)) -> Staff:
        if staff.role not in roles:
            raise ReviewError(403, "Your role may not open this page.")
        return staff

    return dependency


async def csrf_protect(request: Request) -> None:
    """Attach to every POST route: refuses (403) a request without the session's token."""
    await check_csrf(request, session_of(request))
