"""``sitrep recode``: stored articles re-coded under the current pipeline version."""

from __future__ import annotations

from pathlib import Path

from sitrep.batch import recode
from sitrep.context import Context
from sitrep.pipeline import pipeline_version, process
from sitrep.store import db
from tests.conftest import sitrep

TEXT = "Police arrested twelve opposition activists in Nairobi on Tuesday, witnesses said."


def _stale_store(path: Path, ctx: Context) -> None:
    article = process(TEXT, published="2020-11-19", ctx=ctx)
    con = db.connect(path)
    db.write(con, [article.with_(events=(), pipeline_version="0.0.1+old")], ingested_at="2020-11-20")
    con.close()


def _stored(path: Path) -> tuple[int, set[str]]:
    con = db.connect(path, read_only=True)
    events = con.execute("SELECT count(*) FROM events").fetchone()
    versions = {v for (v,) in con.execute("SELECT pipeline_version FROM articles").fetchall()}
    con.close()
    return (events[0] if events else 0), versions


def test_recode_rewrites_stale_articles_with_the_current_version(tmp_path: Path, ctx: Context) -> None:
    store = tmp_path / "s.duckdb"
    _stale_store(store, ctx)
    assert _stored(store)[0] == 0
    done = recode(store, ctx=ctx)
    assert (done.checked, done.recoded) == (1, 1)
    events, versions = _stored(store)
    assert events >= 1 and versions == {pipeline_version()}


def test_recode_skips_articles_already_current_unless_all(tmp_path: Path, ctx: Context) -> None:
    store = tmp_path / "s.duckdb"
    _stale_store(store, ctx)
    recode(store, ctx=ctx)
    assert recode(store, ctx=ctx).recoded == 0
    assert recode(store, ctx=ctx, everything=True).recoded == 1
    assert _stored(store)[0] >= 1  # rewritten, not doubled or lost


def test_recode_missing_store_is_a_one_line_error() -> None:
    result = sitrep("recode", "--db", "/no/such.duckdb")
    assert result.returncode != 0 and "no store" in result.stderr and "Traceback" not in result.stderr


def test_recode_keeps_an_article_whose_stored_date_an_older_sitrep_left_unread(
    tmp_path: Path, ctx: Context
) -> None:
    store = tmp_path / "s.duckdb"
    article = process(TEXT, published="2020-11-19", ctx=ctx)
    con = db.connect(store)
    db.write(con, [article.with_(published_at="19 Nove", pipeline_version="0.0.1+old")])
    con.close()
    assert recode(store, ctx=ctx).recoded == 1
    con = db.connect(store, read_only=True)
    assert con.execute("SELECT count(*), any_value(published_at) FROM articles").fetchone() == (1, None)
    con.close()


# Two outlets reporting one arrest: one story, one incident (constructed).
REPORTS = (
    ("Daily Example", "Police arrested twelve opposition activists in Nairobi on Tuesday, witnesses said. "
     "The activists had planned a march to parliament."),
    ("Example Times", "Kenyan police arrested twelve opposition activists in Nairobi on Tuesday. "
     "The activists were planning a march to parliament, witnesses said."),
)  # fmt: skip


def test_recode_keeps_incidents_and_stories(tmp_path: Path, ctx: Context) -> None:
    from sitrep.batch import save
    from tests.links import links

    store = tmp_path / "s.duckdb"
    con = db.connect(store)
    save(con, [process(text, published="2020-11-18", publisher=outlet, ctx=ctx) for outlet, text in REPORTS])
    before = links(con)
    con.close()
    assert before.incidents and len(before.stories) == 2 and before.orphans == 0
    assert len(set(before.incidents.values())) < len(before.incidents)  # the two reports share an incident
    assert recode(store, ctx=ctx, everything=True).recoded == 2
    con = db.connect(store, read_only=True)
    assert links(con) == before
    con.close()
