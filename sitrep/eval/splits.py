"""The frozen dev / test split of every gold set: a hash of each record's key decides, once and for all.

Rules, lexicon entries, thresholds and model choices are made looking at ``dev`` only; ``test`` is scored
to judge a finished change, never read to find what to change. The split depends on the key alone, so it
is the same on every machine and for records added later, and nobody chooses which record falls where.

A record is ``test`` when ``int(sha256(key).hexdigest(), 16) % 3 == 0`` (our Wikinews end-to-end gold:
``% 2 == 0`` on the article's URL, half and half). The key is the unit a scorer judges and resamples:

========== ======================================= =============================================
gold set   unit                                    key
========== ======================================= =============================================
events     one PLOVER gold-standard record         the record's ``id`` ("PLOVER-GSR01-...")
time       one TimeML document                     the file name's stem ("CNN_20130322_248")
extraction one page                                the page id (``ground-truth.json`` key)
places     one GeoWebNews article                  the article's ``file`` attribute ("12")
incidents  one ECB+ topic (both its sub-corpora)   the topic number as a string ("7"); documents of
                                                   one topic must stay together, or the grouping
                                                   of the test half would be tuned on its twins
wikinews   one article of gold/wikinews            its URL, exactly as in order.txt
quotes     one article of gold/wikinews            its URL (the same split as wikinews)
incidents  one pair of gold/incidents articles     the two URLs sorted and joined by "|" (``% 2``)
(pairs)
========== ======================================= =============================================
"""

from __future__ import annotations

import hashlib
from typing import Literal

from sitrep.errors import UserError

Split = Literal["dev", "test", "all"]
SPLITS: tuple[Split, ...] = ("dev", "test", "all")
MODULUS = 3
WIKINEWS_MODULUS = 2


def split_of(key: str, modulus: int = MODULUS) -> Literal["dev", "test"]:
    return "test" if int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % modulus == 0 else "dev"


def check(split: str) -> Split:
    """The split a user asked for, or a one-line error."""
    if split not in SPLITS:
        raise UserError(f"--split must be one of: {', '.join(SPLITS)}")
    return split


def keep(key: str, split: Split, modulus: int = MODULUS) -> bool:
    """Whether a record with this key is scored under ``split``."""
    return split == "all" or split_of(key, modulus) == split
