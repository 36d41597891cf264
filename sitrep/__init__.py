"""sitrep: news articles in, sourced, geolocated, dated event data out."""

__version__ = "0.1.0"

from sitrep.batch import pipe
from sitrep.dataframes import frames
from sitrep.pipeline import process
from sitrep.records import Article, Event, Quote

__all__ = ["Article", "Event", "Quote", "__version__", "frames", "pipe", "process"]
