"""Mount the staff review UI under `/review/` on the API app.

Server-rendered pages (Jinja2, autoescaped) and a little vanilla JS for keyboard shortcuts: the UI
works without JS, loads nothing from a CDN, and the only script is ours (served from `/review/static`).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from moderation.api.services import Services
from review_ui import auth, decisions, item_view, queue_views, stats_views
from review_ui.deps import ReviewConfig, ReviewUI
from review_ui.errors import ReviewError
from review_ui.pages import render
from review_ui.reason_codes import ReasonCatalog
from review_ui.session import SessionCodec

HERE = Path(__file__).parent
PREFIX = "/review"
# Our own scripts and styles only, and no plugins, frames or form posts elsewhere: even if some
# user content escaped autoescaping, the browser would refuse to run it. Images: self + data: URLs.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every template, whatever its extension: user text is attacker-controlled
        undefined=jinja2.StrictUndefined,
    )
    return Jinja2Templates(env=env)


def mount_review_ui(app: FastAPI, services: Services, config: ReviewConfig | None = None) -> None:
    settings = services.settings
    app.state.review_ui = ReviewUI(
        services=services,
        codec=SessionCodec(settings.session_secret, settings.session_max_age_seconds),
        templates=_templates(),
        reasons=ReasonCatalog.load(),
        config=config or ReviewConfig(qa_share=settings.qa_sample_share,
                                      second_review_share=settings.second_review_share),
    )
    for router in (auth.router, queue_views.router, item_view.router, decisions.router, stats_views.router):
        app.include_router(router, prefix=PREFIX, include_in_schema=False)
    app.mount(f"{PREFIX}/static", StaticFiles(directory=HERE / "static"), name="review_static")

    @app.get(PREFIX, include_in_schema=False)
    def _root() -> Response:
        return RedirectResponse(f"{PREFIX}/", status_code=307)

    @app.exception_handler(ReviewError)
    async def _review_error(request: Request, exc: ReviewError) -> Response:
        if exc.login_redirect and request.method == "GET":
            return RedirectResponse(f"{PREFIX}/login", status_code=303)
        return render(request, "error.html", None, status_code=exc.status, message=exc.message)

    @app.middleware("http")
    async def _security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        if request.url.path.startswith(PREFIX):
            response.headers.setdefault("Content-Security-Policy", CSP)
            response.headers.setdefault("X-Content-Type-Options", "nosniff")
            response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
