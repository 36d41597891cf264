"""Temporal expressions for the time stage: finding (find), tense (tense), normalising (normalise) and
calendar anchoring (calendar), with the words and rules in sitrep/data/time (lexicon)."""
