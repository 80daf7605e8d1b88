"""`enable(pipe, schedule)`: one schedule on one pipeline's transformer, checked on every run, and what it saves.

The caching itself is `ComponentCache` (caching.py), the same object the diffusers worker uses. `enable` adds one
forward pre-hook on the transformer, ahead of the cache's own, that watches the pipeline's scheduler: a new
`scheduler.timesteps` object means `set_timesteps` ran, so a new run starts there; the hook checks the run's step
count against the schedule's (StepCountMismatch), starts the cache afresh, and notes the run's image and text
token counts for the MAC fraction. A second transformer call at one scheduler step (true CFG) is refused, as is
forward chunking (a cached module called twice in one step).
"""

from __future__ import annotations

import numpy as np

from .caching import ComponentCache
from .errors import ForwardChunkingError, ModelMismatch, StepCountMismatch, UnsupportedPipeline
from .families import Geometry, family_of, schedule_macs
from .kinds import PipelineKind, kind_of, observed_geometry
from .schedule import Schedule
from .sources import ResolvedSchedule, resolve


class CacheHandle:
    """An enabled schedule: `disable()` (or leaving a `with` block) restores the pipeline exactly.

    Reports: `macs_fraction` (MACs of one image under the schedule over uncached, counted as the worker counts
    them: linear layers of the cached components plus the per-step rest), `cache_bytes` (memory the cache holds
    now), `peak_cache_bytes` (the most it held during the last run), `computed_calls` / `reused_calls` (module
    calls of the last run), `digest` and `model` of the schedule.
    """

    def __init__(self, pipe, kind: PipelineKind, resolved: ResolvedSchedule):
        self.pipe, self.kind, self.resolved = pipe, kind, resolved
        self.schedule: Schedule = resolved.schedule
        transformer = pipe.transformer
        existing = getattr(transformer, "_ecad_cache", None)
        self._owns_cache = existing is None
        self.cache = ComponentCache.install(transformer) if existing is None else existing
        self._run_timesteps = None
        self._last_step = None
        self._geometry: Geometry | None = None
        self.cache.set_schedule(self.schedule)
        self._hook = transformer.register_forward_pre_hook(self._on_call, prepend=True, with_kwargs=True)

    # Reports -----------------------------------------------------------------------------------------------

    @property
    def model(self) -> str | None:
        return self.resolved.model

    @property
    def digest(self) -> str:
        return self.schedule.digest()

    @property
    def macs_fraction(self) -> float:
        """MACs under the schedule / MACs uncached, at the last run's sizes (before any run: the defaults)."""
        geometry = self._geometry or self.kind.default_geometry(self.pipe)
        family, config = self.cache.family, self.pipe.transformer.config
        component, overhead = family.component_macs(config, geometry), family.overhead_macs(config, geometry)
        plan = self.schedule.plan()
        return schedule_macs(plan, component, overhead, 1) / schedule_macs(np.ones_like(plan), component, overhead, 1)

    @property
    def cache_bytes(self) -> int:
        return self.cache.held_bytes

    @property
    def peak_cache_bytes(self) -> int:
        return self.cache.peak_bytes

    @property
    def computed_calls(self) -> int:
        return self.cache.computed_calls

    @property
    def reused_calls(self) -> int:
        return self.cache.reused_calls

    def __repr__(self) -> str:
        return (f"<ecad_diffusers schedule {self.digest[:12]} ({self.model or 'model not named'}) on "
                f"{type(self.pipe).__name__}: {self.schedule.steps} steps, {self.macs_fraction:.3f} of the MACs>")

    # Lifetime ----------------------------------------------------------------------------------------------

    def disable(self) -> None:
        """Removes the hooks (or, on a worker backend's own cache, clears the schedule); idempotent."""
        if self._hook is None:
            return
        self._hook.remove()
        self._hook = None
        self._release_cache()
        if getattr(self.pipe, "_ecad_handle", None) is self:
            del self.pipe._ecad_handle

    def _release_cache(self) -> None:
        if self._owns_cache:
            self.cache.remove()
        else:
            self.cache.set_schedule(None)

    def __enter__(self) -> "CacheHandle":
        return self

    def __exit__(self, *exc) -> None:
        self.disable()

    # The run hook ------------------------------------------------------------------------------------------

    def _on_call(self, transformer, args, kwargs):
        scheduler = getattr(self.pipe, "scheduler", None)
        timesteps = getattr(scheduler, "timesteps", None)
        if timesteps is None or not hasattr(scheduler, "step_index"):
            raise UnsupportedPipeline(f"{type(self.pipe).__name__}.scheduler ({type(scheduler).__name__}) has no "
                                      "timesteps or step_index; ecad_diffusers needs a diffusers scheduler")
        if timesteps is not self._run_timesteps:
            if len(timesteps) != self.schedule.steps:
                raise StepCountMismatch(
                    f"this run has {len(timesteps)} steps (num_inference_steps) but the schedule has "
                    f"{self.schedule.steps}; call the pipeline with num_inference_steps={self.schedule.steps}")
            self._run_timesteps, self._last_step = timesteps, None
            self._geometry = observed_geometry(self.kind, transformer, args, kwargs)
            self.cache.reset()
        step = scheduler.step_index or 0
        if step == self._last_step:
            raise ForwardChunkingError(
                f"the transformer was called twice at step {step} (true CFG with a negative prompt, or a second "
                "pass); a schedule assumes one transformer call per step")
        self._last_step = step
        return None


def enable(pipe, schedule, *, mirror: str | None = None, ecad: str | None = None) -> CacheHandle:
    """Applies `schedule` to `pipe` (PixArtAlphaPipeline, PixArtSigmaPipeline, FluxPipeline, shapes32).

    `schedule`: a path, a dict (`ecad.schedule/v1` or the reference format), a `Schedule`, a registry reference
    (resolved by `ecad registry get`, or read from `mirror`), or `https://host/mirror#REF`. Refuses a pipeline it
    does not know, a schedule for another model or layout, and forward chunking; the step count is checked when
    the pipeline runs. A pipeline holds one schedule: enabling another replaces it.
    """
    kind = kind_of(pipe)
    resolved = resolve(schedule, mirror=mirror, ecad=ecad)
    if resolved.model is not None and not kind.accepts_model(resolved.model):
        raise ModelMismatch(f"the schedule is for model {resolved.model!r}; {type(pipe).__name__} runs "
                            f"{kind.model_prefix}-* models")
    layout = family_of(pipe.transformer).layout(pipe.transformer)
    if resolved.schedule.layout != layout:
        raise ModelMismatch(f"schedule layout {resolved.schedule.layout.to_json()} does not match the model's "
                            f"{layout.to_json()} ({type(pipe.transformer).__name__})")
    for name, module in pipe.transformer.named_modules():
        if getattr(module, "_chunk_size", None) is not None:
            raise ForwardChunkingError(
                f"{name} has forward chunking on (chunk size {module._chunk_size}), which calls its feed-forward "
                f"once per chunk; turn it off before enabling a schedule: "
                f"pipe.transformer.get_submodule({name!r}).set_chunk_feed_forward(None, 0)")
    disable(pipe)
    handle = CacheHandle(pipe, kind, resolved)
    pipe._ecad_handle = handle
    return handle


def disable(pipe) -> None:
    """Removes the schedule `enable` put on `pipe`, if any: its outputs are the uncached ones again."""
    handle = getattr(pipe, "_ecad_handle", None)
    if handle is not None:
        handle.disable()
