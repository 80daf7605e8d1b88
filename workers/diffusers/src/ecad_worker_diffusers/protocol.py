"""The daemon <-> worker JSON-lines protocol, version 1 (Sources/ECADWorkerProtocol, docs/worker-protocol.md).

Every line is one JSON object with the envelope fields `v` (protocol version), `type`, and for requests and their
answers `id`; a `result` also names the request kind in `of`. Keys are snake_case. This module is the only place
that knows the wire format: the worker builds replies with the functions below and reads requests with `decode`.

Requests (daemon -> worker): hello, load, evaluate, generate, shutdown.
Replies (worker -> daemon): capabilities, progress, heartbeat, result (of load / evaluate / generate / shutdown),
error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .errors import WorkerError

VERSION = 1
MAX_LINE_BYTES = 16 * 1024 * 1024
DEFAULT_HEARTBEAT_INTERVAL = 2.0
REQUEST_KINDS = ("hello", "load", "evaluate", "generate", "shutdown")

#: Required fields of each request body, with their JSON types (checked on decode).
_REQUIRED = {
    "hello": {"protocol_versions": list},
    "load": {"model": str},
    "evaluate": {"schedules": list, "prompts": list, "seeds": list, "sampler": dict},
    "generate": {"prompts": list, "seeds": list, "sampler": dict, "artifact_dir": str},
    "shutdown": {"reason": str},
}


@dataclass
class Request:
    """A decoded daemon request: its kind, id and body (the fields other than the envelope)."""

    kind: str
    id: str
    body: dict


@dataclass
class Sampler:
    """Sampler settings of a request (defaults: the reference setup)."""

    name: str = "dpmpp-2m"
    steps: int = 20
    guidance: float = 4.5

    @staticmethod
    def from_json(value: dict) -> "Sampler":
        try:
            return Sampler(str(value.get("name", "dpmpp-2m")), int(value.get("steps", 20)),
                           float(value.get("guidance", 4.5)))
        except (TypeError, ValueError):
            raise WorkerError("bad_request", f"sampler: expected {{name, steps, guidance}}, got {value}") from None


def decode(line: bytes | str) -> Request:
    """Parses one daemon line; a WorkerError (code `bad_request`) names what is wrong."""
    if len(line) > MAX_LINE_BYTES:
        raise WorkerError("bad_request", f"line of {len(line)} bytes exceeds {MAX_LINE_BYTES}")
    try:
        value = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise WorkerError("bad_request", "line is not valid JSON") from None
    if not isinstance(value, dict):
        raise WorkerError("bad_request", "line is not a JSON object")
    if value.get("v") != VERSION:
        raise WorkerError("bad_request", f"\"v\": {value.get('v')!r}, this worker speaks {VERSION}")
    kind, request_id = value.get("type"), value.get("id")
    if kind not in REQUEST_KINDS:
        raise WorkerError("bad_request", f"\"type\": {kind!r} is not a daemon request")
    if not isinstance(request_id, str):
        raise WorkerError("bad_request", "request without a string \"id\"")
    body = {k: v for k, v in value.items() if k not in ("v", "type", "id")}
    for field, expected in _REQUIRED[kind].items():
        if not isinstance(body.get(field), expected):
            raise WorkerError("bad_request", f"{kind}: missing or mistyped field \"{field}\"")
    return Request(kind, request_id, body)


def is_shutdown(line: bytes) -> bool:
    """Whether a raw line is a shutdown request (checked by the reader thread while a request runs)."""
    try:
        value = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return isinstance(value, dict) and value.get("type") == "shutdown"


def encode(kind: str, request_id: str | None = None, of: str | None = None, **fields) -> bytes:
    """One worker line, newline included: envelope first, then the message's own fields."""
    message = {"v": VERSION, "type": kind}
    if request_id is not None:
        message["id"] = request_id
    if of is not None:
        message["of"] = of
    message.update(fields)
    return (json.dumps(message, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def capabilities(request_id: str, models: list[dict], devices: list[str], version: str) -> bytes:
    return encode("capabilities", request_id, protocol_version=VERSION, backend="diffusers", models=models,
                  devices=devices, worker_version=version)


def loaded(request_id: str, model: str, digest: str | None, steps: int, blocks: int, components: list[str]) -> bytes:
    fields = {"model": model, "steps": steps, "blocks": blocks, "components": components}
    if digest is not None:
        fields["digest"] = digest
    return encode("result", request_id, of="load", **fields)


def evaluation(index: int, rewards: list[float], macs: float, latency_seconds: float) -> dict:
    return {"index": index, "rewards": rewards, "macs": macs, "latency_seconds": latency_seconds}


def evaluated(request_id: str, evaluations: list[dict]) -> bytes:
    return encode("result", request_id, of="evaluate", evaluations=evaluations)


def image(prompt_index: int, seed: int, path: str, latency_seconds: float, macs: float) -> dict:
    return {"prompt_index": prompt_index, "seed": seed, "path": path, "latency_seconds": latency_seconds, "macs": macs}


def generated(request_id: str, images: list[dict]) -> bytes:
    return encode("result", request_id, of="generate", images=images)


def shut_down(request_id: str) -> bytes:
    return encode("result", request_id, of="shutdown")


def progress(request_id: str, done: int, total: int, message: str | None = None) -> bytes:
    fields = {"done": done, "total": total}
    if message is not None:
        fields["message"] = message
    return encode("progress", request_id, **fields)


def heartbeat(seq: int) -> bytes:
    return encode("heartbeat", seq=seq)


def failure(request_id: str | None, error: WorkerError) -> bytes:
    return encode("error", request_id, code=error.code, message=error.message, fatal=error.fatal)
