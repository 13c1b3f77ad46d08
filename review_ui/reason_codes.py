"""The reason-code catalogue a reviewer cites when rejecting: data (`moderation/data/reason_codes.json`),
because the policy team adds codes and law clauses far more often than anyone edits this module."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class ReasonCode:
    code: str
    family: str
    label: str
    law: str


@dataclass(frozen=True)
class ReasonCatalog:
    version: str
    codes: tuple[ReasonCode, ...]

    @classmethod
    def load(cls) -> ReasonCatalog:
        raw = resources.files("moderation.data").joinpath("reason_codes.json").read_text(encoding="utf-8")
        data = json.loads(raw)
        return cls(version=data["version"], codes=tuple(ReasonCode(**c) for c in data["codes"]))

    def known(self, code: str) -> bool:
        return any(c.code == code for c in self.codes)

    def law_for(self, code: str) -> str | None:
        return next((c.law for c in self.codes if c.code == code), None)

    def for_families(self, families: Iterable[str], signal_codes: Iterable[str] = ()) -> list[ReasonCode]:
        """The item's own codes first (those its signals fired, then its families'), then the rest,
        so keys 1-9 land on the codes a reviewer most likely needs."""
        fired, fams = list(signal_codes), set(families)

        def rank(c: ReasonCode) -> tuple[int, int]:
            if c.code in fired:
                return (0, fired.index(c.code))
            return (1 if c.family in fams else 2, 0)

        return sorted(self.codes, key=rank)
