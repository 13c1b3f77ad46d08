"""Text-model throughput and its value as a second opinion, against the lexicon pipeline.

Speed: the shipped `TextClassifier` scores the dev-set posts (`title | text`) at batch 32 with 1
and 2 torch threads, and at batch 1 (what `Pipeline.scan` does per item), next to
`moderation.engine.build_pipeline().scan` over the same recommendations — all in this process,
interleaved round by round, median of the rounds, so the ratio holds on a busy shared machine.

Quality: on the REPORT split (ids ending 7–9, never trained on), P/R/F1 per family of the lexicon
pipeline alone and with `TextModelDetector` added, plus how often the model *alone* crosses the
flag line under its calibration (see `moderation/detectors/model.py`).

Usage: .venv/bin/python bench/bench_model.py [--data ../shared/data/text_dev.jsonl] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import torch

from models.classifier import TextClassifier
from models.dataset import DEV_DATA, model_input, read_rows, split_of
from models.evaluate import FamilyMetrics
from moderation.detectors.base import ScanContext
from moderation.detectors.model import Calibration, TextModelDetector
from moderation.engine import build_pipeline, default_detectors
from moderation.pipeline import fuse
from moderation.types import FAMILIES, Merchant, Product, Recommendation


def to_rec(row: dict) -> Recommendation:
    p = row.get("product") or {}
    m = row.get("merchant") or {}
    return Recommendation(
        id=row["id"], text=row["text"],
        product=Product(title=p.get("title"), brand=p.get("brand"), category=p.get("category"),
                        price=p.get("price"), stock=p.get("stock")),
        merchant=Merchant(id=m["id"], name=m.get("name"), platform=m.get("platform")) if m.get("id") else None,
    )


def rate(fn: Callable[[], object], n: int) -> float:
    t0 = time.perf_counter()
    fn()
    return n / (time.perf_counter() - t0)


def speed(recs: list[Recommendation], clf: TextClassifier, rounds: int) -> dict[str, float]:
    texts = [model_input(r.product.title if r.product else None, r.text) for r in recs]
    pipeline = build_pipeline()
    few = texts[:128]
    runs: dict[str, Callable[[], object]] = {
        "lexicon pipeline.scan": lambda: [pipeline.scan(r) for r in recs],
        "model batch 32, 1 thread": lambda: (torch.set_num_threads(1), clf.predict(texts, batch_size=32)),
        "model batch 32, 2 threads": lambda: (torch.set_num_threads(2), clf.predict(texts, batch_size=32)),
        "model batch 1, 1 thread": lambda: (torch.set_num_threads(1), [clf.predict([t]) for t in few]),
    }
    sizes = {name: (len(few) if "batch 1" in name else len(texts)) for name in runs}
    for fn in runs.values():  # warm-up: lazy tables, torch kernels
        fn()
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, fn in runs.items():
            samples[name].append(rate(fn, sizes[name]))
    return {name: statistics.median(v) for name, v in samples.items()}


def quality(rows: list[dict], clf: TextClassifier) -> tuple[dict, dict]:
    """Report-split P/R/F1: lexicon pipeline alone vs with the model's calibrated signals fused in."""
    report = [r for r in rows if split_of(r["id"]) == "report"]
    recs = [to_rec(r) for r in report]
    pipeline = build_pipeline(detectors=default_detectors(images=False))
    detector = TextModelDetector(clf)
    model_signals = detector.detect_batch(recs)
    alone: dict[str, list[bool]] = {f: [] for f in FAMILIES}
    combined: dict[str, list[bool]] = {f: [] for f in FAMILIES}
    model_only: dict[str, list[bool]] = {f: [] for f in FAMILIES}
    for rec, extra in zip(recs, model_signals, strict=True):
        base = pipeline.collect(rec, ScanContext(rec))
        s_alone, s_both, s_model = fuse(base), fuse([*base, *extra]), fuse(extra)
        for f in FAMILIES:
            alone[f].append(s_alone[f] >= 0.5)
            combined[f].append(s_both[f] >= 0.5)
            model_only[f].append(s_model[f] >= 0.5)
    truth = {f: [bool(r["labels"][f]) for r in report] for f in FAMILIES}
    table = {
        name: {f: FamilyMetrics.from_decisions(dec[f], truth[f]) for f in FAMILIES}
        for name, dec in (("lexicon", alone), ("lexicon + model", combined), ("model alone (calibrated)", model_only))
    }
    emitted = {f: sum(any(s.family == f for s in sigs) for sigs in model_signals) for f in FAMILIES}
    return table, {"n": len(report), "emitted": emitted}


def render(speeds: dict[str, float], table: dict, extra: dict, lengths: list[int]) -> str:
    n, lengths = len(lengths), sorted(lengths)
    lex = speeds["lexicon pipeline.scan"]
    lines = [
        "# Text model — results",
        "",
        f"Machine: {os.cpu_count()} cores, no GPU, Python {platform.python_version()}, torch {torch.__version__}. "
        "Shared with other engineers' jobs, so absolute figures move between runs; the ratios are "
        "measured side by side in one run (`bench/bench_model.py`, interleaved rounds, median).",
        "",
        f"## Speed ({n} dev-set posts as `title | text`: {lengths[0]}–{lengths[-1]} chars, median {lengths[n // 2]})",
        "",
        "| path | texts/s | vs lexicon pipeline |",
        "|---|---|---|",
    ]
    for name, v in speeds.items():
        lines.append(f"| {name} | {v:,.0f} | {lex / v:,.1f}× slower |" if name != "lexicon pipeline.scan"
                     else f"| {name} | {v:,.0f} | 1× |")
    lines += ["", f"## Quality on the report split ({extra['n']} posts, threshold 0.5 on fused scores)", "",
              "| detectors | family | precision | recall | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|---|"]
    for name, per_family in table.items():
        for f, m in per_family.items():
            lines.append(f"| {name} | {f} | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} "
                         f"| {m.tp} | {m.fp} | {m.fn} |")
    cal = Calibration()
    lines += ["", f"Calibration `{cal.tag()}`: the model emits a signal for "
              + ", ".join(f"{f} {v}" for f, v in extra["emitted"].items())
              + f" of {extra['n']} report posts; 'model alone (calibrated)' counts those whose model score "
              "alone reaches 0.5 (probability ≥ 0.97)."]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEV_DATA)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--out", type=Path, default=None, help="write the markdown here")
    args = ap.parse_args()
    rows = list(read_rows(args.data))
    recs = [to_rec(r) for r in rows]
    clf = TextClassifier.load()
    speeds = speed(recs, clf, args.rounds)
    table, extra = quality(rows, clf)
    lengths = [len(model_input(r.product.title if r.product else None, r.text)) for r in recs]
    text = render(speeds, table, extra, lengths)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
