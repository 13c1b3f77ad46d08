"""Precision, recall and F1 per family for the text classifier on a jsonl split.

Each family is an independent binary decision at probability ≥ 0.5, as the dev-set README asks;
the report split (ids ending 7–9) is the one to quote. Two extra slices say *where* it fails: the
false-positive rate on hard negatives (clean posts that look risky) and recall on obfuscated
positives versus plain ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from rich.console import Console
from rich.table import Table

from models.classifier import DEFAULT_ARTIFACT, TextClassifier
from models.dataset import Example, Split, load_examples
from moderation.types import FAMILIES

THRESHOLD = 0.5


class FamilyMetrics(NamedTuple):
    tp: int
    fp: int
    fn: int
    tn: int

    @classmethod
    def from_decisions(cls, predicted: Sequence[bool], actual: Sequence[bool]) -> FamilyMetrics:
        pairs = list(zip(predicted, actual, strict=True))
        return cls(
            tp=sum(p and a for p, a in pairs),
            fp=sum(p and not a for p, a in pairs),
            fn=sum(a and not p for p, a in pairs),
            tn=sum(not p and not a for p, a in pairs),
        )

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "support": self.tp + self.fn}


def score_probabilities(
    examples: Sequence[Example], probs: Sequence[dict[str, float]], threshold: float = THRESHOLD
) -> dict[str, Any]:
    """Per-family metrics plus the hard-negative and evasion slices, as a JSON-able dict."""
    result: dict[str, Any] = {"n": len(examples), "threshold": threshold}
    flagged = [[p[f] >= threshold for f in FAMILIES] for p in probs]
    for k, family in enumerate(FAMILIES):
        m = FamilyMetrics.from_decisions([row[k] for row in flagged], [bool(ex.labels[k]) for ex in examples])
        result[family] = m.to_dict()

    hard = [any(row) for row, ex in zip(flagged, examples, strict=True) if ex.hard_negative]
    result["hard_negative_fpr"] = round(sum(hard) / len(hard), 4) if hard else None
    for kind, keep in (("evasion", lambda e: e.evasion != "none"), ("plain", lambda e: e.evasion == "none")):
        hits = total = 0
        for row, ex in zip(flagged, examples, strict=True):
            if keep(ex):
                for k in range(len(FAMILIES)):
                    if ex.labels[k]:
                        total += 1
                        hits += row[k]
        result[f"recall_{kind}"] = round(hits / total, 4) if total else None
    return result


def evaluate_examples(clf: TextClassifier, examples: Sequence[Example], threshold: float = THRESHOLD) -> dict:
    return score_probabilities(examples, clf.predict([ex.text for ex in examples]), threshold)


def render(result: dict[str, Any], title: str, console: Console) -> None:
    table = Table(title=title)
    for col in ("family", "precision", "recall", "F1", "tp", "fp", "fn", "support"):
        table.add_column(col, justify="left" if col == "family" else "right")
    for family in FAMILIES:
        m = result[family]
        table.add_row(family, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}",
                      str(m["tp"]), str(m["fp"]), str(m["fn"]), str(m["support"]))
    console.print(table)
    console.print(
        f"hard-negative FPR {result['hard_negative_fpr']}, recall on evasions {result['recall_evasion']} "
        f"vs plain {result['recall_plain']} (n={result['n']}, threshold {result['threshold']})"
    )


def main(data: str, split: str = "report", model: str | None = None) -> int:
    """Score the model on one split of a dev-set-schema jsonl (`report` = ids ending 7–9, `tune`,
    or `all`) and print P/R/F1 per family. Returns a process exit code (2: no rows in that split).
    """
    if split not in ("tune", "report", "all"):
        raise ValueError(f"unknown split {split!r}: use tune, report or all")
    split_name: Split = split  # type: ignore[assignment]
    console = Console()
    examples = load_examples(data, split=split_name)
    if not examples:
        console.print(f"[red]no rows of split {split!r} in {data}")
        return 2
    clf = TextClassifier.load(model or DEFAULT_ARTIFACT)
    render(evaluate_examples(clf, examples), f"{clf.version} on {Path(data).name} [{split}]", console)
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(*sys.argv[1:]))
