"""ecad_diffusers: apply a published ecad caching schedule to your own diffusers pipeline in one call.

    import ecad_diffusers
    handle = ecad_diffusers.enable(pipe, "schedule.json")      # or a dict, a registry reference, MIRROR#REF
    image = pipe(prompt, num_inference_steps=handle.schedule.steps).images[0]
    print(handle.macs_fraction)                               # MACs under the schedule / uncached
    ecad_diffusers.disable(pipe)                              # exactly the uncached pipeline again

    with ecad_diffusers.cached(pipe, schedule):               # the same, undone on leaving the block
        ...

Works on PixArtAlphaPipeline, PixArtSigmaPipeline, FluxPipeline and the diffusers worker's shapes32 sampler. The
caching hooks are the diffusers worker's (ecad_worker_diffusers imports them from here): one implementation.
"""

from __future__ import annotations

from contextlib import contextmanager

from .errors import (EcadError, ForwardChunkingError, MirrorError, ModelMismatch, ScheduleError, StepCountMismatch,
                     UnsupportedPipeline)
from .handle import CacheHandle, disable, enable
from .mirror import Mirror
from .schedule import Layout, Schedule
from .sources import resolve

__version__ = "0.1.0"


@contextmanager
def cached(pipe, schedule, **options):
    """`enable(pipe, schedule, **options)` for the duration of a `with` block; yields the handle."""
    handle = enable(pipe, schedule, **options)
    try:
        yield handle
    finally:
        handle.disable()


__all__ = ["enable", "disable", "cached", "resolve", "CacheHandle", "Schedule", "Layout", "Mirror", "EcadError",
           "ScheduleError", "ModelMismatch", "StepCountMismatch", "ForwardChunkingError", "UnsupportedPipeline",
           "MirrorError"]
