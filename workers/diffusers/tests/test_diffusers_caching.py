"""Component caching: exactness of the all-compute schedule, FORA against an independent reference, memory."""

import numpy as np
import pytest
import torch

from diffusers_testing import STEPS
from ecad_diffusers.caching import ComponentCache, predict_peak_bytes
from ecad_worker_diffusers.errors import WorkerError
from ecad_diffusers.families import FluxFamily, PixArtFamily
from ecad_diffusers.schedule import Schedule

# The modules a hand-written reference treats as components, listed here independently of families.py.
PIXART_MODULES = ("attn1", "attn2", "ff")
FLUX_DOUBLE_MODULES = ("attn", "ff", "ff_context")
FLUX_SINGLE_MODULES = ("attn", "proj_mlp", "proj_out")


def component_modules(model):
    if hasattr(model, "single_transformer_blocks"):
        return [getattr(b, n) for b in model.transformer_blocks for n in FLUX_DOUBLE_MODULES] + [
            getattr(b, n) for b in model.single_transformer_blocks for n in FLUX_SINGLE_MODULES]
    return [getattr(b, n) for b in model.transformer_blocks for n in PIXART_MODULES]


def fora_reference(model, run, interval):
    """FORA by output-replacing forward hooks: every module runs, but off-interval steps return the old output."""
    step = [-1]
    stored = {}
    handles = [model.register_forward_pre_hook(lambda m, a: step.__setitem__(0, step[0] + 1))]
    for index, module in enumerate(component_modules(model)):
        def hook(module, args, output, index=index):
            if step[0] % interval == 0:
                stored[index] = output
                return None
            return stored[index]
        handles.append(module.register_forward_hook(hook))
    try:
        return run()
    finally:
        for handle in handles:
            handle.remove()


@pytest.mark.parametrize("name", ["pixart", "flux"])
def test_all_compute_schedule_reproduces_uncached_output_exactly(name, request):
    model, run, _ = request.getfixturevalue(name)
    uncached = run()
    cache = ComponentCache.install(model)
    cache.set_schedule(Schedule.all_compute(STEPS, cache.layout))
    cached = run()
    assert torch.equal(uncached, cached)
    assert cache.computed_calls == STEPS * len(cache.targets) and cache.reused_calls == 0
    assert cache.peak_bytes == 0  # nothing is reused, so nothing is kept


@pytest.mark.parametrize("name", ["pixart", "flux"])
def test_fora_every_2_differs_from_uncached_and_equals_hand_written_reference(name, request):
    model, run, _ = request.getfixturevalue(name)
    uncached = run()
    reference = fora_reference(model, run, 2)
    cache = ComponentCache.install(model)
    cache.set_schedule(Schedule.fora(STEPS, cache.layout, 2))
    cached = run()
    assert (cached - uncached).abs().max().item() > 1e-3
    assert torch.equal(cached, reference)
    assert cache.reused_calls == (STEPS // 2) * len(cache.targets)


@pytest.mark.parametrize("name,family", [("pixart", PixArtFamily), ("flux", FluxFamily)])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_measured_peak_cache_bytes_equal_prediction(name, family, seed, request):
    model, run, geometry = request.getfixturevalue(name)
    cache = ComponentCache.install(model)
    rng = np.random.default_rng(seed)
    schedule = Schedule(rng.random((STEPS, cache.layout.block_count, 3)) < 0.4, cache.layout)
    cache.set_schedule(schedule)
    run()
    predicted = predict_peak_bytes(schedule.plan(), cache.call_order, family.component_bytes(model.config, geometry, 4))
    assert cache.peak_bytes > 0
    assert cache.peak_bytes == predicted
    assert cache.held_bytes == 0 and not cache.entries  # everything released after its last reuse


def test_fora_peak_is_every_output_once(pixart):
    model, run, geometry = pixart
    cache = ComponentCache.install(model)
    cache.set_schedule(Schedule.fora(STEPS, cache.layout, 2))
    run()
    one_output = geometry.rows * geometry.image_tokens * PixArtFamily.hidden(model.config) * 4
    assert cache.peak_bytes == len(cache.targets) * one_output


def test_step_zero_computes_whatever_its_bits_say(pixart):
    model, run, _ = pixart
    cache = ComponentCache.install(model)
    bits = np.zeros((STEPS, cache.layout.block_count, 3), dtype=bool)
    cache.set_schedule(Schedule(bits, cache.layout))
    run()
    assert cache.computed_calls == len(cache.targets)


def test_more_transformer_calls_than_schedule_steps_is_a_clear_error(pixart):
    model, run, _ = pixart
    cache = ComponentCache.install(model)
    cache.set_schedule(Schedule.all_compute(STEPS - 1, cache.layout))
    with pytest.raises(WorkerError, match="schedule has 5 steps"):
        run()


def test_remove_restores_the_original_modules(pixart):
    model, run, _ = pixart
    before = run()
    cache = ComponentCache.install(model)
    cache.set_schedule(Schedule.fora(STEPS, cache.layout, 3))
    run()
    cache.remove()
    assert torch.equal(run(), before)
    assert all("forward" not in m.__dict__ for m in component_modules(model))


def test_a_schedule_for_another_layout_is_refused(pixart):
    model, _, _ = pixart
    cache = ComponentCache.install(model)
    with pytest.raises(WorkerError, match="does not match the model"):
        cache.set_schedule(Schedule.all_compute(STEPS, cache.layout.pixart(28)))
