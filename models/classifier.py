"""Load the trained text classifier and score texts with it — the serving side of `models/`.

Why a wrapper instead of handing out the transformers model? Callers (the detector, the bench, the
evaluation) need one thing: texts in, a probability per family out, plus the version to record in
the verdict. The wrapper pins everything else: local files only (no hub), eval mode,
`inference_mode`, batching with length-sorted dynamic padding, and the thread count.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch
from transformers import BertForSequenceClassification, PreTrainedTokenizerFast
from transformers.utils import logging as hf_logging

from models.tokenizer import load_tokenizer
from moderation.types import FAMILIES

DEFAULT_ARTIFACT = Path(__file__).parent / "artifacts" / "text-clf"
METADATA_FILE = "metadata.json"


class TextClassifier:
    """A multi-label (false_ad, counterfeit, mlm) classifier over `title | text` inputs."""

    def __init__(
        self,
        model: BertForSequenceClassification,
        tokenizer: PreTrainedTokenizerFast,
        metadata: dict[str, Any] | None = None,
        num_threads: int | None = None,
    ):
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.metadata = dict(metadata or {})
        self.num_threads = num_threads
        labels = [model.config.id2label[i] for i in range(model.config.num_labels)]
        if tuple(labels) != FAMILIES:
            raise ValueError(f"model labels {labels} are not the families {FAMILIES}")

    @classmethod
    def load(cls, path: str | Path = DEFAULT_ARTIFACT, num_threads: int | None = None) -> TextClassifier:
        """Load an artifact directory written by `models.train.save_artifact`.

        `local_files_only=True`: the path is our own directory; a typo must fail here, not turn
        into a download attempt from the hub. `num_threads` sets torch's intra-op threads (a
        process-wide setting — a worker running one model per process gets no surprise from it);
        None leaves torch's default alone.
        """
        path = Path(path)
        if not (path / "config.json").is_file():
            raise FileNotFoundError(f"no model artifact at {path}")
        hf_logging.disable_progress_bar()  # a per-load progress bar is noise in workers and the CLI
        model = BertForSequenceClassification.from_pretrained(str(path), local_files_only=True)
        tokenizer = load_tokenizer(path)
        metadata = json.loads((path / METADATA_FILE).read_text(encoding="utf-8"))
        return cls(model, tokenizer, metadata, num_threads)

    @property
    def version(self) -> str:
        """Recorded in every verdict the model contributed to (a hash of the weights)."""
        return str(self.metadata.get("version", "unknown"))

    def predict(self, texts: list[str], batch_size: int = 32) -> list[dict[str, float]]:
        """Probability per family for each text, in input order.

        Texts are scored in batches of similar length (sorted, then restored) so little time goes
        into padding. Each text is scored independently: with the model in eval mode the padding
        is masked, so a text's probabilities do not depend on its batch-mates beyond float
        rounding.
        """
        if self.num_threads is not None and torch.get_num_threads() != self.num_threads:
            torch.set_num_threads(self.num_threads)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        results: list[dict[str, float]] = [{} for _ in texts]
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                idx = order[start : start + batch_size]
                enc = self.tokenizer(
                    [texts[i] for i in idx], padding=True, truncation=True, return_tensors="pt"
                )
                logits = self.model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).logits
                probs = torch.sigmoid(logits).tolist()
                for i, row in zip(idx, probs, strict=True):
                    results[i] = dict(zip(FAMILIES, (float(p) for p in row), strict=True))
        return results
