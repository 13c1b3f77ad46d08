"""Assemble a runnable API process: database, pipeline, queue dispatcher, the app.

Kept apart from `app.py` so tests can build an app over any `Services` they like, while
`moderation serve`/`demo` use the real wiring.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import FastAPI

from moderation.api.app import create_app
from moderation.api.services import Services
from moderation.live import PipelineCache
from moderation.settings import Settings
from moderation.store.db import Database


@dataclass
class ApiProcess:
    app: FastAPI
    services: Services
    dispatcher: object | None

    def close(self) -> None:
        if self.dispatcher is not None:
            self.dispatcher.stop()  # type: ignore[attr-defined]
        self.services.db.dispose()


def build_api(settings: Settings, with_dispatcher: bool = True, with_review_ui: bool = True) -> ApiProcess:
    db = Database(settings.resolved_database_url())
    cache = PipelineCache(db, settings)
    services = Services(settings=settings, db=db, pipeline=cache.get())

    def reload() -> None:
        cache.refresh(force=True)
        services.pipeline = cache.get()

    services.reload = reload
    dispatcher = None
    if settings.redis_url:
        from workers.dispatcher import Dispatcher
        from workers.redis_conn import connect

        conn = connect(settings.redis_url)

        def queue_ready() -> bool:
            try:
                return bool(conn.ping())
            except Exception:
                return False

        services.queue_ready = queue_ready
        if with_dispatcher:
            dispatcher = Dispatcher(db, conn, settings.queue_prefix, settings.job_batch_size,
                                    settings.sweep_after_seconds, settings=settings).start()
            services.kick = dispatcher.kick
    return ApiProcess(create_app(services, with_review_ui=with_review_ui), services, dispatcher)
