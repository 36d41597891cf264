"""Actors: the coded actor data (countries, organisations, armed groups, office holders with dated roles,
generic agents), a compiled index over it, and resolution of an article's mentions with coreference."""

from sitrep.actors.index import Index, build_index
from sitrep.actors.resolve import resolve

__all__ = ["Index", "build_index", "resolve"]
