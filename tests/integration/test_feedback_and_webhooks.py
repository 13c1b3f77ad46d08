"""After a human decision: a signed webhook reaches the publisher, and a confirmed counterfeit's
photo goes into the hash bank so a re-post by another account is caught by the image alone."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from moderation.feedback import bank_confirmed_images
from moderation.images.loader import ImageLoader
from moderation.images.synthetic import encode, jpeg_roundtrip, product_photo
from moderation.live import PipelineCache
from moderation.scanning import scan_ids
from moderation.settings import Settings
from moderation.store import recommendations as recs
from moderation.store import review
from moderation.store.auth import create_user
from moderation.store.db import Database
from moderation.store.models import BankHashRow, OutboxRow, ReviewTaskRow
from moderation.types import Recommendation
from workers.webhooks import WebhookSender, verify

SECRET = "whsec-test"


class Receiver:
    def __init__(self) -> None:
        self.calls: list[tuple[dict[str, str], bytes]] = []
        self.fail_next = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if receiver.fail_next:
                    receiver.fail_next -= 1
                    self.send_response(503)
                else:
                    receiver.calls.append((dict(self.headers), body))
                    self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.server.shutdown()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_reject_as_counterfeit_banks_the_photo_and_sends_a_signed_webhook(
        db: Database, settings: Settings, receiver: Receiver) -> None:
    photo = product_photo(seed=5)
    rec = Recommendation(id="fake-1", text="高仿包包，A货，懂的来", images=[{"data": b64(encode(photo))}],
                         callback_url=receiver.url)
    with db.session() as s:
        recs.accept(s, rec)
    cache = PipelineCache(db, settings)
    assert scan_ids(db, cache.get(), ["fake-1"]) == {"fake-1": "pending_review"}
    with db.session() as s:
        user = create_user(s, "mod1", "correct horse", "moderator")
        task = s.query(ReviewTaskRow).filter_by(recommendation_id="fake-1").one()
        assert review.claim(s, task.id, user.id, 600)
    with db.session() as s:
        decision = review.decide(s, task.id, s.merge(user), "reject", ["COUNTERFEIT_SLANG"], "A货")
        decision_id = decision.id

    # The webhook: first attempt fails (503) and is retried; the delivered body is signed.
    sender = WebhookSender(db, SECRET, allow_private=True)
    receiver.fail_next = 1
    assert sender.deliver_pending() == 0
    with db.session() as s:
        row = s.query(OutboxRow).filter_by(topic="webhook").one()
        assert row.attempts == 1 and row.last_error == "HTTP 503"
        row.attempts = 0  # skip the back-off wait in the test
    assert sender.deliver_pending() == 1
    headers, body = receiver.calls[0]
    assert verify(SECRET, headers["X-Moderation-Signature"], body)
    assert not verify("other-secret", headers["X-Moderation-Signature"], body)
    assert json.loads(body)["status"] == "rejected"
    assert sender.deliver_pending() == 0  # delivered once
    sender.close()

    # The feedback: the photo is banked with the decision as provenance…
    assert bank_confirmed_images(db, ImageLoader.from_settings(settings)) == 1
    with db.session() as s:
        banked = s.query(BankHashRow).one()
        assert banked.bank == "confirmed_counterfeit" and banked.ref.startswith(f"decision:{decision_id}:fake-1")
    assert bank_confirmed_images(db, ImageLoader.from_settings(settings)) == 0  # processed once
    # …and a re-post of the same photo (re-encoded) with innocent text is caught by the image.
    reposted = encode(jpeg_roundtrip(photo, 60))
    repost = Recommendation(id="fake-2", text="新款手袋，质感很好", images=[{"data": b64(reposted)}])
    cache.refresh()
    verdict = cache.get().scan(repost)
    codes = {s.code for s in verdict.signals}
    assert "IMAGE_HASH_MATCH" in codes and verdict.route.value != "approve"


def test_webhooks_to_private_hosts_are_refused_by_default(db: Database, receiver: Receiver) -> None:
    rec = Recommendation(id="w", text="普通的杯子", callback_url=receiver.url)
    with db.session() as s:
        row = recs.accept(s, rec).row
        row.status = "approved"
        s.add(OutboxRow(topic="webhook", recommendation_id="w", payload={"status": "approved"}))
    sender = WebhookSender(db, SECRET, allow_private=False)
    assert sender.deliver_pending() == 0
    with db.session() as s:
        assert "not a public address" in (s.query(OutboxRow).filter_by(topic="webhook").one().last_error or "")
    assert receiver.calls == []
    sender.close()
