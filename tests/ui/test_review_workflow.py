"""Review workflow over HTTP (TestClient) on SQLite AND PostgreSQL: claim exclusivity, leases,
second reviews kept from the first reviewer, QA sampling and golden items."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from conftest import PASSWORD, csrf_of
from fastapi.testclient import TestClient

from moderation.api.wiring import ApiProcess, build_api
from moderation.settings import Settings
from moderation.store.models import DecisionRow, RecommendationRow, ReviewTaskRow, UserRow
from moderation.store.review import QueueFilter
from review_ui import qa, queue, stats
from review_ui.deps import ReviewConfig
from review_ui.examples import risky_bag, seed_item, text_item
from review_ui.seed import ensure_user


@pytest.fixture
def api(settings: Settings) -> Iterator[ApiProcess]:
    proc = build_api(settings, with_dispatcher=False)
    for name, role in (("mod1", "moderator"), ("mod2", "moderator"), ("pol1", "policy")):
        ensure_user(proc.services.db, name, PASSWORD, role)
    yield proc
    proc.close()


def client_for(api: ApiProcess, username: str) -> tuple[TestClient, str]:
    c = TestClient(api.app)
    token = csrf_of(c.get("/review/login").text)
    r = c.post("/review/login", data={"username": username, "password": PASSWORD, "csrf": token},
               follow_redirects=False)
    assert r.status_code == 303
    return c, csrf_of(c.get("/review/").text)


def seed_n(api: ApiProcess, n: int) -> list[int]:
    ids = []
    with api.services.db.session() as s:
        for i in range(n):
            _, task = seed_item(s, api.services.pipeline, *text_item(f"rec-{i}", f"第{i}条推荐", followers=i * 100))
            assert task is not None
            ids.append(task.id)
    return ids


def user_id(api: ApiProcess, name: str) -> int:
    with api.services.db.session() as s:
        return int(s.scalar(sa.select(UserRow.id).where(UserRow.username == name)) or 0)


def test_two_reviewers_never_hold_the_same_item(api: ApiProcess) -> None:
    (task_id, other_id) = seed_n(api, 2)
    a, ta = client_for(api, "mod1")
    b, tb = client_for(api, "mod2")
    assert a.post(f"/review/tasks/{task_id}/claim", data={"csrf": ta}, follow_redirects=False).status_code == 303
    assert b.post(f"/review/tasks/{task_id}/claim", data={"csrf": tb}, follow_redirects=False).status_code == 409
    nxt = b.post("/review/next", data={"csrf": tb}, follow_redirects=False)
    assert nxt.headers["location"] == f"/review/tasks/{other_id}"
    # Renewing your own claim is fine; the queue shows who holds what.
    assert a.post(f"/review/tasks/{task_id}/claim", data={"csrf": ta}, follow_redirects=False).status_code == 303
    assert "mod1 until" in b.get("/review/").text


def test_concurrent_claim_next_hands_out_distinct_items(api: ApiProcess) -> None:
    seed_n(api, 6)
    reviewers = [ensure_user(api.services.db, f"r{i}", PASSWORD, "moderator") for i in range(6)]
    got: list[int | None] = []
    barrier = threading.Barrier(len(reviewers))

    def work(uid: int) -> None:
        barrier.wait()
        with api.services.db.session() as s:
            task = queue.claim_next(s, queue.Reviewer(uid, "moderator"), 600, QueueFilter())
            got.append(task.id if task else None)

    threads = [threading.Thread(target=work, args=(uid,)) for uid in reviewers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    claimed = [g for g in got if g is not None]
    assert len(claimed) == len(set(claimed)) == 6


def test_decide_without_lease_is_refused(api: ApiProcess) -> None:
    (task_id,) = seed_n(api, 1)
    a, ta = client_for(api, "mod1")
    b, tb = client_for(api, "mod2")
    r = a.post(f"/review/tasks/{task_id}/decide", data={"csrf": ta, "action": "approve"})
    assert r.status_code == 409 and "lease" in r.text
    assert b.post(f"/review/tasks/{task_id}/claim", data={"csrf": tb}, follow_redirects=False).status_code == 303
    r = a.post(f"/review/tasks/{task_id}/decide", data={"csrf": ta, "action": "approve"})
    assert r.status_code == 409
    # Unknown codes and code-less rejections are refused before touching the store.
    assert b.post(f"/review/tasks/{task_id}/decide", data={"csrf": tb, "action": "reject"}).status_code == 400
    assert b.post(f"/review/tasks/{task_id}/decide",
                  data={"csrf": tb, "action": "reject", "codes": ["NOPE"]}).status_code == 400
    with api.services.db.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(DecisionRow)) == 0
    r = b.post(f"/review/tasks/{task_id}/decide",
               data={"csrf": tb, "action": "reject", "codes": ["AD_FALSE_CLAIM"], "note": "夸大"},
               follow_redirects=False)
    assert r.status_code == 303
    with api.services.db.session() as s:
        assert s.get(RecommendationRow, "rec-0").status == "rejected"  # type: ignore[union-attr]


def test_second_review_never_goes_to_the_first_reviewer(api: ApiProcess) -> None:
    (task_id,) = seed_n(api, 1)
    api.app.state.review_ui.config = ReviewConfig(second_review_share=1.0)
    a, ta = client_for(api, "mod1")
    a.post(f"/review/tasks/{task_id}/claim", data={"csrf": ta})
    r = a.post(f"/review/tasks/{task_id}/decide", data={"csrf": ta, "action": "approve", "then": "queue"},
               follow_redirects=False)
    assert r.status_code == 303
    with api.services.db.session() as s:
        second = s.scalars(sa.select(ReviewTaskRow).where(ReviewTaskRow.reason == "second_review")).one()
    assert a.post("/review/next", data={"csrf": ta}, follow_redirects=False).headers["location"] == "/review/?msg=empty"
    assert a.post(f"/review/tasks/{second.id}/claim", data={"csrf": ta}).status_code == 409
    assert a.get(f"/review/tasks/{second.id}").status_code == 403
    b, tb = client_for(api, "mod2")
    assert b.post("/review/next", data={"csrf": tb}, follow_redirects=False).headers["location"] == \
        f"/review/tasks/{second.id}"
    assert "Earlier decisions" not in b.get(f"/review/tasks/{second.id}").text  # independent view
    b.post(f"/review/tasks/{second.id}/decide", data={"csrf": tb, "action": "reject", "codes": ["AD_FALSE_CLAIM"]})
    with api.services.db.session() as s:
        pairs = stats.review_pairs(s, stats.default_since())
    assert [(p.first_reviewer, p.second_reviewer, p.first, p.second) for p in pairs] == \
        [("mod1", "mod2", "approve", "reject")]
    p, _tp = client_for(api, "pol1")
    page = p.get("/review/stats")
    assert page.status_code == 200 and "kappa-reviewer" in page.text


def test_escalated_items_are_for_the_policy_team(api: ApiProcess) -> None:
    (task_id,) = seed_n(api, 1)
    a, ta = client_for(api, "mod1")
    a.post(f"/review/tasks/{task_id}/claim", data={"csrf": ta})
    a.post(f"/review/tasks/{task_id}/decide", data={"csrf": ta, "action": "escalate", "then": "queue"})
    with api.services.db.session() as s:
        esc = s.scalars(sa.select(ReviewTaskRow).where(ReviewTaskRow.reason == "escalated")).one()
    assert a.get(f"/review/tasks/{esc.id}").status_code == 403
    p, tp = client_for(api, "pol1")
    assert p.post("/review/next", data={"csrf": tp}, follow_redirects=False).headers["location"] == \
        f"/review/tasks/{esc.id}"


def test_sample_for_qa_takes_a_share_of_auto_approved_items_once(api: ApiProcess) -> None:
    pipeline = api.services.pipeline
    with api.services.db.session() as s:
        for i in range(40):
            seed_item(s, pipeline, *text_item(f"ok-{i}", "很好用的杯子"))
        for t in s.scalars(sa.select(ReviewTaskRow)):
            s.delete(t)
        s.execute(sa.update(RecommendationRow).values(status="approved"))
    with api.services.db.session() as s:
        # The seeded verdicts routed to review; only items the POLICY approved are QA material.
        assert qa.sample_for_qa(s, 1.0, random.Random(1)) == []
    with api.services.db.session() as s:
        for i in range(40):
            seed_item(s, pipeline, *_clean(f"auto-{i}"))
    with api.services.db.session() as s:
        first = qa.sample_for_qa(s, 0.25, random.Random(7))
        assert 3 <= len(first) <= 20
        assert all(t.reason == "qa_sample" for t in first)
    with api.services.db.session() as s:
        again = qa.sample_for_qa(s, 1.0, random.Random(7))
        assert len(again) == 40 - len(first)  # never the same item twice
        assert qa.sample_for_qa(s, 1.0, random.Random(7)) == []


def _clean(rec_id: str) -> tuple:
    rec, _ = text_item(rec_id, "冬天带着很方便")
    return rec, []


def test_golden_items_measure_accuracy(api: ApiProcess) -> None:
    rec, _ = risky_bag("plant-1", with_image=False)
    with api.services.db.session() as s:
        task = qa.plant_golden(s, rec, qa.GoldenAnswer("reject", ("COUNTERFEIT_SLANG",)),
                               api.services.pipeline.policy, actor="pol1")
        task_id = task.id
    a, ta = client_for(api, "mod1")
    page = a.get(f"/review/tasks/{task_id}").text
    assert "golden" not in page  # looks like any scan task
    a.post(f"/review/tasks/{task_id}/claim", data={"csrf": ta})
    a.post(f"/review/tasks/{task_id}/decide", data={"csrf": ta, "action": "reject", "codes": ["COUNTERFEIT_SLANG"]})
    with api.services.db.session() as s:
        (score,) = stats.golden_accuracy(s, stats.default_since())
    assert (score.reviewer, score.answered, score.correct) == ("mod1", 1, 1)


def test_item_page_context_history_and_cluster(api: ApiProcess) -> None:
    with api.services.db.session() as s:
        _, t1 = seed_item(s, api.services.pipeline, *risky_bag("ring-1", wechat="wxid_ring"))
        _, t2 = seed_item(s, api.services.pipeline, *risky_bag("ring-2", wechat="wxid_ring", merchant_id="m-other"))
        assert t1 is not None and t2 is not None
        ids = (t1.id, t2.id)
    a, ta = client_for(api, "mod1")
    a.post(f"/review/tasks/{ids[0]}/claim", data={"csrf": ta})
    a.post(f"/review/tasks/{ids[0]}/decide", data={"csrf": ta, "action": "reject", "codes": ["DIVERSION_CONTACT"]})
    page = a.get(f"/review/tasks/{ids[1]}").text
    assert "wxid_ring" in page and "ring-1" in page  # cluster + author history
    assert "DIVERSION_CONTACT" in page
    assert "mod1" in page


def test_repeated_failed_logins_are_throttled(api: ApiProcess) -> None:
    c = TestClient(api.app)
    for _ in range(5):
        token = csrf_of(c.get("/review/login").text)
        r = c.post("/review/login", data={"username": "mod1", "password": "wrong-guess", "csrf": token},
                   follow_redirects=False)
        assert r.status_code == 200 and "Wrong username or password" in r.text
    token = csrf_of(c.get("/review/login").text)
    # Even the right password is refused while throttled: guessing cannot continue.
    r = c.post("/review/login", data={"username": "mod1", "password": PASSWORD, "csrf": token},
               follow_redirects=False)
    assert r.status_code == 429 and "Too many failed attempts" in r.text
    # Another account is unaffected.
    other, _ = client_for(api, "mod2")
    assert other.get("/review/").status_code == 200
