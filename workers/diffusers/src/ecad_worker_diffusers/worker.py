"""`ecad-worker-diffusers`: serves one model over the JSON-lines worker protocol on stdin/stdout.

stdout carries protocol lines only: at start the real stdout is kept for the protocol and file descriptor 1 is
pointed at stderr, so stray prints of libraries land in the log. A reader thread queues the daemon's lines (and
notices a `shutdown` while a request runs, which is then abandoned); a heartbeat thread writes `heartbeat` lines
every interval from `hello` on, also while a request runs.
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import threading
import traceback

import torch

from . import __version__, protocol
from .errors import WorkerError
from .handlers import Handlers


class Abandoned(Exception):
    """A shutdown arrived while a request was running."""


class Worker:
    def __init__(self, options, output):
        self.options = options
        self.output = output
        self.write_lock = threading.Lock()
        self.lines: queue.Queue = queue.Queue()
        self.shutdown_pending = threading.Event()
        self.stop_heartbeat = threading.Event()
        self.heartbeat_interval: float | None = None
        self.greeted = False
        self.handlers = Handlers(self)

    # Output ------------------------------------------------------------------------------------------------

    def send(self, line: bytes) -> None:
        with self.write_lock:
            self.output.write(line)
            self.output.flush()

    def progress(self, request_id: str, done: int, total: int, message: str | None = None) -> None:
        self.send(protocol.progress(request_id, done, total, message))
        if self.shutdown_pending.is_set():
            raise Abandoned()

    def log(self, message: str) -> None:
        print(f"ecad-worker-diffusers: {message}", file=sys.stderr, flush=True)

    # Threads -----------------------------------------------------------------------------------------------

    def read_lines(self, stream) -> None:
        for line in stream:
            if protocol.is_shutdown(line):
                self.shutdown_pending.set()
            self.lines.put(line)
        self.lines.put(None)

    def start_heartbeat(self, interval: float) -> None:
        if self.heartbeat_interval is not None:
            return
        self.heartbeat_interval = interval

        def beat():
            seq = 0
            while not self.stop_heartbeat.wait(interval):
                self.send(protocol.heartbeat(seq))
                seq += 1

        threading.Thread(target=beat, name="heartbeat", daemon=True).start()

    # Main loop ---------------------------------------------------------------------------------------------

    def run(self, stream) -> int:
        threading.Thread(target=self.read_lines, args=(stream,), name="stdin", daemon=True).start()
        while True:
            line = self.lines.get()
            if line is None:
                self.log("stdin closed; exiting")
                return 0
            if not line.strip():
                continue
            exit_code = self.handle(line)
            if exit_code is not None:
                self.stop_heartbeat.set()
                return exit_code

    def handle(self, line: bytes) -> int | None:
        request_id = None
        try:
            request = protocol.decode(line)
            request_id = request.id
            if request.kind == "shutdown":
                self.log(f"shutdown: {request.body.get('reason')}")
                self.send(protocol.shut_down(request.id))
                return 0
            if request.kind != "hello" and not self.greeted:
                raise WorkerError("bad_request", f"{request.kind} before hello; the first request must be hello")
            self.handlers.dispatch(request)
        except Abandoned:
            self.send(protocol.failure(request_id, WorkerError("cancelled", "abandoned: shutdown requested")))
        except WorkerError as error:
            self.send(protocol.failure(request_id, error))
            if error.fatal:
                return 1
        except torch.cuda.OutOfMemoryError as error:
            torch.cuda.empty_cache()
            self.send(protocol.failure(request_id, WorkerError("out_of_memory", str(error).splitlines()[0])))
        except Exception as error:  # a bug or a library failure: report it, keep serving
            traceback.print_exc(file=sys.stderr)
            self.send(protocol.failure(request_id, WorkerError("internal", f"{type(error).__name__}: {error}")))
        return None


def build_parser(prog: str = "ecad-worker-diffusers") -> argparse.ArgumentParser:
    """The options every mode shares (serve, oneshot)."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0])
    parser.add_argument("--device", help="default device for load requests without one (cuda:0 when present)")
    parser.add_argument("--scorer", choices=["imagereward", "clip", "none"], default="imagereward",
                        help="reward for real models (default: ImageReward)")
    parser.add_argument("--imagereward-dir", help="folder with ImageReward.pt and med_config.json "
                        "(default $ECAD_IMAGEREWARD_DIR)")
    parser.add_argument("--clip-checkpoint", help="open_clip ViT-B-32 checkpoint (default $ECAD_CLIP_CHECKPOINT)")
    parser.add_argument("--fid-stats-dir", help="FID reference statistics (default $ECAD_FID_STATS_DIR)")
    parser.add_argument("--ecad", help="ecad binary whose `shapes score` gives shapes32 rewards "
                        "(default $ECAD_BIN, then ecad on the PATH)")
    parser.add_argument("--max-batch", type=int, help="largest number of images per pipeline call")
    parser.add_argument("--version", action="version", version=__version__)
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["oneshot"]:
        from . import oneshot  # request files in, result files out (batch systems)
        sys.exit(oneshot.main(arguments[1:]))
    options = parse(arguments)
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    code = Worker(options, protocol_out).run(sys.stdin.buffer)
    protocol_out.flush()
    sys.stderr.flush()
    # The stdin reader thread may still block in a read; a normal interpreter exit would abort on its lock.
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
