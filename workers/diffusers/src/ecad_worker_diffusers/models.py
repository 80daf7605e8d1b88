"""The models this worker can load, by id, and how each is loaded."""

from __future__ import annotations

import sys

import torch

from .backend import Backend
from .errors import WorkerError
from .pipelines import MODELS as PIPELINE_MODELS
from ecad_diffusers.schedule import BLOCK_COMPONENTS
from .synthetic_backend import SyntheticBackend

PIXART = list(BLOCK_COMPONENTS["pixart"])
FLUX = list(BLOCK_COMPONENTS["flux_double"] + BLOCK_COMPONENTS["flux_single"])

#: Model id -> component names of its schedules (the capabilities answer).
CATALOG = {
    "shapes32": PIXART,
    "pixart-alpha-256": PIXART,
    "pixart-sigma-256": PIXART,
    "flux1-dev-256": FLUX,
    "tiny-pixart": PIXART,
    "tiny-flux": FLUX,
}


def devices() -> list[str]:
    return ["cpu"] + [f"cuda:{i}" for i in range(torch.cuda.device_count())]


def resolve_device(name: str | None) -> torch.device:
    """The named device; without a name, the GPU with the most free memory (so several worker slots on one
    server spread over its GPUs), or the CPU when there is none."""
    if name is None and torch.cuda.is_available():
        free = [torch.cuda.mem_get_info(i)[0] for i in range(torch.cuda.device_count())]
        name = f"cuda:{free.index(max(free))}"
    name = name or "cpu"
    if name not in devices():
        raise WorkerError("bad_request", f"device {name!r} is not available here; available: {', '.join(devices())}")
    return torch.device(name)


def load_backend(model_id: str, path: str | None, device: torch.device, options) -> Backend:
    """Loads `model_id` (weights from `path` or the model's default location)."""
    if model_id in SyntheticBackend.MODELS:
        return SyntheticBackend(model_id, device)
    if model_id == "shapes32":
        from .shapes32 import Shapes32Backend

        backend = Shapes32Backend(path, device, options.ecad)
        if backend.reward is None:
            print("ecad-worker-diffusers: no `ecad shapes score` found (--ecad, $ECAD_BIN, PATH): shapes32 "
                  "evaluations carry no rewards", file=sys.stderr, flush=True)
        return backend
    if model_id in PIPELINE_MODELS:
        from .pipelines import PipelineBackend

        backend = PipelineBackend(model_id, path, device)
        backend.scorer = make_scorer(options, str(device))
        if options.max_batch:
            backend.max_batch = options.max_batch
        return backend
    raise WorkerError("unknown_model", f"unknown model {model_id!r}; known: {', '.join(CATALOG)}")


_SCORERS: dict[tuple[str, str], object] = {}


def make_scorer(options, device: str):
    """The reward scorer named by --scorer (ImageReward by default), loaded once per worker and device."""
    from . import scorers

    if options.scorer == "none":
        return None
    key = (options.scorer, device)
    if key not in _SCORERS:
        if options.scorer == "clip":
            _SCORERS[key] = scorers.ClipScorer(options.clip_checkpoint, device)
        else:
            _SCORERS[key] = scorers.ImageRewardScorer(options.imagereward_dir, device)
    return _SCORERS[key]
