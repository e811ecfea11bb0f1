"""Errors that carry a reason code and a sentence a user can act on."""

from __future__ import annotations


class IngestError(Exception):
    """An input that cannot become an article.

    ``reason`` is a short stable code stored on the raw item and shown in
    reports (``empty``, ``binary``, ``too_large``, ``bad_encoding``,
    ``unknown_format``, ``no_article``, ``fetch_failed``, ``not_found``);
    ``str(error)`` is the sentence for the user.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotAnArticle(IngestError):
    """A valid item that is not a text story (a picture, video, event or planning item).

    Accepted and kept as a raw item, never an error: the outcome is
    ``skipped`` with this reason, and the exit status stays 0.
    """

    def __init__(self, message: str) -> None:
        super().__init__("not_an_article", message)
