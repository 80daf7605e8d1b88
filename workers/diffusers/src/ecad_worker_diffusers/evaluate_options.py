"""The optional fields of an `evaluate` request (docs/worker-protocol.md), checked before any sampling."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .errors import WorkerError

#: The most timed repetitions one request may ask for per schedule.
MAX_LATENCY_REPEATS = 10
#: The reference-set names `frechet_reference` accepts.
FRECHET_REFERENCES = ("prompts",)


@dataclass(frozen=True)
class EvaluateOptions:
    baseline_index: int | None = None
    frechet_reference: str | None = None
    latency_repeats: int = 1
    reports_repeats: bool = False
    image_directory: str | None = None

    @staticmethod
    def from_body(body: dict, schedule_count: int) -> "EvaluateOptions":
        """The checked options; a WorkerError `bad_request` names the first bad field."""
        base = body.get("baseline_index")
        if base is not None and (not _is_int(base) or not 0 <= base < schedule_count):
            raise WorkerError("bad_request",
                              f"baseline_index {base!r} is out of range: the request has {schedule_count} schedules")
        reference = body.get("frechet_reference")
        if reference is not None and reference not in FRECHET_REFERENCES:
            raise WorkerError("bad_request", f"frechet_reference {reference!r} is not supported; supported: "
                                             + ", ".join(f'"{r}"' for r in FRECHET_REFERENCES))
        repeats = body.get("latency_repeats")
        if repeats is not None and (not _is_int(repeats) or not 1 <= repeats <= MAX_LATENCY_REPEATS):
            raise WorkerError("bad_request", f"latency_repeats must be 1...{MAX_LATENCY_REPEATS}, got {repeats!r}")
        folder = body.get("image_directory")
        if folder is not None:
            folder = _checked_directory(folder)
        return EvaluateOptions(base, reference, repeats or 1, repeats is not None, folder)

    def order(self, schedule_count: int) -> list[int]:
        """Schedule indices in evaluation order: the baseline first, then the rest in request order."""
        rest = [i for i in range(schedule_count) if i != self.baseline_index]
        return rest if self.baseline_index is None else [self.baseline_index] + rest


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _checked_directory(path) -> str:
    if not isinstance(path, str) or not path.startswith("/"):
        raise WorkerError("bad_request", f"image_directory {path!r} is not an absolute path")
    parts = [p for p in path.split("/") if p]
    if "." in parts or ".." in parts:
        raise WorkerError("bad_request", f'image_directory {path!r} must not contain "." or ".." components')
    if not os.path.exists(path):
        raise WorkerError("bad_request", f"image_directory {path!r} does not exist")
    if not os.path.isdir(path):
        raise WorkerError("bad_request", f"image_directory {path!r} is not a directory")
    return "/" + "/".join(parts)
