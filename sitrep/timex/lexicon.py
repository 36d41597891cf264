"""The time words and rules of sitrep/data/time, compiled once per process into lookups and regexes.

Rule patterns name their pieces with placeholders ({month}, {num}, {unit} ...) so that the words live in
lexicon.yaml and a new month abbreviation or holiday needs no code. Each placeholder becomes a named
group holding the matched word; the `kind` code reads the group and asks the lookups what it means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# Words in lexicon tables are matched on text that clean_text() produced: lower case, no periods.
_CLOCK = (
    r"(?:(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))? ?(?P<ampm>am|pm)"
    r"|(?P<hour2>[01]?\d|2[0-3])[:.h](?P<minute2>[0-5]\d)(?: hrs| hours)?"
    r"|(?P<clockword>{clockwords}))"
)


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts: dict[str, str]
    clock_words: dict[str, str]
    units: dict[str, str]
    numbers: dict[str, float]
    vague: frozenset[str]
    ordinals: dict[str, int]
    shifts: dict[str, int]
    anchored_shifts: frozenset[str]
    references: dict[str, str]
    sets: dict[str, str]
    day_words: dict[str, int]
    holidays: dict[str, str]
    leading: re.Pattern[str]  # qualifiers and prepositions before an expression: "in early", "at least"
    find_words: tuple[str, ...]
    future_auxiliaries: frozenset[str]
    future_marks: frozenset[str]
    future_preps: frozenset[str]
    past_preps: frozenset[str]
    infinitive_heads: frozenset[str]
    future_verbs: frozenset[str]
    rules: tuple[Rule, ...]


def _invert(table: dict[Any, list[str]], cast: Any = str) -> dict[str, Any]:
    return {str(word).lower(): cast(key) for key, words in table.items() for word in words}


def _alternation(words: Any) -> str:
    """A regex alternation, longest words first so that 'christmas eve' wins over 'christmas'."""
    return "|".join(re.escape(w).replace(r"\ ", " ") for w in sorted(set(words), key=len, reverse=True))


def _unit_forms(units: dict[str, str]) -> dict[str, str]:
    """Singular, plural and hyphen-joined forms: 'year', 'years'; 'century', 'centuries'."""
    forms: dict[str, str] = {}
    for word, code in units.items():
        forms[word] = code
        forms[word[:-1] + "ies" if word.endswith("y") and word != "day" else word + "s"] = code
    return forms


def build(data: dict[str, Any], rules: list[dict[str, str]]) -> Lexicon:
    """Compile the lexicon and rules; separate from load() so tests can build variants."""
    units = _unit_forms(_invert(data["units"]))
    numbers = {str(k).lower(): float(v) for k, v in data["numbers"].items()}
    vague = frozenset(data["vague_numbers"])
    lex = {
        "months": _invert(data["months"], int),
        "weekdays": _invert(data["weekdays"], int),
        "seasons": _invert(data["seasons"]),
        "parts": _invert(data["parts_of_day"]),
        "clock_words": _invert(data["clock_words"]),
        "units": units,
        "ordinals": _invert(data["ordinals"], int),
        "shifts": _invert(data["shifts"], int),
        "references": _invert(data["references"]),
        "sets": _invert(data["sets"]),
        "day_words": _invert(data["day_words"], int),
        "holidays": _invert(data["holidays"]),
    }
    numword = _alternation([*numbers, *vague])
    groups = {
        "month": lex["months"],
        "weekday": lex["weekdays"],
        "season": lex["seasons"],
        "part": lex["parts"],
        "unit": units,
        "ordinal": lex["ordinals"],
        "shift": lex["shifts"],
        "reference": lex["references"],
        "setword": lex["sets"],
        "dayword": lex["day_words"],
        "holiday": lex["holidays"],
    }
    fill = {name: f"(?P<{name}>{_alternation(words)})" for name, words in groups.items()}
    fill["num"] = rf"(?P<num>\d+(?:\.\d+)?|(?:{numword})(?: (?:{numword}))?)"
    fill["zone"] = f"(?:{_alternation(data['time_zones'])})"
    fill["clock"] = _CLOCK.replace("{clockwords}", _alternation(lex["clock_words"]))
    compiled = tuple(
        Rule(r["name"], r["kind"], re.compile(re.sub(r"\{([a-z]+)\}", lambda m: fill[m[1]], r["pattern"])))
        for r in rules
    )
    return Lexicon(
        **lex,
        numbers=numbers,
        anchored_shifts=frozenset(data["anchored_shifts"]),
        vague=vague,
        leading=re.compile(rf"^(?:(?:{_alternation([*data['modifiers'], *data['prepositions']])}) )+"),
        find_words=tuple(data["find_words"]),
        future_auxiliaries=frozenset(data["future_auxiliaries"]),
        future_marks=frozenset(data["future_marks"]),
        future_preps=frozenset(data["future_preps"]),
        past_preps=frozenset(data["past_preps"]),
        infinitive_heads=frozenset(data["infinitive_heads"]),
        future_verbs=frozenset(data["future_verbs"]),
        rules=compiled,
    )


def load() -> Lexicon:
    folder = Path(__file__).resolve().parents[1] / "data" / "time"
    data = yaml.safe_load((folder / "lexicon.yaml").read_text(encoding="utf-8"))
    rules = yaml.safe_load((folder / "rules.yaml").read_text(encoding="utf-8"))["rules"]
    return build(data, rules)
