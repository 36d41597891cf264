"""Quotes: the seed's five quotes with speakers, anonymity, outlet and nesting; every quote-mark style."""

from __future__ import annotations

import pytest

from sitrep.context import Context
from sitrep.pipeline import process
from sitrep.quotes.marks import find_quoted
from sitrep.records import Article, Quote

SEED_QUOTES = [
    # starts, speaker, anonymous, via_outlet
    (
        "Qaani made it clear that Trump wants",
        "a senior commander of a Shia armed faction",
        True,
        "Middle East Eye",
    ),
    ("If war breaks out between Iran and America", "Qaani", False, "Middle East Eye"),
    (
        "was aimed at confirming the Iranian side",
        "A prominent Hashd al-Shaabi commander",
        True,
        "Middle East Eye",
    ),
    ("They see that the American mobilisation", "a key adviser of Kadhimi", True, "Middle East Eye"),
    ("personally supervise", "three commanders", True, "Middle East Eye"),
]


def _quote(article: Article, starts: str) -> Quote:
    matches = [q for q in article.quotes if q.text.startswith(starts)]
    assert matches, f"no quote starts {starts!r}: {[q.text[:30] for q in article.quotes]}"
    return matches[0]


@pytest.mark.parametrize(("starts", "speaker", "anonymous", "via"), SEED_QUOTES)
def test_quotes_seed_speaker_anonymity_outlet(seed_article: Article, starts: str, speaker: str,
                                              anonymous: bool, via: str) -> None:  # fmt: skip
    quote = _quote(seed_article, starts)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.anonymous is anonymous
    assert quote.via_outlet == via
    assert seed_article.text[quote.start : quote.end] == quote.text


def test_quotes_seed_nesting_relayed_by_commander(seed_article: Article) -> None:
    nested = _quote(seed_article, "If war breaks out")
    parent = {q.id: q for q in seed_article.quotes}[nested.parent_quote_id or ""]
    assert parent.speaker is not None
    assert parent.speaker.text == "a senior commander of a Shia armed faction"


def test_quotes_seed_indirect_speech_has_cue_and_speaker(seed_article: Article) -> None:
    indirect = {q.speaker.text: q for q in seed_article.quotes if q.kind == "indirect" and q.speaker}
    assert indirect["Iraqi security sources"].text.startswith("The attack killed a child")
    assert indirect["Qaani"].cue is not None and indirect["Qaani"].cue.text == "warned"
    assert indirect["paramilitary commanders"].via_outlet == "Middle East Eye"


def test_quotes_ids_deterministic_and_unique(seed_article: Article, ctx: Context) -> None:
    ids = [q.id for q in seed_article.quotes]
    assert len(set(ids)) == len(ids)
    from sitrep.stages import quotes

    assert quotes.quote_id(seed_article, 1, 5) == quotes.quote_id(seed_article, 1, 5)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("He said “we will not retreat” on Monday.", "we will not retreat"),
        ('He said "we will not retreat" on Monday.', "we will not retreat"),
        ("He said ‘we will not retreat’ on Monday.", "we will not retreat"),
        ("He said 'we will not retreat' on Monday.", "we will not retreat"),
        ("Il a dit « nous resterons » hier.", " nous resterons "),
        ("„Wir bleiben“, sagte er.", "Wir bleiben"),
        ("Iran’s envoy said ‘no deal’ today.", "no deal"),
    ],
)
def test_find_quoted_every_mark_style(text: str, quoted: str) -> None:
    assert [text[q.start : q.end] for q in find_quoted(text)] == [quoted]


@pytest.mark.parametrize("text", ["It's the boys' toys and Iran’s plans.", "The 1990s' boom.", ""])
def test_find_quoted_apostrophes_are_not_quotes(text: str) -> None:
    assert find_quoted(text) == []


def test_find_quoted_runs_over_paragraphs() -> None:
    text = "“The first part goes on.\n\n“The second part ends here,” he said."
    (quoted,) = find_quoted(text)
    assert text[quoted.start : quoted.end].startswith("The first part")
    assert text[quoted.start : quoted.end].endswith("ends here,")


@pytest.mark.parametrize(
    ("text", "starts", "speaker", "cue", "kind", "via"),
    [
        ("“We will respond to any attack on our forces,” the defence minister told Reuters.",
         "We will respond", "the defence minister", "told", "direct", "Reuters"),
        ("The spokesman said: “Talks will resume in Geneva next week after the holiday.”",
         "Talks will resume", "The spokesman", "said", "direct", None),
        ("The governor said the new bridge would open to traffic in the spring of next year.",
         "the new bridge would open", "The governor", "said", "indirect", None),
        ("Five soldiers were killed in the ambush near the border, according to local officials.",
         "Five soldiers were killed", "local officials", "according to", "indirect", None),
        ("The army will “respond firmly” to the attack, a senior officer told AFP.",
         "respond firmly", "a senior officer", "told", "partial", "Agence France-Presse"),
    ],
)  # fmt: skip
def test_quotes_attribution_forms(ctx: Context, text: str, starts: str, speaker: str, cue: str,
                                  kind: str, via: str | None) -> None:  # fmt: skip
    article = process(text, published="2024-05-01", ctx=ctx)
    quote = _quote(article, starts)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.kind == kind
    assert quote.via_outlet == via


@pytest.mark.parametrize(
    "text",
    [
        'The magazine announced its choice of the young sailor as its "Sportsman of the Decade".',
        'Officials said the raid, called "Operation Dry River", had ended.',
    ],
)
def test_quotes_names_in_marks_are_not_quotes(ctx: Context, text: str) -> None:
    article = process(text, published="2024-05-01", ctx=ctx)
    assert not [q for q in article.quotes if q.kind != "indirect"], [q.text for q in article.quotes]


def test_quotes_scare_quotes_without_cue_are_not_quotes(ctx: Context) -> None:
    article = process("The so-called “experts” arrived in the capital on Monday.", ctx=ctx)
    assert article.quotes == ()


@pytest.mark.parametrize(
    ("text", "starts", "speaker", "via"),
    [
        # verbs that attribute only quoted words, and an attribution verb opening its sentence
        ('Ann Lee spoke first. "We are ready for the storm now," she continued.', "We are ready", "she", None),
        ('Remarked the city engineer Dana Cole, "The tunnel is safe for traffic again."', "The tunnel is safe",
         "the city engineer Dana Cole", None),
        # a participle: the clause's subject speaks; "telling X:" names the outlet
        ('The firm issued a statement on Monday saying, "We regret the long delay to passengers."',
         "We regret the long", "The firm", None),
        ('The mayor has yet to concede, telling a local newspaper: "We will see what the count says."',
         "We will see", "The mayor", "a local newspaper"),
        # an age or a title in apposition is not the speaker; a name is preferred to its title
        ("A shop manager, 24, who saw the crash said the driver had been speeding for miles.",
         "the driver had been speeding", "A shop manager", None),
        ("Mitch Rowe, the party leader, has indicated the vote could be delayed until May.",
         "the vote could be delayed", "Mitch Rowe", None),
        ('"The storm took the roof and the barn," Rosa Diaz, 61, a retired nurse, said.', "The storm took",
         "Rosa Diaz", None),
        ("The appeal, signed by 40 nurses, warned that the ward would close within a month.",
         "the ward would close", "The appeal", None),
        ("The minister, speaking to Reuters, said the talks had failed after midnight.",
         "the talks had failed", "The minister", "Reuters"),
        # the hearer ends where the told clause begins
        ("The general told state media the troops would leave the valley by June.", "the troops would leave",
         "The general", "state media"),
        # the quote ended its sentence: the next sentence's attribution is the next quote's
        ('Ann Lee said in a statement, "We are honoured by the trust of voters." She added, "It is time to heal."',
         "We are honoured", "Ann Lee", None),
        # the same speaker's next quote after a closed one
        ('The mayor said: "The bridge will open in May." "We have waited long enough for it."',
         "We have waited", "The mayor", None),
        # "said a ...": a description after the cue; a closed quote's own short attribution sentence
        ('"We think the same, and many agree," said a protester using the name Kay.', "We think the same",
         "a protester using the name Kay", None),
        ('"The voters deserve the truth." Ann Lee said.', "The voters deserve", "Ann Lee", None),
        # the words before the cue are a clause: the cue's subject (through the coordination) speaks
        ('In a video message, Ann Lee praised the plan and said she was "proud to back the new mayor."',
         "proud to back", "Ann Lee", None),
        ("Judge Rao clarified in the hearing that her ruling was not connected to the earlier case.",
         "her ruling was not", "Judge Rao", None),
        ('The judge went on to say, "You spared the witnesses a second ordeal in this court."',
         "You spared the", "The judge", None),
        # an adverb between the auxiliary and the cue; "agree" with a clause reports; "as far to say"
        ("A spokesman for the port has repeatedly maintained the new crane is safe for every worker.",
         "the new crane is safe", "A spokesman for the port", None),
        ("The council agreed the old bridge should be closed for repairs next year.", "the old bridge should",
         "The council", None),
        ('One of the players even went as far to say, "The coach saved our whole season."', "The coach saved",
         "One of the players", None),
        # "according to X" set off inside the words: the whole clause around it
        ("The mayor then led, according to the city paper, the largest march the town had seen.",
         "The mayor then led", "the city paper", None),
        # an attribution set off inside the words: the whole clause; a relative clause's own speaker
        ("The fire, officials said, started in the kitchen of the old hotel.", "The fire, officials said",
         "officials", None),
        ("The new law, which the minister said would cut food prices by half, takes effect in May.",
         "would cut food prices", "the minister", None),
        # "use" bears someone's words only with a noun for words ("used the slogan"): here, Lee's own
        ('Ann Lee said the council would use "every tool it has" against the floods.', "every tool",
         "Ann Lee", None),
        # a plea in court is no attribution of the words before it
        ('Judge Lee went on to say the firm had "acted in good faith from the start" by pleading guilty early.',
         "acted in good faith", "Judge Lee", None),
        # a closing attribution is only one that ends the sentence
        ("Citing the low count, officials estimated the herd may have shrunk by half this year.",
         "the herd may have shrunk", "officials", None),
    ],
)  # fmt: skip
def test_quotes_speaker_frames(ctx: Context, text: str, starts: str, speaker: str, via: str | None) -> None:
    quote = _quote(process(text, published="2024-05-01", ctx=ctx), starts)
    assert quote.speaker is not None and quote.speaker.text == speaker
    assert quote.via_outlet == via


def test_quotes_nested_attribution_is_a_chain(ctx: Context) -> None:
    text = 'The newspaper reported its source said "the deal was signed last night in secret."'
    article = process(text, published="2024-05-01", ctx=ctx)
    inner = _quote(article, "the deal was signed")
    assert inner.speaker is not None and inner.speaker.text == "its source" and inner.anonymous
    parent = {q.id: q for q in article.quotes}[inner.parent_quote_id or ""]
    assert parent.speaker is not None and parent.speaker.text == "The newspaper" and parent.cue is not None
    assert parent.cue.text == "reported" and parent.start <= inner.start and inner.end <= parent.end


def test_quotes_quote_inside_a_quote_is_relayed_by_its_speaker(ctx: Context) -> None:
    text = "\u201cThe guard told us \u2018go home now and do not come back\u2019,\u201d a driver said."
    article = process(text, published="2024-05-01", ctx=ctx)
    inner = _quote(article, "go home now")
    assert inner.speaker is not None and inner.speaker.text == "The guard"
    outer = {q.id: q for q in article.quotes}[inner.parent_quote_id or ""]
    assert outer.speaker is not None and outer.speaker.text == "a driver"


def test_quotes_pronoun_speaker_is_the_person_named_outside_quotes(ctx: Context) -> None:
    text = 'Ann Lee said, "I thank Tom Ray for his help in the campaign." She added, "Now we start work."'
    article = process(text, published="2024-05-01", ctx=ctx)
    names = {m.actor.id: m.actor.name for m in article.mentions}
    assert names.get(_quote(article, "Now we start").speaker_actor_id or "") == "Ann Lee"


@pytest.mark.parametrize(
    "text",
    [
        '"No, I am not leaving the team this year," I said.',  # a speaker's own words, in an answer
        "Doctors warned against too much hope for the new drug.",  # a thing, not a clause
        "Every time I say the same thing they look away from the stage.",  # a clause, not a speaker
        'They said, "The road will stay closed for a whole week."',  # a pronoun that names no one
        "The club announced its decision although the player had already left the team.",  # an adverb's clause
        "The council agreed to the terms of the new lease after a long debate.",  # assent to a thing
        "The old tax was repealed in the spring of 1901, which the court later ruled invalid.",  # a relative
        "The senator, responding to the ruling on Monday, attacked the court for its delay.",  # the main clause
    ],
)
def test_quotes_not_reported_speech(ctx: Context, text: str) -> None:
    assert process(text, published="2024-05-01", ctx=ctx).quotes == ()


@pytest.mark.parametrize(
    ("text", "starts", "speaker", "relayer"),
    [
        ('Ann Lee called the plan a "breach of every promise we made," according to the BBC.', "breach of every",
         "Ann Lee", "the BBC"),
        ("The paper later reported officials, after an inquiry, stated the fire was started by a heater.",
         "the fire was started", "officials", "The paper"),
        # words someone in the reported clause chanted or used are theirs, relayed by the reporter
        ('Police said marchers chanted "Down with the new dam" near the old bridge.', "Down with", "marchers",
         "Police"),
        ('The paper reported fans were using the slogan "Bring the cup home" at the match.', "Bring the cup",
         "fans", "The paper"),
    ],
)  # fmt: skip
def test_quotes_relayed_words_hang_under_the_report(ctx: Context, text: str, starts: str, speaker: str,
                                                    relayer: str) -> None:  # fmt: skip
    article = process(text, published="2024-05-01", ctx=ctx)
    quote = _quote(article, starts)
    assert quote.speaker is not None and quote.speaker.text == speaker
    parent = {q.id: q for q in article.quotes}[quote.parent_quote_id or ""]
    assert parent.speaker is not None and parent.speaker.text == relayer


def test_quotes_report_found_as_its_own_reported_speech_is_the_parent(ctx: Context) -> None:
    text = 'Ann Lee called the plan a "breach of every promise we made," according to the BBC.'
    article = process(text, published="2024-05-01", ctx=ctx)
    reports = [q for q in article.quotes if q.kind == "indirect"]
    assert len(reports) == 1  # one report by the BBC, not one from each reading
    assert _quote(article, "breach of every").parent_quote_id == reports[0].id


def test_quotes_statement_before_a_colon(ctx: Context) -> None:
    text = 'The city council issued a statement on Monday: "The bridge stays closed until the repairs end."'
    quote = _quote(process(text, published="2024-05-01", ctx=ctx), "The bridge stays")
    assert quote.speaker is not None and quote.speaker.text == "The city council"


@pytest.mark.parametrize(
    ("text", "count", "starts"),
    [
        # reported speech that is only a frame around the marked words is one quotation
        ('The coach said she was "glad to see the young side win at last."', 1, "glad to see"),
        ('Lee said on Monday the port is "in deep trouble this winter."', 1, "in deep trouble"),
        # a term in marks that the reported speech cites
        ('Rangers said the boar may have eaten a "pig bomb" left in a field.', 1, "the boar may have"),
        # a claim of its own outside the marks: the reported speech and the marked words
        ('Lee said the mayor lied and "must step down before the vote."', 2, "the mayor lied"),
    ],
)  # fmt: skip
def test_quotes_partial_inside_its_frame_is_one_quotation(ctx: Context, text: str, count: int,
                                                          starts: str) -> None:  # fmt: skip
    article = process(text, published="2024-05-01", ctx=ctx)
    assert len(article.quotes) == count, [q.text for q in article.quotes]
    _quote(article, starts)


@pytest.mark.parametrize(
    "text",
    [
        '"The new bridge will carry trains," the engineer said. "It opens to cars in the spring."',
        '"The new bridge will carry trains," the engineer said of it, "and it opens to cars in the spring."',
    ],
)
def test_quotes_interrupted_quotation_is_one_quote(ctx: Context, text: str) -> None:
    article = process(text, published="2024-05-01", ctx=ctx)
    (quote,) = article.quotes
    assert quote.text.startswith("The new bridge") and quote.text.endswith("in the spring.")
    assert quote.speaker is not None and quote.speaker.text == "the engineer"


def test_quotes_unattributed_long_words_in_marks_are_no_quote(ctx: Context) -> None:
    text = 'The banner read only the slogan below. Crowds gathered. "Bring the river back to the town square"'
    assert process(text, published="2024-05-01", ctx=ctx).quotes == ()


def test_quotes_interview_turn_relays_the_words_it_quotes(ctx: Context) -> None:
    text = (
        "The club spoke to its new coach.\n\n((WN))  What did the players tell you?\n\n"
        '((Ann Lee))  They said the season had been long. Our captain Tom Ray told me, "We will lift the '
        'cup this year." The fans in the stand shouted, "Go home now, you are finished here."\n\n'
        '((WN))  Say you buy a car and the seller tells you, "Bring it back to me when it breaks down." '
        "Is that fair?\n\n((Ann Lee))  No.\n\n((WN))  Thank you for your time?"
    )
    article = process(text, published="2024-05-01", ctx=ctx)
    assert not [q for q in article.quotes if q.kind == "indirect"]  # the answer's own account
    assert not [q for q in article.quotes if q.text.startswith(("Go home", "Bring it"))]  # to no one named
    relayed = _quote(article, "We will lift")
    assert relayed.speaker is not None and "Tom Ray" in relayed.speaker.text
    turn = {q.id: q for q in article.quotes}[relayed.parent_quote_id or ""]
    assert turn.speaker is not None and turn.speaker.text == "Ann Lee"
    assert turn.text.startswith("They said") and turn.start <= relayed.start < relayed.end <= turn.end


def test_quotes_interviewer_is_the_label_that_asks(ctx: Context) -> None:
    from sitrep.quotes import transcript

    text = "((JS))  Why did you run?\n\n((Ann Lee))  To win.\n\nMore text.\n\n((JS))  And now?\n\n((Ann Lee))  Rest."
    spoken = transcript.turns(text, frozenset())
    assert [(t.speaker.text, t.asks) for t in spoken] == [("JS", True), ("Ann Lee", False), ("JS", True),
                                                          ("Ann Lee", False)]  # fmt: skip
    assert (
        text[spoken[1].start : spoken[1].end] == "To win.\n\nMore text."
    )  # an answer runs to the next label
    assert spoken[0].hearer is not None and spoken[0].hearer.text == "Ann Lee"


def test_quotes_you_in_a_question_is_the_interviewee(ctx: Context) -> None:
    text = (
        "((WN))  Last year you said, \u201cNo club in this league is perfect.\u201d Do you still think so?\n\n"
        "((Ann Lee))  Yes, I do. Ann Lee has not changed her mind."
    )
    article = process(text, published="2024-05-01", ctx=ctx)
    quote = _quote(article, "No club")
    names = {m.actor.id: m.actor.name for m in article.mentions}
    assert names.get(quote.speaker_actor_id or "") == "Ann Lee"
    parent = {q.id: q for q in article.quotes}[quote.parent_quote_id or ""]
    assert parent.speaker is not None and parent.speaker.text == "WN"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # clauses joined by a semicolon each carry their own attribution
        ("Early reports said the fire began in the roof; firefighters later said it began in the cellar.",
         [("Early reports", "the fire began"), ("firefighters", "it began in the cellar")]),
        # a participle set off by a comma is a second cue; a cue with a thing for object yields to it
        ("The coach argued that the pitch was too wet, adding that the match should move to May.",
         [("The coach", "the pitch was too wet"), ("The coach", "the match should move")]),
        ("The firm denied the charges, saying every rule had been followed to the letter.",
         [("The firm", "every rule had been")]),
        # a relative clause inside the words that names its own speaker
        ("Ann Lee said she may close the port, which she said would stop the smuggling of arms at night.",
         [("Ann Lee", "she may close the port"), ("she", "would stop the smuggling")]),
        # one speaker, two coordinated cues: two reported speeches
        ("The agency announced the dam will be checked every month, and said it will close the road if needed.",
         [("The agency", "the dam will be checked"), ("The agency", "it will close the road")]),
    ],
)  # fmt: skip
def test_quotes_several_reported_speeches_in_a_sentence(ctx: Context, text: str,
                                                        expected: list[tuple[str, str]]) -> None:  # fmt: skip
    article = process(text, published="2024-05-01", ctx=ctx)
    found = [(q.speaker.text if q.speaker else None, q.text) for q in article.quotes]
    assert len(found) == len(expected), found
    for (speaker, starts), (got_speaker, got) in zip(expected, found, strict=True):
        assert got_speaker == speaker and got.startswith(starts), found


def test_quotes_pronoun_antecedent_is_written_in_the_pronoun_script() -> None:
    from sitrep.quotes.speakers import _latin

    assert _latin("Ann Lee") and _latin("Ли Ann")
    assert not _latin("Анна Ли") and not _latin("ما این")


def test_quotes_they_is_the_group_named_before(ctx: Context) -> None:
    text = (
        'The rebels took the town on Monday. They said, "We will hold it until the army leaves the valley."'
    )
    article = process(text, published="2024-05-01", ctx=ctx)
    quote = _quote(article, "We will hold")
    rebels = next(m.actor.id for m in article.mentions if m.text == "The rebels")
    assert quote.speaker_actor_id == rebels
