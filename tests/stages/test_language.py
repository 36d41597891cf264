from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.context import Context
from sitrep.records import Article
from sitrep.stages import language


@given(st.lists(st.text(min_size=0, max_size=300), max_size=40), st.integers(min_value=50, max_value=2000))
def test_segments_join_back_to_the_text(paragraphs: list[str], limit: int) -> None:
    text = "\n\n".join(paragraphs)
    pieces = language.segments(text, limit)
    assert "".join(pieces) == text
    assert all(pieces) or pieces == [""]


def test_segments_split_only_at_paragraph_breaks() -> None:
    text = "\n\n".join(f"Paragraph {i} says something about the news." for i in range(200))
    pieces = language.segments(text, 500)
    assert len(pieces) > 1
    assert all(p.endswith("\n\n") for p in pieces[:-1])


@given(st.lists(st.integers(0, 9000), max_size=40), st.integers(1, 10), st.integers(1, 20000))
def test_batches_keep_every_text_in_order_within_both_limits(
    lengths: list[int], size: int, budget: int
) -> None:
    texts = ["x" * n for n in lengths]
    runs = list(language.batches(texts, size, budget))
    assert [t for run in runs for t in run] == texts
    assert all(0 < len(run) <= size for run in runs)
    assert all(len(run) == 1 or sum(map(len, run)) <= budget for run in runs)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The minister said on Monday that the talks would go on.", "en"),
        ("Le ministre a déclaré lundi que les négociations se poursuivraient dans la capitale.", "und"),
        ("Der Minister sagte am Montag, dass die Gespräche in der Hauptstadt weitergehen würden.", "und"),
        ("Министр заявил в понедельник, что переговоры продолжатся.", "und"),
        ("Some 40,000 Syrian refugees crossed into Jordan last month.", "en"),
        ("UN envoy began talks between Khartoum and rebel leaders.", "en"),
        ("Il presidente ha detto che la riforma della legge è necessaria per il paese.", "und"),
        ("O presidente disse que a reforma da lei é necessária para o país.", "und"),
        ("Rebels seized Goma.", "en"),
        ("Israel struck Gaza overnight.", "en"),
        ("", None),
    ],
)
def test_detect_tells_english_from_other_languages(text: str, lang: str | None) -> None:
    assert language.detect(text) == lang


def test_parse_long_text_gives_one_doc_with_the_same_text(ctx: Context) -> None:
    text = "\n\n".join(f"Police arrested {i} protesters in Lagos on Monday." for i in range(600))
    article = Article(id="x", text=text, source_ref="t")
    [(parsed, doc)] = list(language.parse([article], ctx))
    assert doc is not None and doc.text == text
    assert parsed.language == "en"
    assert len(list(doc.sents)) >= 600
