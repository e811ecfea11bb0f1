"""Why the API refuses a request: an HTTP status, a stable code for programs, a sentence for people."""

from __future__ import annotations


class ApiError(Exception):
    """Raised anywhere below a view; ``responses.api_view`` answers it as ``{"error": {"code", "message"}}``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def bad_parameter(name: str, problem: str) -> ApiError:
    """400: ``page`` is not a positive integer, ``since`` is not a date-time…"""
    return ApiError(400, "bad_parameter", f"{name}: {problem}")


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", what)
