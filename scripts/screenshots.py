"""Screenshots of the review UI for docs/screenshots/ (queue.png, item.png).

    .venv/bin/python scripts/screenshots.py [OUT_DIR]

Starts the real app over a throw-away SQLite database, seeds example items through the store, logs
in as a moderator in headless Chromium and captures the queue and an item page. Reuses the test
fixtures' server and browser settings so the pictures show exactly what the tests exercise.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ui")]

from conftest import CHROMIUM, CHROMIUM_ARGS, login, seed_staff, sqlite_settings, start_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from moderation.api.wiring import build_api  # noqa: E402
from moderation.store.db import migrate  # noqa: E402
from review_ui.examples import risky_bag, seed_item, text_item  # noqa: E402

QUEUE_TEXTS = [
    ("rec-cup-01", "这款保温杯是全网第一，保温效果国家级认证", 2_300_000, "B"),
    ("rec-tea-02", "喝了三天降血压，比药还管用", 54_000, "C"),
    ("rec-mask-03", "面膜用了立刻年轻十岁，无效退款", 310_000, "A"),
    ("rec-shoe-04", "工厂直供，一手货源，代理拿货更便宜", 12_000, "D"),
    ("rec-bag-05", "<b>不是加粗</b> 正常的包包推荐", 800, "B"),
]


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="review-shots-"))
    url = f"sqlite:///{tmp / 'shots.db'}"
    migrate(url)
    api = build_api(sqlite_settings(url, tmp), with_dispatcher=False)
    seed_staff(api)
    with api.services.db.session() as s:
        _, bag = seed_item(s, api.services.pipeline, *risky_bag("rec-lv-bag-88"))
        seed_item(s, api.services.pipeline, *risky_bag("rec-lv-bag-87", author_id="u-daren-2"))
        for rec_id, text, followers, tier in QUEUE_TEXTS:
            seed_item(s, api.services.pipeline, *text_item(rec_id, text, followers=followers, tier=tier))
        assert bag is not None
        bag_id = bag.id
    base, stop = start_server(api)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN").new_page()
            login(page, base, "mod1")
            page.keyboard.press("j")
            page.screenshot(path=str(out_dir / "queue.png"), full_page=True)
            page.goto(f"{base}/review/tasks/{bag_id}")
            page.click("#btn-claim")
            page.keyboard.press("1")
            page.keyboard.press("b")  # reveal the image so the logo box is visible in the picture
            page.wait_for_timeout(400)
            page.locator("#rec-text mark").first.focus()
            page.screenshot(path=str(out_dir / "item.png"), full_page=True)
            browser.close()
    finally:
        stop()
        api.close()
    print(f"wrote {out_dir / 'queue.png'} and {out_dir / 'item.png'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
