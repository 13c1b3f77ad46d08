"""The char-level tokenizer: every trained character has an id, unknown ones become [UNK], and
the normalisation (NFKC, lowercase, no whitespace) survives save/load — the v5 `BertTokenizerFast`
trap (all [UNK]) is exactly what these tests would catch."""

from __future__ import annotations

from pathlib import Path

from models.tokenizer import UNK, build_tokenizer, load_tokenizer, normalize

TEXTS = ["高仿LV包包 1:1 原单", "招代理，加VX详聊", "最好的面霜"]


def test_trained_characters_never_map_to_unk() -> None:
    tok = build_tokenizer(TEXTS)
    for text in TEXTS:
        tokens = tok.tokenize(text)
        assert UNK not in tokens
        assert "".join(tokens) == normalize(text)


def test_unknown_characters_map_to_unk_instead_of_failing() -> None:
    tok = build_tokenizer(TEXTS)
    ids = tok("高仿😀鑫")["input_ids"]
    assert ids[0] == tok.cls_token_id and ids[-1] == tok.sep_token_id
    assert ids[1:-1].count(tok.unk_token_id) == 2
    assert tok.convert_ids_to_tokens(ids[1:3]) == ["高", "仿"]


def test_evasion_forms_normalise_to_the_plain_keyword() -> None:
    tok = build_tokenizer(TEXTS)
    plain = tok("加vx")["input_ids"]
    for evaded in ("加ＶＸ", "加 V X", "加\u3000VX", "加\u200bvx"):
        assert tok(evaded)["input_ids"] == plain, evaded


def test_vocabulary_is_stable_for_the_same_texts() -> None:
    assert build_tokenizer(TEXTS).get_vocab() == build_tokenizer(list(reversed(TEXTS))).get_vocab()


def test_save_load_round_trip(tmp_path: Path) -> None:
    tok = build_tokenizer(TEXTS, max_length=64)
    tok.save_pretrained(tmp_path)
    loaded = load_tokenizer(tmp_path)
    batch = ["高仿ＬＶ 包", "未知字符鑫", "招代理"]
    assert loaded(batch, padding=True)["input_ids"] == tok(batch, padding=True)["input_ids"]
    assert loaded.model_max_length == 64
    assert loaded.pad_token_id == tok.pad_token_id
