"""The event lexicon: the data files of sitrep/data/events compiled once into lookup tables.

Everything that decides which words are events, of which type and mode, lives in those YAML files; this
module only indexes them (lemma → entries, verb+object → entry) so the stage does dict look-ups per token.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from sitrep.context import Context

DATA = Path(__file__).resolve().parents[1] / "data" / "events"
DERIVED_CONF = 0.5  # rows derived from the CAMEO dictionary: used only where the curated lexicon is silent
SINGLE_VERB_CONF = 0.4  # a CAMEO verb coded on its own: lower still, and kept only with a known doer
TYPES = (
    "AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE",
    "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Entry:
    """One way a word (or a word pair) signals an event; ``rule`` names it in explanations."""

    type: str
    mode: str | None
    cameo: str | None
    pos: str = "any"  # V, N or any
    frame: str | None = None
    needs: str | None = None
    conf: float = 0.8
    rule: str = ""
    passive_actor: bool = False
    host_acts: bool = False  # the place's country acts and the subject is its recipient


@dataclass(frozen=True, slots=True)
class Frame:
    modality: str
    modes: dict[str, str] = field(default_factory=dict)
    cameo: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    alone: frozenset[str] = frozenset()
    coerce_modes: dict[str, str] = field(default_factory=dict)
    need_complement: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    triggers: dict[str, list[Entry]]  # lemma (one or two words) → entries
    verb_object: dict[tuple[str, str], Entry]
    compounds: dict[tuple[str, str], Entry]  # (head, modifier)
    adjectives: dict[tuple[str, str], Entry]
    frames: dict[str, Frame]
    classes: dict[str, frozenset[str]]
    light_verbs: frozenset[str]
    target_preps: dict[str, frozenset[str]]
    source_preps: frozenset[str]
    modality: dict[str, frozenset[str]]
    weapons: dict[str, tuple[str, str]]  # word → (mode, cameo)
    counts: dict[str, frozenset[str]]
    numbers: dict[str, int]
    vague: dict[str, int]
    # verb + object pairs derived from the CAMEO dictionary: a lower prior, used where curated data is silent
    cameo_pairs: dict[tuple[str, str], Entry] = field(default_factory=dict)
    topic_of: dict[str, frozenset[str]] = field(default_factory=dict)
    adjunct_marks: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    unnamed_actor: dict[str, str] = field(default_factory=dict)  # type → sector of its unnamed doer
    heads: frozenset[str] = frozenset()  # every lemma a match can start from: a cheap first test per token

    def __post_init__(self) -> None:
        words = {k.split()[-1] for k in self.triggers} | {k.split()[0] for k in self.triggers}
        words |= {v.split()[0] for v, _ in self.verb_object} | {h for h, _ in self.compounds}
        words |= {h for h, _ in self.adjectives} | {v.split()[0] for v, _ in self.cameo_pairs}
        self.heads = frozenset(words)

    adjunct_preps: frozenset[str] = frozenset()
    died_of: dict[str, frozenset[str]] = field(default_factory=dict)  # verbs, preps, nouns
    deontic_speech: frozenset[str] = frozenset()
    deontic_aux: frozenset[str] = frozenset()
    roles: dict[str, frozenset[str]] = field(default_factory=dict)  # attribution, accusation and their preps
    actor_words: dict[str, frozenset[str]] = field(default_factory=dict)  # never, agent_classes, bodies
    idioms: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # word → set phrases

    def in_class(self, name: str, lemma: str) -> bool:
        return lemma in self.classes.get(name, frozenset())


def _read(name: str, data: Path) -> Any:
    with open(data / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _entry(raw: dict[str, Any], type_: str, rule: str) -> Entry:
    return Entry(
        type=type_, mode=raw.get("mode"), cameo=str(raw["cameo"]) if raw.get("cameo") else None,
        pos=raw.get("pos", "any"), frame=raw.get("frame"), needs=raw.get("needs"),
        conf=float(raw.get("conf", 0.8)), rule=rule, passive_actor=bool(raw.get("passive_actor", False)),
        host_acts=bool(raw.get("host_acts", False)),
    )  # fmt: skip


def _tsv(name: str, data: Path) -> Iterator[dict[str, str]]:
    """Rows one at a time: the derived tables are large, a list of them would only raise the peak."""
    with open(data / name, encoding="utf-8") as fh:
        yield from csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")


def _derived(row: dict[str, str], rule: str) -> Entry:
    return Entry(row["type"], row["mode"] or None, row["cameo"], pos="V", conf=DERIVED_CONF, rule=rule)


def _idioms(phrases: list[list[str]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        for word in set(phrase):
            out.setdefault(str(word), []).append(tuple(map(str, phrase)))
    return {k: tuple(v) for k, v in out.items()}


def load(data: Path = DATA) -> Lexicon:
    """Compile the lexicon from its files (once per process through :func:`lexicon`)."""
    triggers: dict[str, list[Entry]] = {}
    for type_, entries in _read("triggers.yaml", data).items():
        if type_ not in TYPES:
            raise ValueError(f"triggers.yaml: {type_} is not a PLOVER type")
        for raw in entries:
            for lemma in raw["lemmas"]:
                entry = _entry(raw, type_, f"trigger:{type_}:{lemma}")
                triggers.setdefault(lemma, []).append(entry)
    pats = _read("patterns.yaml", data)
    modality = {k: frozenset(map(str, v)) for k, v in _read("modality.yaml", data).items()}
    skip = set(pats["cameo_verbs_skip"]) | set(pats["light_verbs"]) | set(modality["speech_verbs"])
    for r in _tsv("cameo_verbs.tsv", data):  # lowest prior: only verbs the curated triggers leave unknown
        if r["verb"] not in triggers and r["verb"] not in skip:
            entry = _derived(r, f"cameo-verb:{r['verb']}:{r['cameo']}")
            triggers[r["verb"]] = [replace(entry, needs="obj-any", conf=SINGLE_VERB_CONF)]
    verb_object = {
        (v, o): _entry(p, p["type"], f"verb-object:{v}+{o}")
        for p in pats["verb_object"] for v in p["verbs"] for o in p["objects"]
    }  # fmt: skip
    compounds = {
        (p["head"], m): _entry(p, p["type"], f"compound:{m}+{p['head']}")
        for p in pats["compounds"] for m in p["modifiers"]
    }  # fmt: skip
    adjectives = {
        (h, m): _entry(p, p["type"], f"adjective:{m}+{h}")
        for p in pats["adjectives"] for h in p["head"] for m in p["modifiers"]
    }  # fmt: skip
    frames = {
        name: Frame(
            modality=f["modality"],
            modes=f.get("modes", {}),
            cameo=f.get("cameo", {}),
            types=f.get("types", {}),
            alone=frozenset(f.get("alone", ())),
            coerce_modes=f.get("coerce_modes", {}),
            need_complement=frozenset(f.get("need_complement", ())),
        )
        for name, f in _read("frames.yaml", data).items()
    }
    weapons: dict[str, tuple[str, str]] = {}
    for mode, spec in _read("weapons.yaml", data).items():
        for word in spec["words"]:
            weapons[str(word)] = (mode, str(spec["cameo"]))
    counts = _read("counts.yaml", data)
    return Lexicon(
        triggers=triggers, verb_object=verb_object, compounds=compounds, adjectives=adjectives,
        frames=frames,
        classes={k: frozenset(map(str, v)) for k, v in _read("classes.yaml", data).items()},
        light_verbs=frozenset(pats["light_verbs"]),
        target_preps={k: frozenset(v) for k, v in pats["target_preps"].items()},
        source_preps=frozenset(pats["source_preps"]),
        modality=modality,
        weapons=weapons,
        counts={k: frozenset(counts[k]) for k in ("killed", "injured", "arrested", "persons")},
        numbers={str(k): int(v) for k, v in counts["numbers"].items()},
        vague={str(k): int(v) for k, v in counts["vague"].items()},
        cameo_pairs={
            (r["verb"], r["object"]): _derived(r, f"cameo-pattern:{r['verb']}+{r['object']}:{r['cameo']}")
            for r in _tsv("cameo_verb_objects.tsv", data)
        },
        topic_of={k: frozenset(v) for k, v in pats.get("topic_of", {}).items()},
        adjunct_marks=frozenset(pats["adjunct_marks"]),
        measure_nouns=frozenset(pats["measure_nouns"]),
        speech_nouns=frozenset(pats["speech_nouns"]),
        unnamed_actor={str(k): str(v) for k, v in pats.get("unnamed_actor", {}).items()},
        adjunct_preps=frozenset(pats["adjunct_preps"]),
        died_of={k: frozenset(v) for k, v in pats["died_of"].items()},
        deontic_speech=frozenset(pats["deontic"]["speech"]),
        deontic_aux=frozenset(pats["deontic"]["aux"]),
        roles={k: frozenset(v) for k, v in pats["roles"].items()},
        actor_words={k: frozenset(v) for k, v in pats["actors"].items()},
        idioms=_idioms(pats["idioms"]),
    )  # fmt: skip


def lexicon(ctx: Context) -> Lexicon:
    return ctx.resource("events.lexicon", load)
