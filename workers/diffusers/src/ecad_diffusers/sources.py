"""Where a schedule comes from: a `Schedule`, a dict, a file, the `ecad` CLI's registry, or a registry mirror.

`resolve` turns any of them into a `ResolvedSchedule`: the schedule, the model id it names (None for the reference
format, which names none) and its metrics. A string is tried in this order: `http(s)://MIRROR#REF`; REF with a
`mirror=` URL; an existing file; REF on the mirror `$ECAD_MIRROR` names, if set; else a registry reference through
`ecad registry get REF -o FILE` (the `ecad` binary from the `ecad=` argument, `$ECAD_BIN` or the PATH; it talks to
the user's ecadd).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field

from .errors import EcadError, ScheduleError
from .mirror import Mirror
from .schedule import Schedule


@dataclass
class ResolvedSchedule:
    schedule: Schedule
    model: str | None = None
    metrics: dict = field(default_factory=dict)
    #: Where it came from, for messages: a path, a URL with its reference, or `ecad registry get REF`.
    origin: str = "argument"


def from_document(doc: dict, origin: str) -> ResolvedSchedule:
    """An `ecad.schedule/v1` document (model from its `model` field) or a reference-format document."""
    if not isinstance(doc, dict):
        raise ScheduleError(f"{origin}: expected a JSON object, got {type(doc).__name__}")
    try:
        schedule = Schedule.from_json(doc)
    except EcadError as error:
        raise ScheduleError(f"{origin}: {error.message}") from None
    metrics = doc.get("metrics") if isinstance(doc.get("metrics"), dict) else {}
    model = None if "cache_schedule" in doc else doc.get("model")
    return ResolvedSchedule(schedule, model, metrics, origin)


def load_file(path: str) -> ResolvedSchedule:
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, json.JSONDecodeError) as error:
        raise ScheduleError(f"cannot read schedule {path}: {error}") from None
    return from_document(doc, path)


def find_ecad(binary: str | None) -> str | None:
    return binary or os.environ.get("ECAD_BIN") or shutil.which("ecad")


def from_registry(ref: str, binary: str | None) -> ResolvedSchedule:
    """`ecad registry get REF -o FILE` (ecad.schedule/v1), read back."""
    ecad = find_ecad(binary)
    if ecad is None:
        raise ScheduleError(f"{ref!r} is not a file, and there is no `ecad` (ecad=, $ECAD_BIN or PATH) to resolve it "
                            "as a registry reference; give a file, a dict, mirror=URL or $ECAD_MIRROR")
    with tempfile.TemporaryDirectory(prefix="ecad-diffusers-") as folder:
        out = os.path.join(folder, "schedule.json")
        try:
            run = subprocess.run([ecad, "registry", "get", ref, "-o", out], capture_output=True, text=True,
                                 timeout=120)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ScheduleError(f"`{ecad} registry get {ref}` failed: {error}") from None
        if run.returncode != 0:
            detail = (run.stderr or run.stdout).strip()[-500:]
            raise ScheduleError(f"`{ecad} registry get {ref}` failed (status {run.returncode}): {detail}")
        resolved = load_file(out)
    resolved.origin = f"ecad registry get {ref}"
    return resolved


def from_mirror(mirror: Mirror, ref: str) -> ResolvedSchedule:
    """REF from a mirror: its schedule file, with the model id and metrics of its version record."""
    version = mirror.get(ref)
    resolved = from_document(version.document, f"{mirror.url}#{ref}")
    resolved.model, resolved.metrics = version.model, version.metrics
    return resolved


def resolve(source, *, mirror: str | None = None, ecad: str | None = None) -> ResolvedSchedule:
    """Any accepted schedule argument as a ResolvedSchedule (see the module doc for the order)."""
    if isinstance(source, ResolvedSchedule):
        return source
    if isinstance(source, Schedule):
        return ResolvedSchedule(source, None, {}, "Schedule object")
    if isinstance(source, dict):
        return from_document(source, "schedule document")
    if not isinstance(source, (str, os.PathLike)):
        raise ScheduleError(f"schedule: expected a path, dict, Schedule or reference, got {type(source).__name__}")
    text = os.fspath(source)
    if text.startswith(("http://", "https://")):
        base, _, ref = text.partition("#")
        if not ref:
            raise ScheduleError(f"{text}: a mirror URL needs the reference after '#' (MIRROR#NAME@LABEL)")
        return from_mirror(Mirror(base), ref)
    if mirror is not None:
        return from_mirror(Mirror(mirror), text)
    if os.path.isfile(text):
        return load_file(text)
    if os.environ.get("ECAD_MIRROR"):
        return from_mirror(Mirror(os.environ["ECAD_MIRROR"]), text)
    return from_registry(text, ecad)
