from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.actors.normalize import case_rule, fold, keys, prefixes, token_key


@pytest.mark.parametrize(
    ("a", "b"),
    [("Qa'ani", "Qaani"), ("U.S.", "US"), ("Hashd al-Shaabi", "Hashd al Shaabi"), ("Erdoğan", "Erdogan"),
     ("Kadhimi", "KADHIMI"), ("Qa’ani", "Qaani")],
)  # fmt: skip
def test_keys_same_for_spelling_variants(a: str, b: str) -> None:
    assert set(keys(a)) & set(keys(b))


def test_keys_keep_word_boundaries() -> None:
    assert "iran" not in keys("I ran")


@pytest.mark.parametrize(
    ("alias", "rule"), [("MEE", "upper"), ("US", "upper"), ("Qaani", "title"), ("police", "any")]
)
def test_case_rule_by_shape(alias: str, rule: str) -> None:
    assert case_rule(alias) == rule


def test_prefixes_cut_where_tokenizers_split() -> None:
    assert {"hashd", "hashd al"} <= prefixes("Hashd al-Shaabi")


@given(st.text(max_size=40))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet=st.characters(blacklist_categories=("Zs", "Cc")), max_size=20))
def test_token_key_has_no_spaces_or_apostrophes(text: str) -> None:
    key = token_key(text)
    assert " " not in key and "'" not in key and "-" not in key
