"""The real-model backend's pipeline calls, on tiny diffusers pipelines built in memory (no text encoders:
the prompt embeddings are given, as the backend precomputes them once per prompt)."""

import numpy as np
import pytest

pytest.importorskip("transformers", reason="diffusers' PixArt and FLUX pipelines need transformers (the [pipelines] extra)")

from ecad_diffusers.schedule import Schedule  # noqa: E402
from ecad_worker_diffusers.protocol import Sampler  # noqa: E402
from tiny_pipelines import PROMPTS, flux_backend, pixart_backend  # noqa: E402


@pytest.fixture
def pixart():
    return pixart_backend()


@pytest.fixture
def flux():
    return flux_backend()


@pytest.mark.parametrize("name,sampler", [("pixart", Sampler(steps=4)), ("flux", Sampler("flow-euler", 4, 5.0))])
def test_pipeline_renders_per_seed_images_and_caching_is_exact_then_active(name, sampler, request):
    backend = request.getfixturevalue(name)
    backend.check_sampler(sampler)
    uncached = backend.render(PROMPTS, [0, 1], sampler)
    side = backend.spec.resolution
    assert uncached.shape == (2, side, side, 3) and uncached.dtype == np.uint8
    assert np.array_equal(backend.render(PROMPTS[1:], [1], sampler)[0], uncached[1])  # seed per image, not batch
    backend.set_schedule(Schedule.all_compute(sampler.steps, backend.layout))
    assert np.array_equal(backend.render(PROMPTS, [0, 1], sampler), uncached)
    assert backend.cache.computed_calls == sampler.steps * len(backend.cache.targets)
    backend.set_schedule(Schedule.fora(sampler.steps, backend.layout, 2))
    backend.render(PROMPTS, [0, 1], sampler)
    assert backend.cache.reused_calls == sampler.steps // 2 * len(backend.cache.targets)
    assert backend.macs(Schedule.fora(sampler.steps, backend.layout, 2)) < backend.macs(
        Schedule.all_compute(sampler.steps, backend.layout))
