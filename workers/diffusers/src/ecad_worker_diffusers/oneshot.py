"""`ecad-worker-diffusers oneshot`: the worker protocol through files, for batch systems such as Slurm.

A request file holds protocol command lines (a `load`, then `evaluate` or `generate` requests); its result file gets
the answer lines (progress and heartbeats left out), written to `<result>.tmp` and renamed into place. A request that
fails is answered by an `error` line and the file is still written. With `--folder`, this task takes every
`--slots`-th `request-<chunk>.json` starting at `--slot` (in chunk order) and writes `result-<chunk>.json` beside
it; a model is loaded once and kept while the following files name the same one. Exits 0 only when every result
file is in place (docs/worker-protocol.md, "One-shot mode"; the native worker's `ecad-worker oneshot` is the same).
"""

from __future__ import annotations

import json
import os
import re
import sys

from . import protocol
from .errors import WorkerError
from .worker import Worker, build_parser

_REQUEST = re.compile(r"request-(\d+)\.json")


class Collector:
    """A stand-in for the protocol output that keeps final answer lines in memory."""

    def __init__(self):
        self.lines: list[bytes] = []

    def write(self, line: bytes) -> None:
        kind = json.loads(line).get("type")
        if kind not in ("progress", "heartbeat"):
            self.lines.append(line)

    def flush(self) -> None:
        pass


def folder_pairs(folder: str, slot: int, slots: int) -> list[tuple[str, str]]:
    """The (request, result) files slot `slot` of `slots` takes: chunks at positions slot, slot + slots, ..."""
    chunks = sorted(int(m.group(1)) for name in os.listdir(folder) if (m := _REQUEST.fullmatch(name)))
    return [(f"{folder}/request-{c}.json", f"{folder}/result-{c}.json") for c in chunks[slot::slots]]


class OneshotRunner:
    """Answers request files with one Worker, so the model stays loaded from one file to the next."""

    def __init__(self, options):
        self.collector = Collector()
        self.worker = Worker(options, self.collector)
        self.worker.greeted = True  # no hello in a request file; no heartbeats either
        self.loaded_body: dict | None = None
        self.loaded_line: bytes | None = None

    def answer(self, request_file: str) -> list[bytes]:
        self.collector.lines = []
        try:
            with open(request_file, "rb") as f:
                lines = [line for line in f.read().splitlines() if line.strip()]
        except OSError as error:
            return [protocol.failure(None, WorkerError("request_unreadable", f"{request_file}: {error}"))]
        for line in lines:
            if self.reuse_load(line):
                continue
            before = len(self.collector.lines)
            self.worker.handle(line)
            answers = self.collector.lines[before:]
            if any(json.loads(a).get("type") == "error" for a in answers):
                break
            self.remember_load(line, answers)
        return self.collector.lines

    def reuse_load(self, line: bytes) -> bool:
        """Answers a load of the model already loaded from the earlier answer, without loading it again."""
        try:
            request = protocol.decode(line)
        except WorkerError:
            return False
        if request.kind != "load" or self.loaded_body != request.body or self.loaded_line is None:
            return False
        answer = json.loads(self.loaded_line)
        answer["id"] = request.id
        self.collector.lines.append(json.dumps(answer, separators=(",", ":")).encode() + b"\n")
        return True

    def remember_load(self, line: bytes, answers: list[bytes]) -> None:
        request = protocol.decode(line)
        if request.kind == "load" and answers:
            self.loaded_body, self.loaded_line = request.body, answers[-1]


def write_atomically(path: str, lines: list[bytes]) -> None:
    temporary = path + ".tmp"
    with open(temporary, "wb") as f:
        f.writelines(lines)
        f.flush()
        os.fsync(f.fileno())
    os.rename(temporary, path)


def main(argv: list[str]) -> int:
    parser = build_parser("ecad-worker-diffusers oneshot")
    parser.add_argument("--request", action="append", default=[], help="request file (repeat with --result)")
    parser.add_argument("--result", action="append", default=[], help="result file for the --request at that position")
    parser.add_argument("--folder", help="folder of request-<chunk>.json files (instead of --request/--result)")
    parser.add_argument("--slot", type=int, default=0, help="this task's slot (with --folder)")
    parser.add_argument("--slots", type=int, default=1, help="number of slots (with --folder)")
    options = parser.parse_args(argv)
    if len(options.request) != len(options.result):
        parser.error("--request and --result must pair up")
    if (options.folder is None) == (not options.request):
        parser.error("give either --folder or --request/--result")
    if not 0 <= options.slot < options.slots:
        parser.error("--slot must be in 0..<--slots")
    pairs = (folder_pairs(options.folder, options.slot, options.slots) if options.folder
             else list(zip(options.request, options.result)))
    runner = OneshotRunner(options)
    unwritten = 0
    for request_file, result_file in pairs:
        if os.path.exists(result_file):
            continue
        lines = runner.answer(request_file)
        try:
            write_atomically(result_file, lines)
        except OSError as error:
            print(f"ecad-worker-diffusers: cannot write {result_file}: {error}", file=sys.stderr)
            unwritten += 1
    return 1 if unwritten else 0
