"""The one error type of the worker: every bad input or missing file becomes a WorkerError with a code."""

from __future__ import annotations


class WorkerError(Exception):
    """A failure the worker reports as a protocol `error` line.

    `code` is one of the protocol's machine-readable classes (`bad_request`, `unknown_model`, `not_loaded`,
    `missing_weights`, `out_of_memory`, `internal`, ...); the message names what is wrong and, for missing
    files, what to fetch and which variable or flag points at it.
    """

    def __init__(self, code: str, message: str, fatal: bool = False):
        super().__init__(message)
        self.code = code
        self.message = message
        self.fatal = fatal

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"
