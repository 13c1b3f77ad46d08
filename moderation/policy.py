"""Policy: from per-family scores to a route.

A policy is data (`data/policies/*.json`, or a row the policy team edits through the API), never
code: thresholds change weekly, code does not. A policy is versioned; the version goes into every
verdict. `compare` replays verdicts under two policies — the basis of shadow mode and backtests.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from moderation.types import FAMILIES, Route


@dataclass(frozen=True)
class FamilyThresholds:
    review: float = 0.5
    #: None means this family is never rejected automatically; a human always decides.
    reject: float | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.review <= 1.0:
            raise ValueError("review threshold must lie in [0, 1]")
        if self.reject is not None and not self.review <= self.reject <= 1.0:
            raise ValueError("reject threshold must lie in [review, 1]")


@dataclass(frozen=True)
class Policy:
    name: str
    version: str
    families: Mapping[str, FamilyThresholds]
    incomplete_route: Route = Route.REVIEW
    review_sla_minutes: Mapping[str, int] = field(default_factory=lambda: {"high": 30, "normal": 240, "low": 1440})
    description: str = ""
    #: Review-priority bonus by merchant social-credit tier: a low-credit shop is a risk prior.
    merchant_tier_priority: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Policy:
        fams = data.get("families", {})
        unknown = set(fams) - set(FAMILIES)
        if unknown:
            raise ValueError(f"unknown families in policy: {sorted(unknown)}")
        incomplete = Route(data.get("incomplete_route", "review"))
        if incomplete is Route.APPROVE:
            # Fail closed is not negotiable: an unscanned image could be anything.
            raise ValueError("incomplete scans cannot be approved automatically")
        return cls(
            name=str(data["name"]),
            version=str(data["version"]),
            families={f: FamilyThresholds(**fams.get(f, {})) for f in FAMILIES},
            incomplete_route=incomplete,
            review_sla_minutes=dict(data.get("review_sla_minutes", {"high": 30, "normal": 240, "low": 1440})),
            description=str(data.get("description", "")),
            merchant_tier_priority={str(k): float(v) for k, v in data.get("merchant_tier_priority", {}).items()},
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "description": self.description,
            "families": {f: {"review": t.review, "reject": t.reject} for f, t in self.families.items()},
            "incomplete_route": self.incomplete_route.value,
            "review_sla_minutes": dict(self.review_sla_minutes),
            "merchant_tier_priority": dict(self.merchant_tier_priority),
        }

    def route(self, scores: Mapping[str, float], complete: bool = True) -> tuple[Route, tuple[str, ...]]:
        """The route and the reasons for it (e.g. ``("counterfeit>=0.97",)``)."""
        rejects = [
            f"{f}>={t.reject}"
            for f, t in self.families.items()
            if t.reject is not None and scores.get(f, 0) >= t.reject
        ]
        if rejects:
            return Route.REJECT, tuple(rejects)
        reviews = [f"{f}>={t.review}" for f, t in self.families.items() if scores.get(f, 0) >= t.review]
        if not complete:
            reviews.append("incomplete_scan")
            return (self.incomplete_route, tuple(reviews))
        if reviews:
            return Route.REVIEW, tuple(reviews)
        return Route.APPROVE, ()


def load_policy(name: str = "default") -> Policy:
    text = resources.files("moderation.data.policies").joinpath(f"{name}.json").read_text(encoding="utf-8")
    return Policy.from_dict(json.loads(text))


@dataclass(frozen=True)
class PolicyComparison:
    """How two policies would have routed the same verdicts (shadow mode / backtest)."""

    total: int
    changed: int
    transitions: dict[str, int]

    @property
    def change_rate(self) -> float:
        return self.changed / self.total if self.total else 0.0


def compare(
    current: Policy, candidate: Policy, verdicts: Iterable[tuple[Mapping[str, float], bool]]
) -> PolicyComparison:
    """Route every (scores, complete) pair under both policies and count the differences."""
    total = changed = 0
    transitions: dict[str, int] = {}
    for scores, complete in verdicts:
        total += 1
        a, _ = current.route(scores, complete)
        b, _ = candidate.route(scores, complete)
        if a is not b:
            changed += 1
            key = f"{a.value}->{b.value}"
            transitions[key] = transitions.get(key, 0) + 1
    return PolicyComparison(total, changed, transitions)
