"""Lexicons as versioned, immutable data.

A `Lexicon` is the list of terms the text detectors look for, each with its family, signal code,
calibrated score, law clause and context rules. It is built from the JSON files in
`data/lexicons/` and changed only by producing a NEW lexicon (`with_term`, `without_term`,
`with_term_enabled`), whose `version` is derived from its content. Why content-addressed versions?
Every verdict records the lexicon version; the same content always gets the same version, so a
decision can be replayed against exactly the terms that produced it, and two policy editors making
the same edit do not fork history.

Entry kinds:

* ``term`` — a literal, matched with Aho-Corasick on the normalised text (plus generated pinyin and
  homophone spellings when ``fuzzy``);
* ``regex`` — a pattern over the normalised text for things a literal cannot say (7天瘦10斤). It
  runs only when one of its ``anchors`` (literals) occurs, so the text path stays one automaton
  pass.

Context rules: ``allow`` phrases neutralise a hit they contain (最 inside 最近, 极品 inside 极品飞车);
``scope`` names a category rule a detector applies (e.g. ``non_medical``: medical wording is fine
for a registered medical device).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

LEXICON_DIR = "lexicons"


@dataclass(frozen=True)
class LexiconEntry:
    term: str
    family: str
    code: str
    score: float
    law: str | None = None
    kind: str = "term"  # "term" | "regex"
    element: str | None = None  # a sub-kind a detector reads (mlm element, claim vs disease …)
    allow: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()  # regex entries only
    scope: str | None = None
    fuzzy: bool = True
    enabled: bool = True
    note: str | None = None

    def __post_init__(self) -> None:
        if not self.term:
            raise ValueError("empty lexicon term")
        if self.kind not in ("term", "regex"):
            raise ValueError(f"unknown entry kind {self.kind!r}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score out of range for {self.term!r}: {self.score}")
        if self.kind == "regex" and not self.anchors:
            raise ValueError(f"regex entry {self.term!r} needs at least one anchor literal")

    @property
    def key(self) -> str:
        """Identity of an entry within a lexicon: the same term may serve several codes."""
        return f"{self.family}:{self.code}:{self.term}"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"term": self.term, "family": self.family, "code": self.code, "score": self.score}
        if self.law:
            d["law"] = self.law
        if self.kind != "term":
            d["kind"] = self.kind
        for name in ("element", "scope", "note"):
            value = getattr(self, name)
            if value:
                d[name] = value
        if self.allow:
            d["allow"] = list(self.allow)
        if self.anchors:
            d["anchors"] = list(self.anchors)
        if not self.fuzzy:
            d["fuzzy"] = False
        if not self.enabled:
            d["enabled"] = False
        return d

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LexiconEntry:
        return cls(
            term=str(data["term"]),
            family=str(data["family"]),
            code=str(data["code"]),
            score=float(data["score"]),
            law=data.get("law"),
            kind=str(data.get("kind", "term")),
            element=data.get("element"),
            allow=tuple(data.get("allow", ())),
            anchors=tuple(data.get("anchors", ())),
            scope=data.get("scope"),
            fuzzy=bool(data.get("fuzzy", True)),
            enabled=bool(data.get("enabled", True)),
            note=data.get("note"),
        )


@dataclass(frozen=True)
class Lexicon:
    """An immutable, versioned set of entries. `version` = `<base>+<content digest>`."""

    base_version: str
    entries: tuple[LexiconEntry, ...]
    version: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        keys = [e.key for e in self.entries]
        if len(set(keys)) != len(keys):
            dup = sorted({k for k in keys if keys.count(k) > 1})
            raise ValueError(f"duplicate lexicon entries: {dup[:5]}")
        payload = json.dumps([e.to_dict() for e in self.entries], ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(payload.encode()).hexdigest()[:12]
        object.__setattr__(self, "version", f"{self.base_version}+{digest}")

    def __len__(self) -> int:
        return len(self.entries)

    def active(self) -> tuple[LexiconEntry, ...]:
        return tuple(e for e in self.entries if e.enabled)

    def list_terms(self, family: str | None = None, code: str | None = None,
                   include_disabled: bool = True) -> list[LexiconEntry]:
        return [
            e for e in self.entries
            if (family is None or e.family == family) and (code is None or e.code == code)
            and (include_disabled or e.enabled)
        ]

    def find(self, term: str, family: str | None = None, code: str | None = None) -> list[LexiconEntry]:
        return [e for e in self.list_terms(family, code) if e.term == term]

    # ---- edits: each returns a NEW lexicon ----------------------------------------------------

    def with_term(self, entry: LexiconEntry | None = None, /, **fields: Any) -> Lexicon:
        """Add `entry` (or build one from `fields`), replacing an entry with the same key."""
        if entry is None:
            entry = LexiconEntry.from_dict(fields)
        kept = tuple(e for e in self.entries if e.key != entry.key)
        return replace(self, entries=(*kept, entry))

    def without_term(self, term: str, family: str | None = None, code: str | None = None) -> Lexicon:
        """Remove every entry for `term` (optionally only in one family/code)."""
        targets = {e.key for e in self.find(term, family, code)}
        if not targets:
            raise KeyError(term)
        return replace(self, entries=tuple(e for e in self.entries if e.key not in targets))

    def with_term_enabled(self, term: str, enabled: bool, family: str | None = None,
                          code: str | None = None) -> Lexicon:
        """Disable (or re-enable) a term without losing its definition — the usual policy edit."""
        targets = {e.key for e in self.find(term, family, code)}
        if not targets:
            raise KeyError(term)
        return replace(self, entries=tuple(replace(e, enabled=enabled) if e.key in targets else e
                                           for e in self.entries))

    def disable_term(self, term: str, family: str | None = None, code: str | None = None) -> Lexicon:
        return self.with_term_enabled(term, False, family, code)

    # ---- serialisation --------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {"base_version": self.base_version, "version": self.version,
                "entries": [e.to_dict() for e in self.entries]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Lexicon:
        lex = cls(base_version=str(data.get("base_version", "custom")),
                  entries=tuple(LexiconEntry.from_dict(e) for e in data["entries"]))
        claimed = data.get("version")
        if claimed and claimed != lex.version:
            raise ValueError(f"lexicon version mismatch: data says {claimed}, content is {lex.version}")
        return lex

    @classmethod
    def from_group_files(cls, documents: Iterable[Mapping[str, Any]], base_version: str) -> Lexicon:
        """Flatten the data-file layout (groups sharing family/code/score/law) into entries."""
        entries: list[LexiconEntry] = []
        seen: set[str] = set()
        for doc in documents:
            family = doc["family"]
            for group in doc["groups"]:
                shared = {k: v for k, v in group.items() if k not in ("terms", "patterns")}
                shared.setdefault("family", family)
                for term in group.get("terms", []):
                    e = LexiconEntry.from_dict({**shared, "term": term})
                    if e.key not in seen:
                        seen.add(e.key)
                        entries.append(e)
                for pattern in group.get("patterns", []):
                    e = LexiconEntry.from_dict({**shared, "kind": "regex", "term": pattern["regex"],
                                                "anchors": pattern["anchors"]})
                    if e.key not in seen:
                        seen.add(e.key)
                        entries.append(e)
        return cls(base_version=base_version, entries=tuple(entries))

    @classmethod
    def load_default(cls) -> Lexicon:
        """The lexicon shipped with the project: every `data/lexicons/*.json` file."""
        folder = resources.files("moderation.data").joinpath(LEXICON_DIR)
        docs = []
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".json"):
                docs.append(json.loads(item.read_text(encoding="utf-8")))
        manifest = next((d for d in docs if d.get("kind") == "manifest"), None)
        base = manifest["version"] if manifest else "lexicon"
        return cls.from_group_files([d for d in docs if d.get("kind") != "manifest"], base)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.load_default()
