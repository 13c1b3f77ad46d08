"""Training and evaluation examples for the text classifier, in the dev-set jsonl schema.

The model reads what a reviewer reads first, the product title and the recommendation text, each
folded to 简体 (OpenCC t2s, `Normalizer.simplified`), joined as `title | text` (`model_input`).
Why fold the script? A few hundred mostly-simplified training posts cannot teach a character model
that 蘋果 is 苹果; unfolded, 繁體 posts reach it as characters it rarely saw. Why not the full
canonical text the lexicon reads? Measured on the blind sets' development halves, the canonical
form (no punctuation, no spacing) gave the model more false positives on disclaimers than the
script-folded text. The detector builds its input with the same function, so training and serving
cannot disagree about the format.

The data the project ships (`models/data/train.jsonl`) is a copy of the TUNE split (ids ending
0–6) of the hand-written dev set; the REPORT split (ids ending 7–9) is never trained on, so the
numbers reported on it stay honest. `export_tune_split` is how the copy was made.

Augmentation happens here, in code, at train time: `evasion_variant` applies the obfuscations the
dev set documents (symbols inside keywords, spaces, full-width ASCII) to a random copy of a text,
so the model learns that 高/仿 is still 高仿 instead of memorising the few variants in the data.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal, NamedTuple

from moderation.types import FAMILIES

Split = Literal["tune", "report", "all"]

#: The dataset shipped with the project: the tune split of the dev set.
TRAIN_DATA = Path(__file__).parent / "data" / "train.jsonl"
#: The project's own hand-written labelled cases (original data, see tests/data/README.md).
PROJECT_CASES = Path(__file__).resolve().parents[1] / "tests" / "data" / "text_cases.jsonl"
#: The project's blind, annotator-style, hard-negative and evasion sets (tests/data/*.md), by id
#: prefix. Like the dev set they carry a fixed split: ODD ids are development halves (trainable), EVEN
#: ids are held out and never trained on, so what they measure stays honest — whatever file is
#: passed to `moderation train`.
TESTS_DATA = PROJECT_CASES.parent
BLIND_SETS = {"b": "blind_cases.jsonl", "c": "blind2_cases.jsonl", "s": "style_cases.jsonl",
              "u": "style2_cases.jsonl", "h": "hardneg_cases.jsonl", "w": "evasion_cases.jsonl",
              "v": "style3_cases.jsonl", "x": "style4_cases.jsonl", "y": "style5_cases.jsonl",
              "z": "style6_cases.jsonl", "g": "hardneg2_cases.jsonl", "r": "style7_cases.jsonl",
              "j": "hardneg3_cases.jsonl", "k": "style8_cases.jsonl", "t": "style9_cases.jsonl",
              "q": "style10_cases.jsonl", "n": "style11_cases.jsonl", "e": "style12_cases.jsonl",
              "f": "style13_cases.jsonl"}
#: The blind sets the shipped model learns from by default (their odd halves). The last three were the
#: model's own test when it was chosen, so they are not in it (bench/RESULTS_model.md).
TRAINED_BLIND_SETS = ("b", "c", "s", "u", "h")
#: What `moderation train` learns from by default (each file's trainable split only).
DEFAULT_TRAIN_FILES = (TRAIN_DATA, PROJECT_CASES, *(TESTS_DATA / BLIND_SETS[p] for p in TRAINED_BLIND_SETS))
#: The shared dev set (outside the package; present on development machines only).
DEV_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "text_dev.jsonl"

TITLE_SEPARATOR = " | "


class Example(NamedTuple):
    """One labelled case: the model input, its three 0/1 labels (in `FAMILIES` order) and the
    fields the evaluation slices need."""

    id: str
    text: str
    labels: tuple[int, int, int]
    evasion: str = "none"
    hard_negative: bool = False


def model_input(title: str | None, text: str) -> str:
    """`title | text` folded to 简体, or just the text when there is no title (the title often names
    the brand or the product type, which matters for counterfeit and health-claim cases)."""
    canonical = _simplified(text)
    return f"{_simplified(title)}{TITLE_SEPARATOR}{canonical}" if title else canonical


def _simplified(value: str) -> str:
    from moderation.text.normalize import default_normalizer

    return default_normalizer().simplified(value)


def split_of(case_id: str) -> Literal["tune", "report"]:
    """The fixed splits: for dev-set ids (`d` + digits) the last digit decides (0–6 tune, 7–9
    report); for the blind sets' ids (`BLIND_SETS` prefix + digits) odd is tune, even is held out.
    The project's own labelled cases (`p` ids) are all trainable."""
    if re.fullmatch(r"d\d+", case_id):
        return "report" if case_id[-1] in "789" else "tune"
    return blind_half(case_id) or "tune"


def blind_half(case_id: str) -> Literal["tune", "report"] | None:
    """The half of a blind set's id (`BLIND_SETS` prefix + digits): odd ids are the development
    half ("tune"), even ids are held out ("report"); None for any other id. `moderation eval` reads
    the halves from here too, so evaluation and training agree on them."""
    blind = re.fullmatch(r"([a-z])(\d+)", case_id)
    if blind and blind.group(1) in BLIND_SETS:
        return "tune" if int(blind.group(2)) % 2 else "report"
    return None


def read_rows(path: str | Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def example_from_row(row: dict) -> Example:
    product = row.get("product") or {}
    labels = row.get("labels") or {}
    return Example(
        id=str(row["id"]),
        text=model_input(product.get("title"), row["text"]),
        labels=(int(labels.get("false_ad", 0)), int(labels.get("counterfeit", 0)), int(labels.get("mlm", 0))),
        evasion=row.get("evasion", "none"),
        hard_negative=bool(row.get("hard_negative", False)),
    )


def load_examples(path: str | Path, split: Split = "all") -> list[Example]:
    """Examples of one split of a jsonl file, in file order."""
    return [example_from_row(r) for r in read_rows(path) if split == "all" or split_of(str(r["id"])) == split]


def export_tune_split(source: str | Path = DEV_DATA, dest: str | Path = TRAIN_DATA) -> int:
    """Copy the tune-split rows of the dev set, byte for byte, into the project's training file."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    kept = 0
    with open(source, encoding="utf-8") as src, open(dest, "w", encoding="utf-8") as out:
        for line in src:
            if line.strip() and split_of(str(json.loads(line)["id"])) == "tune":
                out.write(line if line.endswith("\n") else line + "\n")
                kept += 1
    return kept


def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# ------------------------------------------------------------------------------------------
# Train-time augmentation: the evasion transforms of the dev set, applied at random.
# ------------------------------------------------------------------------------------------

_SYMBOLS = "/.·-_*~|、"
_SPACES = (" ", "\u3000", "\u200b")


def _insert_between(text: str, rng: random.Random, fillers: Iterable[str], rate: float) -> str:
    fillers = tuple(fillers)
    out: list[str] = []
    for i, ch in enumerate(text):
        out.append(ch)
        if i + 1 < len(text) and not ch.isspace() and rng.random() < rate:
            out.append(rng.choice(fillers))
    return "".join(out)


def insert_symbols(text: str, rng: random.Random, rate: float = 0.15) -> str:
    """高仿 → 高/仿: punctuation inside keywords."""
    return _insert_between(text, rng, _SYMBOLS, rate)


def insert_spaces(text: str, rng: random.Random, rate: float = 0.2) -> str:
    """代理 → 代 理 / 代\u3000理 / 代\u200b理. The tokenizer strips these; the transform keeps the
    model honest if that normalisation ever changes."""
    return _insert_between(text, rng, _SPACES, rate)


def to_fullwidth(text: str, rng: random.Random) -> str:
    """VX 1:1 → ＶＸ １：１ (folded back by NFKC in the tokenizer)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and rng.random() < 0.8 else c for c in text)


def evasion_variant(text: str, rng: random.Random) -> str:
    """One random obfuscated copy of `text` (the title is left alone: evaders edit the post)."""
    title, sep, body = text.rpartition(TITLE_SEPARATOR)
    transform = rng.choice((insert_symbols, insert_symbols, insert_spaces, to_fullwidth))
    body = transform(body, rng)
    return f"{title}{sep}{body}" if sep else body


def label_counts(examples: Iterable[Example]) -> dict[str, int]:
    counts = dict.fromkeys(FAMILIES, 0)
    for ex in examples:
        for family, y in zip(FAMILIES, ex.labels, strict=True):
            counts[family] += y
    return counts
