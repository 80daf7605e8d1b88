"""The worker's answers to hello, load, evaluate and generate."""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np

from . import __version__, fidelity, protocol
from .backend import Backend
from .errors import WorkerError
from .evaluate_options import EvaluateOptions
from .image_writer import write_schedule_images
from .models import CATALOG, devices, load_backend, resolve_device
from .protocol import Request, Sampler
from ecad_diffusers.schedule import Schedule
from .timing import median, timed


def _strings(value, field: str) -> list[str]:
    if not value or not all(isinstance(v, str) for v in value):
        raise WorkerError("bad_request", f"{field}: expected a non-empty array of strings")
    return value


def _seeds(value) -> list[int]:
    if not value or not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**64 for v in value):
        raise WorkerError("bad_request", "seeds: expected a non-empty array of integers in 0..<2^64")
    return value


@dataclass
class Progress:
    """Images done of a request's total, for `progress` lines."""
    request_id: str
    total: int
    done: int = 0


class Handlers:
    def __init__(self, worker):
        self.worker = worker
        self.backend: Backend | None = None
        self.warm = False

    def dispatch(self, request: Request) -> None:
        getattr(self, request.kind)(request)

    def require_backend(self) -> Backend:
        if self.backend is None:
            raise WorkerError("not_loaded", "no model is loaded; send load first")
        return self.backend

    # hello / load ------------------------------------------------------------------------------------------

    def hello(self, request: Request) -> None:
        versions = request.body["protocol_versions"]
        if protocol.VERSION not in versions:
            raise WorkerError("unsupported_version",
                              f"daemon speaks versions {versions}; this worker speaks {protocol.VERSION}", fatal=True)
        interval = request.body.get("heartbeat_interval", protocol.DEFAULT_HEARTBEAT_INTERVAL)
        if not isinstance(interval, (int, float)) or interval <= 0:
            raise WorkerError("bad_request", f"heartbeat_interval: expected seconds > 0, got {interval!r}")
        self.worker.log(f"hello from daemon {request.body.get('daemon_version', '?')}")
        models = [{"id": m, "components": c} for m, c in CATALOG.items()]
        self.worker.send(protocol.capabilities(request.id, models, devices(), __version__))
        self.worker.greeted = True
        self.worker.start_heartbeat(float(interval))

    def load(self, request: Request) -> None:
        body = request.body
        device = resolve_device(body.get("device") or self.worker.options.device)
        self.backend = None
        self.warm = False
        self.worker.log(f"loading {body['model']} on {device}")
        backend = load_backend(body["model"], body.get("path"), device, self.worker.options)
        self.backend = backend
        self.worker.send(protocol.loaded(request.id, body["model"], backend.digest(), backend.default_steps,
                                         backend.layout.block_count, backend.layout.components))

    # evaluate / generate -----------------------------------------------------------------------------------

    def schedule(self, backend: Backend, wire, sampler: Sampler) -> Schedule:
        if not isinstance(wire, dict):
            raise WorkerError("bad_request", "schedule: expected an object")
        schedule = Schedule.from_document(wire, backend.layout)
        if schedule.steps != sampler.steps:
            raise WorkerError("bad_request", f"schedule has {schedule.steps} steps but the sampler runs {sampler.steps}")
        return schedule

    def warm_up(self, backend: Backend, prompt: str, sampler: Sampler) -> None:
        """One untimed run per load, so the first timed batch pays no start-up costs."""
        if not self.warm:
            backend.set_schedule(None)
            backend.render([prompt], [0], sampler)
            self.warm = True

    def batches(self, backend: Backend, prompts: list[str]):
        size = max(1, backend.max_batch)
        for start in range(0, len(prompts), size):
            yield start, prompts[start:start + size]

    def evaluate(self, request: Request) -> None:
        """Scores every schedule (the baseline first) and answers in request order; the optional fields of
        docs/worker-protocol.md are filled only when asked (this worker has no Fréchet reference set)."""
        backend = self.require_backend()
        body = request.body
        sampler = Sampler.from_json(body["sampler"])
        backend.check_sampler(sampler)
        prompts, seeds = _strings(body["prompts"], "prompts"), _seeds(body["seeds"])
        schedules = [self.schedule(backend, w, sampler) for w in body["schedules"]]
        options = EvaluateOptions.from_body(body, len(schedules))
        if options.frechet_reference is not None:
            self.worker.log("frechet_reference: this worker has no reference renderer; frechet_distance is omitted")
        progress = Progress(request.id, len(schedules) * len(prompts) * len(seeds) * options.latency_repeats)
        self.warm_up(backend, prompts[0], sampler)
        evaluations, baseline = [None] * len(schedules), None
        for index in options.order(len(schedules)):
            schedule = schedules[index]
            backend.set_schedule(schedule)
            runs = [self.sample(backend, prompts, seeds, sampler, progress, f"schedule {index + 1}/{len(schedules)}",
                                score=repeat == 0) for repeat in range(options.latency_repeats)]
            rewards, images = runs[0][0], runs[0][2]
            seconds = [run[1] for run in runs]
            self.worker.log(f"schedule {index}: {schedule.name or 'unnamed'}, peak cache "
                            f"{backend.cache.peak_bytes / 2**20:.1f} MiB, {sum(seconds):.2f} s")
            evaluation = protocol.evaluation(index, rewards, backend.macs(schedule), median(seconds))
            if options.reports_repeats:
                evaluation["latency_repeats"] = seconds
            if options.baseline_index is not None:
                if index == options.baseline_index:
                    baseline = images
                psnr, ssim = fidelity.compare(images, baseline)
                evaluation.update({"ssim": ssim} if psnr is None else {"psnr": psnr, "ssim": ssim})
            if options.image_directory is not None:
                evaluation["images"], evaluation["grid"] = write_schedule_images(
                    options.image_directory, index, prompts, seeds, images)
            evaluations[index] = evaluation
        backend.set_schedule(None)
        self.worker.send(protocol.evaluated(request.id, evaluations))

    def sample(self, backend: Backend, prompts: list[str], seeds: list[int], sampler: Sampler, progress: "Progress",
               note: str, score: bool) -> tuple[list[float], float, list[np.ndarray]]:
        """One pass over prompts x seeds: rewards per prompt (mean over seeds; [] when unscored or without a
        scorer), seconds per image, and the images prompt-major then seed."""
        sums, scored, seconds, images = np.zeros(len(prompts)), score, 0.0, {}
        for s, seed in enumerate(seeds):
            for start, chunk in self.batches(backend, prompts):
                pixels, elapsed = timed(lambda: backend.render(chunk, [seed] * len(chunk), sampler), backend.device)
                seconds += elapsed
                for offset, image in enumerate(pixels):
                    images[(start + offset, s)] = image
                rewards = backend.rewards(chunk, [seed] * len(chunk), pixels, sampler) if score else None
                if rewards is None:
                    scored = False
                else:
                    sums[start:start + len(chunk)] += rewards
                progress.done += len(chunk)
                self.worker.progress(progress.request_id, progress.done, progress.total, note)
        ordered = [images[(p, s)] for p in range(len(prompts)) for s in range(len(seeds))]
        return ((sums / len(seeds)).tolist() if scored else []), seconds / len(ordered), ordered

    def generate(self, request: Request) -> None:
        backend = self.require_backend()
        body = request.body
        sampler = Sampler.from_json(body["sampler"])
        backend.check_sampler(sampler)
        prompts, seeds = _strings(body["prompts"], "prompts"), _seeds(body["seeds"])
        folder = body["artifact_dir"]
        if not os.path.isdir(folder):
            raise WorkerError("bad_request", f"artifact_dir: {folder} is not an existing directory")
        wire = body.get("schedule")
        schedule = (self.schedule(backend, wire, sampler) if wire is not None
                    else Schedule.all_compute(sampler.steps, backend.layout))
        self.warm_up(backend, prompts[0], sampler)
        backend.set_schedule(schedule)
        macs = backend.macs(schedule)
        images, done = {}, 0
        for seed in seeds:
            for start, chunk in self.batches(backend, prompts):
                pixels, elapsed = timed(lambda: backend.render(chunk, [seed] * len(chunk), sampler), backend.device)
                for offset, image in enumerate(pixels):
                    path = write_png(folder, start + offset, seed, image)
                    images[(start + offset, seed)] = protocol.image(start + offset, seed, path, elapsed / len(chunk), macs)
                done += len(chunk)
                self.worker.progress(request.id, done, len(prompts) * len(seeds))
        backend.set_schedule(None)
        ordered = [images[(p, s)] for p in range(len(prompts)) for s in seeds]
        self.worker.send(protocol.generated(request.id, ordered))


def write_png(folder: str, prompt_index: int, seed: int, image: np.ndarray) -> str:
    """Writes `p<prompt>-s<seed>.png` atomically (temporary name, then rename) and returns its absolute path."""
    from PIL import Image

    path = os.path.abspath(os.path.join(folder, f"p{prompt_index:05d}-s{seed}.png"))
    temporary = path + ".part"
    Image.fromarray(image).save(temporary, format="PNG")
    os.replace(temporary, path)
    return path
