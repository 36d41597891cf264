"""Clean: repost chrome cut and recorded, the headline made the title, the publication date found."""

from __future__ import annotations

import pytest

from sitrep.context import Context
from sitrep.errors import InputError
from sitrep.records import Source
from sitrep.stages.clean import article_id, run
from tests.conftest import SEED, SEED_PUBLISHED
from tests.stages.test_ingest import PAGE

PARA = "The minister said on Tuesday that talks would continue in Geneva next week."


@pytest.fixture(scope="module")
def cctx() -> Context:
    return Context()


def test_clean_seed_article_checks(cctx: Context) -> None:
    if not SEED.exists():
        pytest.skip(f"the shared seed is not at {SEED}")
    import yaml

    expected = yaml.safe_load((SEED.parent / "expected.yaml").read_text())["article"]
    a = run(Source(ref="seed", text=SEED.read_text(encoding="utf-8"), published=SEED_PUBLISHED), cctx)
    assert a.title == expected["title"]
    assert a.text.count(expected["title"]) == expected["title_appears_in_text"]
    assert not any(s in a.text for s in expected["text_must_not_contain"])
    assert not a.text.rstrip().endswith(expected["text_must_not_end_with"])
    assert a.text.startswith("Islam News- Middel East Eye")  # the attribution stays for provenance
    assert ("signature", "Islam News") in [(c.kind, c.text) for c in a.cuts]
    assert [c.kind for c in a.cuts].count("doubled-title") == 1
    assert (a.published_at, a.published_precision, a.published_source) == (SEED_PUBLISHED, "day", "caller")


@pytest.mark.parametrize(("text", "kinds", "body_end"), [
    (f"{PARA}\nShare this:\nTwitter Facebook\n{PARA}", ["share-line", "share-line"], "week."),
    (f"{PARA}\n\nLike this:\nLoading...\n", ["share-line", "share-line"], "week."),
    (f"{PARA}\n\nGulf Times", ["signature"], "week."),
    (f"{PARA}\n\nWe will meet again", [], "again"),  # a short last line that names no outlet stays
    (f"{PARA}\n\nSpread the love is a phrase.", [], "phrase."),  # a prose line is never chrome
])  # fmt: skip
def test_clean_strip_chrome_lines(cctx: Context, text: str, kinds: list[str], body_end: str) -> None:
    a = run(Source(ref="t", text=text, title="Given"), cctx)
    assert [c.kind for c in a.cuts] == kinds and a.text.endswith(body_end)


@pytest.mark.parametrize(("text", "given", "title", "starts"), [
    (f"Talks to go on in Geneva\n\n{PARA}", None, "Talks to go on in Geneva", "The minister"),
    (f"Talks to go on\nTalks to go on\n{PARA}", None, "Talks to go on", "The minister"),
    (f"Talks to go on\n\n{PARA}", "Talks to go on", "Talks to go on", "The minister"),
    (f"{PARA}\n\n{PARA}", None, None, "The minister"),  # a sentence is not a headline
    (f"Talks to go on\n{PARA}", None, None, "Talks"),  # no blank line after: could be a subhead
    (f"Other title\n\n{PARA}", "Given", "Given", "Other"),  # a caller's title that differs: body kept
    (f"By Jane Doe\n\n{PARA}", None, None, "By Jane"),  # a byline is not a headline
    (f"Friday, January 4, 2019\n\n{PARA}", None, None, "Friday"),  # nor is a date line
])  # fmt: skip
def test_clean_title_from_first_line(
    cctx: Context, text: str, given: str | None, title: str | None, starts: str
) -> None:
    a = run(Source(ref="t", text=text, title=given), cctx)
    assert a.title == title and a.text.startswith(starts)
    assert title is None or a.text.count(title) == 0 or title == given


@pytest.mark.parametrize(("source", "expected"), [
    (Source(ref="t", text=PARA, published="2020-11-19"), ("2020-11-19", "day", "caller")),
    (Source(ref="t", text=PARA, published="2020-11-19T10:00:00", published_source="feed"), ("2020-11-19T10:00:00", "minute", "feed")),
    (Source(ref="t", text=PARA, url="https://x.org/2020/11/19/a"), ("2020-11-19", "day", "url")),
    (Source(ref="t", text=PARA, url="https://x.org/2020/11/a"), ("2020-11", "month", "url")),
    (Source(ref="t", text="BAGHDAD, November 19, 2020 - " + PARA), ("2020-11-19", "day", "text")),
    (Source(ref="t", text=PARA, published="2021-01-01", published_source="default", url="https://x.org/2020/11/19/a"), ("2021-01-01", "day", "caller")),
    (Source(ref="t", text=PARA), (None, None, None)),
])  # fmt: skip
def test_clean_publication_date_order(cctx: Context, source: Source, expected: tuple) -> None:  # type: ignore[type-arg]
    a = run(source, cctx)
    assert (a.published_at, a.published_precision, a.published_source) == expected


def test_clean_html_main_text_and_metadata(cctx: Context) -> None:
    a = run(
        Source(
            ref="p.html", text=PAGE, content_type="html", published="2000-01-01", published_source="default"
        ),
        cctx,
    )
    assert "Geneva" in a.text and "Home | World" not in a.text and "Copyright" not in a.text
    assert a.title == "Talks go on" and a.text.count("Talks go on") == 0
    assert a.url == "https://example.org/2021/03/04/talks" and a.publisher == "Example Times"
    assert (a.published_at, a.published_source) == ("2021-03-04", "metadata")


@pytest.mark.parametrize(
    "source",
    [Source(ref="t", text=" \n "), Source(ref="t", text="<html><body></body></html>", content_type="html")],
)
def test_clean_nothing_left_is_input_error(cctx: Context, source: Source) -> None:
    with pytest.raises(InputError):
        run(source, cctx)


def test_article_id_ignores_spacing_and_unicode_form() -> None:
    assert article_id("Café  talks\n go on") == article_id("Cafe\u0301 talks go on")
    assert article_id("a b") != article_id("a c")
