"""The review UI in real headless Chromium against a real uvicorn server (SQLite)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from conftest import LiveApp, login
from playwright.sync_api import Page, expect

from moderation.store.models import AuditRow, DecisionRow, RecommendationRow, ReviewTaskRow
from review_ui.examples import risky_bag, seed_item, text_item

pytestmark = pytest.mark.browser

XSS_TEXT = '好物推荐 <img src=x onerror=alert(1)> 和 <script>alert("xss")</script> 结束'


def seed(app: LiveApp, *items: tuple) -> list[int]:
    ids = []
    with app.api.services.db.session() as s:
        for rec, signals in items:
            _, task = seed_item(s, app.api.services.pipeline, rec, signals)
            assert task is not None
            ids.append(task.id)
    return ids


def test_login_wrong_then_right(live_app: LiveApp, new_page: Callable[[], Page]) -> None:
    page = new_page()
    login(page, live_app.base, "mod1", "wrong-password")
    expect(page.locator(".error")).to_contain_text("Wrong username or password")
    login(page, live_app.base, "mod1")
    expect(page).to_have_url(f"{live_app.base}/review/")
    expect(page.locator("h1")).to_contain_text("Review queue")
    cookie = next(c for c in page.context.cookies() if c["name"] == "review_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["expires"] > time.time()


def test_claim_from_queue(live_app: LiveApp, new_page: Callable[[], Page]) -> None:
    (task_id,) = seed(live_app, risky_bag())
    page = new_page()
    login(page, live_app.base, "mod1")
    row = page.locator(f'tr[data-task-id="{task_id}"]')
    row.locator("button.claim").click()
    expect(page).to_have_url(f"{live_app.base}/review/tasks/{task_id}")
    expect(page.locator(".lease")).to_contain_text("Your lease ends")
    with live_app.api.services.db.session() as s:
        assert s.get(ReviewTaskRow, task_id).claimed_by == live_app.users["mod1"]  # type: ignore[union-attr]
    # A second reviewer sees it as claimed and cannot take it.
    other = new_page()
    login(other, live_app.base, "mod2")
    expect(other.locator(f'tr[data-task-id="{task_id}"] .claim-state')).to_contain_text("mod1")
    other.goto(f"{live_app.base}/review/tasks/{task_id}")
    expect(other.locator(".decide-panel")).to_contain_text("Claimed by mod1")
    expect(other.locator("#btn-approve")).to_be_disabled()


def test_decide_entirely_by_keyboard(live_app: LiveApp, new_page: Callable[[], Page]) -> None:
    first, second = seed(
        live_app,
        text_item("rec-kb-1", "这款保温杯真的很不错", followers=5_000_000),
        risky_bag("rec-kb-2"),
    )
    page = new_page()
    login(page, live_app.base, "mod1")
    page.keyboard.press("?")
    expect(page.locator("#shortcuts")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#shortcuts")).to_be_hidden()
    page.keyboard.press("n")  # claim next: the highest priority first
    expect(page).to_have_url(f"{live_app.base}/review/tasks/{second}")
    page.keyboard.press("r")  # no code selected yet: refused in the page, nothing sent
    expect(page.locator("#form-msg")).to_contain_text("reason code")
    page.keyboard.press("1")
    page.keyboard.press("3")
    page.keyboard.press("3")  # toggled off again
    expect(page.locator("#code-1")).to_be_checked()
    expect(page.locator("#code-3")).not_to_be_checked()
    code1 = page.locator("#code-1").get_attribute("value")
    page.keyboard.press("r")
    expect(page).to_have_url(f"{live_app.base}/review/tasks/{first}")  # lands on the next item
    page.keyboard.press("a")
    expect(page).to_have_url(f"{live_app.base}/review/?msg=empty")
    with live_app.api.services.db.session() as s:
        assert s.get(RecommendationRow, "rec-kb-2").status == "rejected"  # type: ignore[union-attr]
        assert s.get(RecommendationRow, "rec-kb-1").status == "approved"  # type: ignore[union-attr]
        decisions = {d.recommendation_id: d for d in s.scalars(sa.select(DecisionRow))}
        assert decisions["rec-kb-2"].reason_codes == [code1]
        assert decisions["rec-kb-2"].reviewer_id == live_app.users["mod1"]
        audits = {(a.action, a.target) for a in s.scalars(sa.select(AuditRow))}
        assert ("decision.reject", "recommendation:rec-kb-2") in audits
        assert ("decision.approve", "recommendation:rec-kb-1") in audits


def test_lease_expiry_releases_item(live_app_factory: Callable[..., LiveApp], new_page: Callable[[], Page]) -> None:
    app = live_app_factory(MODERATION_REVIEW_LEASE=1)
    (task_id,) = seed(app, risky_bag())
    slow = new_page()
    login(slow, app.base, "mod1")
    slow.keyboard.press("n")
    expect(slow).to_have_url(f"{app.base}/review/tasks/{task_id}")
    time.sleep(1.5)
    fast = new_page()
    login(fast, app.base, "mod2")
    fast.keyboard.press("n")  # the expired lease no longer protects it
    expect(fast).to_have_url(f"{app.base}/review/tasks/{task_id}")
    slow.keyboard.press("a")  # the first reviewer's decision is refused
    expect(slow.locator(".error")).to_contain_text("lease")
    with app.api.services.db.session() as s:
        assert s.get(ReviewTaskRow, task_id).claimed_by == app.users["mod2"]  # type: ignore[union-attr]
        assert s.scalar(sa.select(sa.func.count()).select_from(DecisionRow)) == 0


def test_xss_payload_stays_inert(live_app: LiveApp, new_page: Callable[[], Page]) -> None:
    (task_id,) = seed(live_app, text_item("rec-xss", XSS_TEXT))
    page = new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    login(page, live_app.base, "mod1")
    page.goto(f"{live_app.base}/review/tasks/{task_id}")
    text = page.locator("#rec-text")
    expect(text).to_have_text(XSS_TEXT)  # shown literally
    assert text.locator("img, script").count() == 0
    assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
    page.wait_for_timeout(300)
    assert dialogs == []


def test_post_without_csrf_is_refused(live_app: LiveApp, new_page: Callable[[], Page]) -> None:
    (task_id,) = seed(live_app, risky_bag())
    page = new_page()
    login(page, live_app.base, "mod1")
    # page.request shares the logged-in session cookie: only the token is missing or wrong.
    missing = page.request.post(f"{live_app.base}/review/tasks/{task_id}/claim", form={})
    wrong = page.request.post(f"{live_app.base}/review/tasks/{task_id}/claim", form={"csrf": "forged"})
    assert (missing.status, wrong.status) == (403, 403)
    with live_app.api.services.db.session() as s:
        assert s.get(ReviewTaskRow, task_id).claimed_by is None  # type: ignore[union-attr]


def test_moderator_cannot_open_policy_or_admin_pages(live_app: LiveApp, new_page: Callable[[], Page]) -> None:
    page = new_page()
    login(page, live_app.base, "mod1")
    assert page.goto(f"{live_app.base}/review/stats").status == 403  # type: ignore[union-attr]
    assert page.goto(f"{live_app.base}/review/audit").status == 403  # type: ignore[union-attr]
    policy = new_page()
    login(policy, live_app.base, "pol1")
    assert policy.goto(f"{live_app.base}/review/stats").status == 200  # type: ignore[union-attr]
    assert policy.goto(f"{live_app.base}/review/audit").status == 403  # type: ignore[union-attr]
    admin = new_page()
    login(admin, live_app.base, "adm1")
    assert admin.goto(f"{live_app.base}/review/audit").status == 200  # type: ignore[union-attr]
    expect(admin.locator("#audit")).to_contain_text("login")


def test_item_page_shows_evidence_and_blurs_images(live_app: LiveApp, new_page: Callable[[], Page]) -> None:
    (task_id,) = seed(live_app, risky_bag())
    page = new_page()
    login(page, live_app.base, "mod1")
    page.goto(f"{live_app.base}/review/tasks/{task_id}")
    mark = page.locator("#rec-text mark.fam-false_ad")
    expect(mark).to_have_text("最好")
    expect(mark).to_have_attribute("title", "AD_ABSOLUTE_TERM · 0.93 · 广告法 第九条(三)")
    expect(page.locator("svg.boxes polygon")).to_have_count(1)
    img = page.locator(".imgwrap img")
    assert "blur" in img.evaluate("e => getComputedStyle(e).filter")
    page.keyboard.press("b")  # (the filter is animated: wait for it to settle)
    page.wait_for_function("() => getComputedStyle(document.querySelector('.imgwrap img')).filter === 'none'")
    expect(page.locator(".facts")).to_contain_text("NO — not an authorised merchant")
