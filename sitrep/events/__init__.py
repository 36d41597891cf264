"""Event coding: PLOVER type and mode, CAMEO code, actors, place, date, counts and modality.

The stage module sitrep.stages.events composes these parts: lexicon (data), triggers (which words are
events), modality, arguments (who to whom), anchors (where, when), counts, build (one Event) and coref
(one happening, one event).
"""
