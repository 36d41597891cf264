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


@pytest.mark.parametrize("text", [
    "Talks went on. " * 10_000,  # one paragraph of 150,000 characters
    "word " * 40_000,  # no sentence end at all
    "x" * 120_001,  # no space at all
])  # fmt: skip
def test_segments_cut_a_long_paragraph(text: str) -> None:
    from sitrep.stages.language import LONG_PIECE, segments

    pieces = segments(text)
    assert "".join(pieces) == text and max(map(len, pieces)) <= LONG_PIECE and len(pieces) >= 3


def test_too_long_text_is_a_reject_before_parsing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sitrep.pipeline import process_sources
    from sitrep.records import Reject, Source
    from sitrep.stages.language import MAX_CHARS

    [item] = process_sources([Source(ref="long", text="Talks went on.\n\n" * (MAX_CHARS // 16 + 10))])
    assert isinstance(item, Reject) and "too long" in item.reason
