"""Text-path throughput: normalise + all text detectors + evidence, against a raw Aho-Corasick pass.

The peer is the cheapest thing that could call itself a keyword filter: one pyahocorasick automaton
over the same lexicon's literal terms (every active `term` entry, as written), scanning the same
fields (text + product.title) of the same recommendations and collecting every match. Both run in
this process, interleaved round by round, on one core, so the ratio is meaningful whatever the
machine.

"text path" = `text_detectors()` over a fresh `ScanContext` per recommendation (normalise, scan,
context rules, Signal + evidence objects with original offsets); "via Pipeline" = the same detectors
in a `Pipeline` (`collect`, one recommendation at a time), i.e. plus the pipeline's own bookkeeping.
`--stages` adds a breakdown of the text path (each stage timed alone, medians).

Usage: .venv/bin/python bench/bench_text.py [--n 3000] [--rounds 5] [--stages] [--data ../shared/data/text_dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ahocorasick

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # measure THIS tree, not an installed one

from moderation.detectors.base import ScanContext
from moderation.engine import text_detectors
from moderation.pipeline import Pipeline
from moderation.policy import load_policy
from moderation.text.fields import field_views
from moderation.text.lexicon import default_lexicon
from moderation.text.matcher import default_matcher
from moderation.types import Merchant, Product, Recommendation

TEXT_DETECTORS = ("false_ad", "counterfeit", "mlm", "diversion")


def load_texts(path: Path | None) -> list[dict]:
    if path and path.exists():
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    sample = {"id": "s1", "text": "全网最好用的面霜，没有之一，加VX：abc123 了解", "product": {"title": "面霜"}}
    return [sample]


def make_recs(rows: list[dict], n: int, seed: int = 7) -> list[Recommendation]:
    """n recommendations of 100–300 characters, built by joining dev-set texts (all kinds mixed)."""
    rng = random.Random(seed)
    recs = []
    for i in range(n):
        parts: list[str] = []
        target = rng.randint(100, 300)
        while sum(map(len, parts)) < target:
            parts.append(rng.choice(rows)["text"])
        text = "".join(parts)[:target]
        row = rng.choice(rows)
        p = row.get("product") or {}
        m = row.get("merchant") or {}
        recs.append(Recommendation(
            id=f"b{i}", text=text,
            product=Product(title=p.get("title"), brand=p.get("brand"), category=p.get("category"),
                            price=p.get("price"), stock=p.get("stock")),
            merchant=Merchant(id=m["id"]) if m.get("id") else None,
        ))
    return recs


def raw_peer(terms: list[str]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for i, t in enumerate(terms):
        auto.add_word(t, (i, t))
    auto.make_automaton()
    return auto


def time_peer(auto: ahocorasick.Automaton, recs: list[Recommendation]) -> float:
    t0 = time.perf_counter()
    for rec in recs:
        for text in rec.text_fields().values():
            _ = list(auto.iter(text))
    return time.perf_counter() - t0


def time_ours(detectors: list, recs: list[Recommendation]) -> tuple[float, int]:
    signals = 0
    t0 = time.perf_counter()
    for rec in recs:
        ctx = ScanContext(rec)
        for d in detectors:
            # Evidence objects (original offsets included) are built inside detect(); serialising
            # them to JSON is the API's cost and is left out here.
            signals += len(d.detect(rec, ctx))
    return time.perf_counter() - t0, signals


def time_pipeline(pipeline: Pipeline, recs: list[Recommendation]) -> float:
    t0 = time.perf_counter()
    for rec in recs:
        pipeline.collect(rec)
    return time.perf_counter() - t0


def stages(detectors: list, recs: list[Recommendation], rounds: int) -> dict[str, float]:
    """Seconds per stage over `recs` (median of `rounds`), each stage timed on its own."""
    matcher = detectors[0].matcher
    normalizer = matcher.normalizer
    fields = [t for r in recs for t in r.text_fields().values()]

    def normalise() -> float:
        t0 = time.perf_counter()
        for t in fields:
            normalizer.normalize(t)
        return time.perf_counter() - t0

    def scan() -> float:
        norms = [normalizer.normalize(t) for t in fields]
        t0 = time.perf_counter()
        for n in norms:
            matcher.scan(n.text, n)
        return time.perf_counter() - t0

    def offsets() -> float:  # offset maps of the fields that have a hit (what evidence needs)
        norms = [n for n in (normalizer.normalize(t) for t in fields) if matcher.scan(n.text, n)]
        t0 = time.perf_counter()
        for n in norms:
            n.span(0, 1)
        return time.perf_counter() - t0

    def detector(d: Any) -> Callable[[], float]:
        def run() -> float:
            ctxs = [ScanContext(r) for r in recs]
            for r, c in zip(recs, ctxs, strict=True):  # views and offset maps built beforehand
                for v in field_views(r, c, matcher):
                    v.norm.span(0, 1)
            t0 = time.perf_counter()
            for r, c in zip(recs, ctxs, strict=True):
                d.detect(r, c)
            return time.perf_counter() - t0
        return run

    parts: dict[str, Callable[[], float]] = {"normalise": normalise, "scan (AC + rules + hits)": scan,
                                             "offset maps": offsets}
    parts.update({f"detector {d.name} (+ evidence)": detector(d) for d in detectors})
    return {name: statistics.median(f() for _ in range(rounds)) for name, f in parts.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--stages", action="store_true", help="also print a per-stage breakdown")
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/text_dev.jsonl")
    args = ap.parse_args()

    t0 = time.perf_counter()
    detectors = [d for d in text_detectors() if d.name in TEXT_DETECTORS]
    matcher = default_matcher()
    build_s = time.perf_counter() - t0
    terms = sorted({e.term for e in default_lexicon().active() if e.kind == "term"})
    peer = raw_peer(terms)
    pipeline = Pipeline(detectors, load_policy())

    rows = load_texts(args.data)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, single thread")
    print(f"lexicon {matcher.lexicon.version}: {len(terms)} literal terms, {matcher.key_count} automaton keys "
          f"(with pinyin variants) + homophone skeleton; build {build_s:.2f} s")
    clean = [r for r in rows if not any((r.get("labels") or {}).values())]
    for label, corpus in (("dev mix (60% risky posts, hit-dense)", rows), ("clean posts only", clean or rows)):
        recs = make_recs(corpus, args.n)
        chars = sum(len(r.text) for r in recs) / len(recs)
        time_ours(detectors, recs[:200])  # warm up
        time_peer(peer, recs[:200])
        time_pipeline(pipeline, recs[:200])
        ours_t, peer_t, pipe_t = [], [], []
        signals = 0
        for _ in range(args.rounds):  # interleave so drift hits both equally
            peer_t.append(time_peer(peer, recs))
            t, signals = time_ours(detectors, recs)
            ours_t.append(t)
            pipe_t.append(time_pipeline(pipeline, recs))
        ours_s, peer_s, pipe_s = statistics.median(ours_t), statistics.median(peer_t), statistics.median(pipe_t)
        peer_hits = sum(len(list(peer.iter(t))) for r in recs for t in r.text_fields().values())
        print(f"\n[{label}] {len(recs)} recommendations, mean text {chars:.0f} chars (+ title), "
              f"median of {args.rounds} rounds")
        print(f"  raw pyahocorasick pass : {peer_s * 1e3:8.1f} ms  {len(recs) / peer_s:10,.0f} rec/s  "
              f"({peer_hits / len(recs):.1f} matches/rec)")
        print(f"  text path (4 detectors): {ours_s * 1e3:8.1f} ms  {len(recs) / ours_s:10,.0f} rec/s  "
              f"({signals / len(recs):.1f} signals/rec)")
        print(f"  text path via Pipeline : {pipe_s * 1e3:8.1f} ms  {len(recs) / pipe_s:10,.0f} rec/s")
        print(f"  ratio text path / raw pass: {ours_s / peer_s:.2f}x  (via Pipeline {pipe_s / peer_s:.2f}x)")
        if args.stages:
            for name, secs in stages(detectors, recs, args.rounds).items():
                print(f"    {name:34s} {secs / len(recs) * 1e6:6.1f} us/rec  {secs / ours_s:6.1%}")

if __name__ == "__main__":
    main()
