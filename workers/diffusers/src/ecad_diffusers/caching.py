"""Component caching by wrapping module forwards at load time.

`ComponentCache.install(transformer)` replaces, on each cacheable module instance (families.py), the bound
`forward` with a wrapper and adds a forward pre-hook on the transformer that advances the step counter once per
transformer call. The blocks' own code (norms, gates, residual adds) is untouched and runs every step; only the
wrapped module's call is skipped on a reuse step, where the wrapper returns the module's raw output from the most
recent step at which it ran (FORA-style output reuse, DESIGN.md section 1). One decision covers the whole batch,
so both halves of a classifier-free-guidance batch share it.

Memory: an output is kept only when the next step reuses it, and dropped right after its last reuse
(look-ahead over the plan), so an always-computed component never holds memory. `peak_bytes` is the largest
total held during a run; `predict_peak_bytes` computes the same number from the plan and the output sizes.
"""

from __future__ import annotations

import numpy as np
import torch

from .errors import EcadError, ForwardChunkingError, ModelMismatch, StepCountMismatch
from .families import Target, family_of
from .schedule import Schedule


def _nbytes(value) -> int:
    if isinstance(value, torch.Tensor):
        return value.numel() * value.element_size()
    if isinstance(value, (tuple, list)):
        return sum(_nbytes(v) for v in value)
    raise EcadError("internal", f"cannot cache a module output of type {type(value).__name__}")


def lookahead(plan: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(store, release) masks [S, B, 3] for a run plan.

    store[s]: the output computed at step s is kept, because step s+1 reuses it.
    release[s]: step s reuses the kept output for the last time (step s+1 computes or there is none).
    """
    following = np.ones_like(plan)
    following[:-1] = plan[1:]
    store = plan & ~following
    release = ~plan & following
    return store, release


def predict_peak_bytes(plan: np.ndarray, call_order: list[tuple[int, int]], output_bytes: np.ndarray) -> int:
    """Peak bytes the cache holds over one run: replays the store and release events in call order.

    `plan` is [S, B, 3] with step 0 computing; `call_order` lists (block, slot) as the model calls them in one
    step; `output_bytes` is [B, 3], the size of each component's output for one call.
    """
    store, release = lookahead(plan)
    held = peak = 0
    for s in range(plan.shape[0]):
        for b, c in call_order:
            if store[s, b, c]:
                held += int(output_bytes[b, c])
                peak = max(peak, held)
            elif release[s, b, c]:
                held -= int(output_bytes[b, c])
    return peak


class ComponentCache:
    """The caching state of one transformer: the run plan, the kept outputs, the step counter and counters."""

    def __init__(self, transformer: torch.nn.Module):
        self.transformer = transformer
        self.family = family_of(transformer)
        self.layout = self.family.layout(transformer)
        self.targets: list[Target] = self.family.targets(transformer)
        self.call_order = [(t.block, t.slot) for t in self.targets]
        self._handles = []
        self._plan: np.ndarray | None = None
        self._store = self._release = None
        self.step = -1
        self.entries: dict[tuple[int, int], object] = {}
        self.held_bytes = 0
        self.peak_bytes = 0
        self.computed_calls = 0
        self.reused_calls = 0
        self._seen_this_step: set[tuple[int, int]] = set()

    # Installation ------------------------------------------------------------------------------------------

    @classmethod
    def install(cls, transformer: torch.nn.Module) -> "ComponentCache":
        """Wraps every cacheable module of `transformer`; idempotence is refused (install once)."""
        if getattr(transformer, "_ecad_cache", None) is not None:
            raise EcadError("internal", "this transformer already has an ecad cache installed")
        cache = cls(transformer)
        for target in cache.targets:
            cache._wrap(target)
        cache._handles.append(transformer.register_forward_pre_hook(cache._advance))
        transformer._ecad_cache = cache
        return cache

    def remove(self) -> None:
        """Restores the original forwards and removes the step hook."""
        for target in self.targets:
            target.module.__dict__.pop("forward", None)
        for handle in self._handles:
            handle.remove()
        self._handles.clear()
        self.transformer._ecad_cache = None
        self.reset()

    def _wrap(self, target: Target) -> None:
        original = target.module.forward
        key = (target.block, target.slot)

        def forward(*args, **kwargs):
            return self._call(key, target.name, original, args, kwargs)

        target.module.forward = forward

    # Schedules and steps -----------------------------------------------------------------------------------

    def set_schedule(self, schedule: Schedule | None) -> None:
        """Uses `schedule` from the next run on (None = compute everything); also resets the run state."""
        if schedule is not None and schedule.layout != self.layout:
            raise ModelMismatch(
                f"schedule layout {schedule.layout.to_json()} does not match the model's {self.layout.to_json()}",
            )
        self._plan = None if schedule is None else schedule.plan()
        self._store, self._release = (None, None) if schedule is None else lookahead(self._plan)
        self.reset()

    @property
    def plan(self) -> np.ndarray | None:
        return self._plan

    def reset(self) -> None:
        """Starts a new run: step counter back, every kept output dropped, counters zeroed."""
        self.step = -1
        self.entries.clear()
        self.held_bytes = 0
        self.peak_bytes = 0
        self.computed_calls = 0
        self.reused_calls = 0
        self._seen_this_step.clear()

    def _advance(self, module, args):
        self.step += 1
        self._seen_this_step.clear()
        if self._plan is not None and self.step >= self._plan.shape[0]:
            raise StepCountMismatch(
                f"transformer called {self.step + 1} times but the schedule has {self._plan.shape[0]} steps; "
                "the sampler's step count must match the schedule (call reset() before each run)",
            )

    def _call(self, key, name, original, args, kwargs):
        if self._plan is None or self.step < 0:
            self.computed_calls += 1
            return original(*args, **kwargs)
        if key in self._seen_this_step:
            raise ForwardChunkingError(f"{name} was called twice in step {self.step}; disable forward chunking "
                                       "(and true CFG, which calls the transformer twice per step)")
        self._seen_this_step.add(key)
        s, (b, c) = self.step, key
        if self._plan[s, b, c]:
            self.computed_calls += 1
            out = original(*args, **kwargs)
            if self._store[s, b, c]:
                self.entries[key] = out
                self.held_bytes += _nbytes(out)
                self.peak_bytes = max(self.peak_bytes, self.held_bytes)
            return out
        out = self.entries.get(key)
        if out is None:
            raise EcadError("internal", f"{name}: no kept output to reuse at step {s}")
        self.reused_calls += 1
        if self._release[s, b, c]:
            del self.entries[key]
            self.held_bytes -= _nbytes(out)
        return out
