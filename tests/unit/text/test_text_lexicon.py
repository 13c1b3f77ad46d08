"""Lexicon versioning: every edit is a new, content-addressed version with new behaviour."""

from __future__ import annotations

import pytest

from moderation.detectors.base import ScanContext
from moderation.detectors.false_ad import FalseAdDetector
from moderation.text.lexicon import Lexicon, LexiconEntry, default_lexicon
from moderation.text.matcher import LexiconMatcher
from moderation.types import Recommendation


def codes(lexicon: Lexicon, text: str) -> set[str]:
    det = FalseAdDetector(LexiconMatcher(lexicon))
    rec = Recommendation(id="t", text=text)
    return {s.code for s in det.detect(rec, ScanContext(rec)) if s.score >= 0.5}


def test_default_lexicon_is_versioned_and_nonempty() -> None:
    lex = default_lexicon()
    assert len(lex) > 300
    assert lex.version.startswith("lex-") and "+" in lex.version


def test_adding_a_term_changes_version_and_behaviour() -> None:
    lex = default_lexicon()
    text = "宇宙无敌好用的面膜"
    assert "AD_ABSOLUTE_TERM" not in codes(lex, text)
    new = lex.with_term(term="宇宙无敌", family="false_ad", code="AD_ABSOLUTE_TERM", score=0.8,
                        law="广告法 第九条(三)")
    assert new.version != lex.version
    assert "AD_ABSOLUTE_TERM" in codes(new, text)
    assert lex.find("宇宙无敌") == []  # the old lexicon is untouched


def test_disabling_a_term_changes_version_and_behaviour() -> None:
    lex = default_lexicon()
    text = "这是世界级的面霜"
    assert "AD_ABSOLUTE_TERM" in codes(lex, text)
    off = lex.disable_term("世界级")
    assert off.version != lex.version
    assert "AD_ABSOLUTE_TERM" not in codes(off, text)
    assert off.with_term_enabled("世界级", True).version == lex.version  # content-addressed


def test_without_term_and_unknown_term() -> None:
    lex = default_lexicon()
    assert lex.without_term("世界级").find("世界级") == []
    with pytest.raises(KeyError):
        lex.without_term("没有这个词")


def test_round_trip_through_dict() -> None:
    lex = default_lexicon().with_term(LexiconEntry("测试词", "mlm", "MLM_RECRUITMENT", 0.6))
    again = Lexicon.from_dict(lex.to_dict())
    assert again == lex and again.version == lex.version
    tampered = lex.to_dict()
    tampered["entries"][0]["score"] = 0.01
    with pytest.raises(ValueError):
        Lexicon.from_dict(tampered)


def test_invalid_entries_are_refused() -> None:
    with pytest.raises(ValueError):
        LexiconEntry("x", "false_ad", "C", 1.5)
    with pytest.raises(ValueError):
        LexiconEntry("a.*b", "false_ad", "C", 0.5, kind="regex")  # regex needs an anchor


def test_allow_phrase_neutralises_a_hit() -> None:
    lex = default_lexicon()
    assert "AD_ABSOLUTE_TERM" not in codes(lex, "我最近在玩极品飞车")
    assert "AD_ABSOLUTE_TERM" in codes(lex, "极品好茶")


@pytest.mark.parametrize("text", [
    "《jipin飞车》典藏周边到了",       # pinyin of the allow-phrase 极品飞车
    "劳力士fuke界天花板，送礼盒",        # a term inside the allow-phrase 复刻界天花板 spelt in pinyin
    "手工党常备的wanneng胶",            # 万能胶
    "No.1️⃣次做蛋挞就成功了",            # No.1 for 第一 before a measure word
    "露营新手No.1顶帐篷",
])
def test_allow_phrases_are_seen_through_the_same_evasions_as_terms(text: str) -> None:
    assert "AD_ABSOLUTE_TERM" not in codes(default_lexicon(), text)


@pytest.mark.parametrize("text", ["全国销量No.1️⃣", "吃过的都说是NO.1", "jipin好茶", "wanneng神药"])
def test_the_same_terms_outside_the_allow_phrases_still_hit(text: str) -> None:
    assert "AD_ABSOLUTE_TERM" in codes(default_lexicon(), text)


def test_a_sound_alike_allow_phrase_neutralises_like_the_phrase() -> None:
    from moderation.text.matcher import default_matcher

    def mlm_terms(text: str) -> set[str]:
        return {h.entry.code for h in default_matcher().scan(text) if h.entry.family == "mlm"}

    assert mlm_terms("这家做代理记账很多年") == set()
    assert mlm_terms("这家做代理计账很多年") == set()  # one sound-alike character: still 代理记账
    assert mlm_terms("这家做代理赚钱很多年")  # the term itself still hits


@pytest.mark.parametrize(("text", "code"), [
    ("院士亲自背书的钙片", "AD_AUTHORITY_ENDORSEMENT"),        # the pattern as written
    ("yuanshi亲自背书的钙片", "AD_AUTHORITY_ENDORSEMENT"),     # its anchor spelt in pinyin
    ("毛孔直接消失，不jianxiao退款", "AD_GUARANTEED_RESULT"),  # a word of its alternation in pinyin
])
def test_regex_entries_see_pinyin_spellings_of_their_words(text: str, code: str) -> None:
    assert code in codes(default_lexicon(), text)


def test_respelt_regex_hits_point_at_the_pinyin_in_the_text() -> None:
    from moderation.text.matcher import default_matcher

    text = "好评如潮yuanshi亲自背书"
    hits = [h for h in default_matcher().scan(text) if h.entry.code == "AD_AUTHORITY_ENDORSEMENT"]
    assert [text[h.start:h.end] for h in hits] == ["yuanshi亲自背书"]
    assert default_matcher().scan("yuanshi") == ()  # the spelling alone is no hit
