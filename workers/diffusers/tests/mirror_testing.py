"""A registry mirror for tests: a bundle written as `ecad registry export` writes it, served by a real
`python -m http.server` on 127.0.0.1 (a free port; readiness polled with a deadline, no sleeps)."""

import hashlib
import json
import socket
import subprocess
import sys
import time
from pathlib import Path


def pretty(value) -> bytes:
    """JSON as the registry writes bundle files: sorted keys, indented, a trailing newline."""
    return (json.dumps(value, sort_keys=True, indent=2) + "\n").encode()


def write_bundle(folder: Path, versions: list[tuple[dict, str]], names: dict, aliases: dict) -> None:
    """versions: (ecad.schedule/v1 document, model id); the schedule files are named by the schedule digest."""
    from ecad_diffusers.schedule import Schedule

    files = {}
    for document, model in versions:
        digest = Schedule.from_json(document).digest()
        files[f"schedules/{digest}.json"] = (json.dumps(document, sort_keys=True, separators=(",", ":")) + "\n").encode()
        record = {"digest": digest, "modelID": model, "weightsDigest": "sha256:" + "0" * 64, "sampler": "dpm-solver++-2m",
                  "steps": document["steps"], "resolution": 256, "calibrationPromptSetDigest": "0" * 64,
                  "metrics": json.dumps({"reward": 0.5, "macsRatio": 0.5}), "provenance": "{}"}
        files[f"versions/{digest}.json"] = pretty(record)
    files["aliases.json"] = pretty({"names": names, "aliases": aliases})
    entries = []
    for path, data in sorted(files.items()):
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
        entries.append({"path": path, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)})
    (folder / "manifest.json").write_bytes(pretty({"format": "ecad.registry-bundle/v1", "files": entries}))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class HTTPServer:
    """`python -m http.server` serving `folder` on 127.0.0.1 until `stop()`."""

    def __init__(self, folder: Path, deadline_s: float = 30.0):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen([sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1",
                                         "--directory", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + deadline_s
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                try:
                    self.process.wait(timeout=0.05)  # returns early only if the server exited
                except subprocess.TimeoutExpired:
                    if time.monotonic() < deadline:
                        continue
                self.stop()
                raise RuntimeError(f"http.server did not start on port {self.port}") from None

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
