"""A character-level tokenizer built from the training texts and saved beside the model.

Why characters and not a word-piece vocabulary? Chinese has no spaces to split on, the evasions we
fight work *inside* words (高/仿, 代.理, 薇信), and a pre-trained vocabulary would need a hub
download, which this project never does. One token per character keeps every trick visible to the
model and the vocabulary small (≈ 2k entries).

Why build it with `tokenizers` instead of `BertTokenizerFast(vocab_file=…)`? In transformers v5
that constructor silently ignores `vocab_file` and turns every character into [UNK]
(see DEPENDENCIES.md). A `tokenizers.Tokenizer` (WordLevel model + `Split("")` pre-tokenizer)
wrapped in `PreTrainedTokenizerFast` round-trips through `save_pretrained`/`from_pretrained`, and
its normaliser (NFKC, lowercase, no whitespace) travels inside `tokenizer.json`, so training and
serving cannot drift apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from tokenizers import Regex, Tokenizer, normalizers, pre_tokenizers, processors
from tokenizers.models import WordLevel
from transformers import PreTrainedTokenizerFast

PAD, UNK, CLS, SEP, MASK = "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"
SPECIAL_TOKENS: tuple[str, ...] = (PAD, UNK, CLS, SEP, MASK)

#: Whitespace of every kind plus zero-width characters. Spacing evasions (代 理, 最　后, 高\u200b仿)
#: put these inside keywords; Chinese posts do not need them for meaning, so they are dropped
#: before the model sees the text rather than learned around.
_INVISIBLE_OR_SPACE = Regex(r"[\s\u200b-\u200d\u2060\ufeff]+")

#: Characters the train-time augmentation inserts (see `dataset.evasion_variant`); they join the
#: vocabulary even if no training text happens to contain them, so augmented inputs are not [UNK].
AUGMENTATION_CHARS = "/.·-_*~|、,，。!！"


def text_normalizer() -> normalizers.Normalizer:
    """NFKC folds full-width ASCII (ＶＸ → vx, １：１ → 1:1) and compatibility forms; lowercase
    merges VX/vx/Vx; removing whitespace defeats spacing evasions."""
    return normalizers.Sequence(
        [normalizers.NFKC(), normalizers.Lowercase(), normalizers.Replace(_INVISIBLE_OR_SPACE, "")]
    )


def normalize(text: str) -> str:
    """The exact normalisation the tokenizer applies (for evidence and for building the vocabulary)."""
    return text_normalizer().normalize_str(text)


def build_tokenizer(texts: Iterable[str], min_freq: int = 1, max_length: int = 160) -> PreTrainedTokenizerFast:
    """Vocabulary = special tokens + every normalised character seen `min_freq` times, in a stable
    order (frequency, then code point) so the same texts always give the same ids."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(normalize(text))
    counts.update({c: min_freq for c in normalize(AUGMENTATION_CHARS) if counts[c] < min_freq})
    chars = sorted((c for c, n in counts.items() if n >= min_freq), key=lambda c: (-counts[c], c))
    vocab = {tok: i for i, tok in enumerate([*SPECIAL_TOKENS, *chars])}

    tok = Tokenizer(WordLevel(vocab, unk_token=UNK))
    tok.normalizer = text_normalizer()
    tok.pre_tokenizer = pre_tokenizers.Split("", behavior="isolated")
    tok.post_processor = processors.TemplateProcessing(
        single=f"{CLS} $A {SEP}",
        pair=f"{CLS} $A {SEP} $B {SEP}",
        special_tokens=[(CLS, vocab[CLS]), (SEP, vocab[SEP])],
    )
    return wrap(tok, max_length)


def wrap(tok: Tokenizer, max_length: int) -> PreTrainedTokenizerFast:
    """Give a raw `tokenizers.Tokenizer` the transformers interface (padding, truncation, saving)."""
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token=UNK,
        pad_token=PAD,
        cls_token=CLS,
        sep_token=SEP,
        mask_token=MASK,
        model_max_length=max_length,
        padding_side="right",
        truncation_side="right",
    )


def load_tokenizer(path: str | Path) -> PreTrainedTokenizerFast:
    """Load a tokenizer saved by `save_pretrained` — from that directory only, never the hub."""
    return PreTrainedTokenizerFast.from_pretrained(str(path), local_files_only=True)
