"""Errors of ecad_diffusers: one base class with a machine-readable code, and one subclass per refusal.

The diffusers worker reports every `EcadError` as a protocol `error` line (it imports this class as its
WorkerError); a user of `ecad_diffusers.enable` catches the subclasses to tell the refusals apart.
"""

from __future__ import annotations


class EcadError(Exception):
    """A failure with a code and a message that names what is wrong.

    `code` is one of the worker protocol's classes (`bad_request`, `unknown_model`, `not_loaded`,
    `missing_weights`, `out_of_memory`, `internal`, ...); for missing files the message says what to fetch and
    which variable or flag points at it.
    """

    def __init__(self, code: str, message: str, fatal: bool = False):
        super().__init__(message)
        self.code = code
        self.message = message
        self.fatal = fatal

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class _Refusal(EcadError):
    """An EcadError whose code is fixed by its class."""

    default_code = "bad_request"

    def __init__(self, message: str):
        super().__init__(self.default_code, message)


class ScheduleError(_Refusal):
    """The schedule cannot be read: a bad file, document, reference or registry answer."""


class ModelMismatch(_Refusal):
    """The schedule was made for another model or block layout than the pipeline's."""


class StepCountMismatch(_Refusal):
    """The run's step count (`num_inference_steps`) is not the schedule's."""


class ForwardChunkingError(_Refusal):
    """A cached module would be called more than once per step (diffusers' forward chunking, true CFG)."""


class UnsupportedPipeline(_Refusal):
    """The pipeline or transformer is not one ecad knows how to cache."""

    default_code = "unknown_model"


class MirrorError(_Refusal):
    """A registry mirror is unreachable, malformed, or served a file whose digest or size is wrong."""
