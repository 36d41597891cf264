"""Temporal expressions for the time stage, one job a module: where they are (find), which way their
clause looks (tense), what they say (normalise, with one reader per rule kind in readers), what they
lean on (anchor) and the calendar arithmetic of news (calendar); the words and rules are data in
sitrep/data/time (lexicon)."""
