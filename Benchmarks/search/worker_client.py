"""A minimal client of the worker protocol (docs/worker-protocol.md): spawn `ecad-worker serve`, handshake, load a
model, send evaluate requests one at a time. Used by the pymoo peer and the held-out evaluation."""
import base64
import json
import subprocess

import numpy as np


class WorkerError(RuntimeError):
    pass


class Worker:
    def __init__(self, binary, log_path):
        self._log = open(log_path, "ab")
        self._proc = subprocess.Popen(
            [binary, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log)
        self._next_id = 0
        self._call({"type": "hello", "protocol_versions": [1], "heartbeat_interval": 2.0,
                    "daemon_version": "search-bench"}, answer="capabilities")

    def _call(self, message, answer="result"):
        self._next_id += 1
        request_id = str(self._next_id)
        line = json.dumps({"v": 1, "id": request_id, **message}) + "\n"
        self._proc.stdin.write(line.encode())
        self._proc.stdin.flush()
        while True:
            raw = self._proc.stdout.readline()
            if not raw:
                raise WorkerError(f"worker exited (code {self._proc.poll()}) during {message['type']}")
            reply = json.loads(raw)
            if reply.get("id") != request_id:
                continue
            if reply["type"] == "error":
                raise WorkerError(f"{reply.get('code')}: {reply.get('message')}")
            if reply["type"] == answer:
                return reply

    def load(self, model, path=None):
        """Loads `model` (from the folder `path`, as the daemon sends it); returns (steps, blocks, components)."""
        reply = self._call({"type": "load", "model": model, "path": path, "device": "cpu"})
        return reply["steps"], reply["blocks"], reply["components"]

    def evaluate(self, schedules, prompts, seeds, sampler, **extra):
        """Evaluations (dicts with rewards, macs, latency_seconds, ...) in schedule order."""
        reply = self._call({"type": "evaluate", "schedules": schedules, "prompts": prompts, "seeds": seeds,
                            "sampler": sampler, **extra})
        return sorted(reply["evaluations"], key=lambda e: e["index"])

    def close(self):
        try:
            self._call({"type": "shutdown", "reason": "benchmark done"})
        except (WorkerError, BrokenPipeError):
            pass
        self._proc.stdin.close()
        self._proc.wait(timeout=60)
        self._log.close()


def wire_schedule(bits, steps, blocks, components):
    """The bare schedule part of a request from a flat 0/1 array of S·B·C bits (1 = compute)."""
    packed = np.packbits(np.asarray(bits, dtype=np.uint8), bitorder="big").tobytes()
    return {"steps": steps, "blocks": blocks, "components": components,
            "bits": base64.b64encode(packed).decode()}


def bits_of(document):
    """The flat 0/1 array of an ecad schedule document (or bare schedule)."""
    count = document["steps"] * document["blocks"] * len(document["components"])
    packed = np.frombuffer(base64.b64decode(document["bits"]), dtype=np.uint8)
    return np.unpackbits(packed, bitorder="big")[:count].astype(np.uint8)
