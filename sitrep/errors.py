"""One hierarchy for every error sitrep raises on purpose; the CLI and the API map it in one place."""

from __future__ import annotations


class SitrepError(Exception):
    """Base of sitrep's own errors: the message is meant for the user, one line."""

    exit_code = 1
    http_status = 400


class UserError(SitrepError):
    """The user asked for something that cannot be done (bad path, bad date, unknown name)."""

    exit_code = 2


class InputError(SitrepError):
    """One input item could not be read; it becomes a ``rejects`` row and the batch goes on."""


class StoreLocked(SitrepError):
    """Another process is writing to the store."""

    exit_code = 3
    http_status = 503


class StoreWriteFailed(SitrepError):
    """The store could not be written (a full disk): the transaction in progress is not stored."""

    exit_code = 4
    http_status = 507


class TooLarge(SitrepError):
    """A request body over the cap: refused before (Content-Length) or while (streaming) it is read."""

    http_status = 413


class NotFound(SitrepError):
    http_status = 404


class Unauthorized(SitrepError):
    http_status = 401
