"""ecad_diffusers.enable on tiny PixArt-alpha, PixArt-Sigma and FLUX pipelines: the same images as the diffusers
worker under the same schedule, prompts and seeds; disable restores the uncached output bit for bit; every
refusal names what is wrong; the handle reports the MAC fraction and the cache memory."""

import dataclasses
import json
import stat

import numpy as np
import pytest
import torch

pytest.importorskip("transformers", reason="diffusers' PixArt and FLUX pipelines need transformers (the [pipelines] extra)")

from diffusers import PixArtSigmaPipeline  # noqa: E402

import ecad_diffusers  # noqa: E402
from ecad_diffusers import (ForwardChunkingError, ModelMismatch, ScheduleError, StepCountMismatch,  # noqa: E402
                            UnsupportedPipeline)
from ecad_diffusers.schedule import Layout, Schedule  # noqa: E402
from ecad_worker_diffusers.pipelines import PipelineBackend  # noqa: E402
from ecad_worker_diffusers.protocol import Sampler  # noqa: E402
from mirror_testing import HTTPServer, write_bundle  # noqa: E402
from tiny_pipelines import (PROMPTS, flux_backend, flux_pipe, pixart_backend, pixart_pipe)  # noqa: E402

STEPS = 4
SEEDS = [0, 1]
SAMPLERS = {"pixart": Sampler(steps=STEPS), "flux": Sampler("flow-euler", STEPS, 5.0)}
MODELS = {"pixart": "pixart-alpha-256", "flux": "flux1-dev-256"}
PIXART_BINNED_SIDE = 256


def random_document(layout: Layout, model: str, seed: int = 7, steps: int = STEPS) -> dict:
    bits = np.random.default_rng(seed).random((steps, layout.block_count, 3)) < 0.5
    bits[0] = True
    return Schedule(bits, layout, "random").to_document(model)


def user_call(name, pipe, backend, steps=STEPS, **extra):
    """What a user writes: the pipeline called with prompt embeddings (the worker's, for the same prompts) and one
    seeded generator per image; float images [N, H, W, 3]."""
    sampler = SAMPLERS[name]
    columns = [torch.cat(c) for c in zip(*[backend._embed(p) for p in PROMPTS])]
    common = dict(num_inference_steps=steps, guidance_scale=sampler.guidance, height=backend.spec.resolution,
                  width=backend.spec.resolution, output_type="np",
                  generator=[torch.Generator().manual_seed(s) for s in SEEDS], **extra)
    with torch.no_grad():
        if name == "flux":
            return pipe(prompt_embeds=columns[0], pooled_prompt_embeds=columns[1], **common).images
        return pipe(prompt_embeds=columns[0], prompt_attention_mask=columns[1], negative_prompt=None,
                    negative_prompt_embeds=columns[2], negative_prompt_attention_mask=columns[3],
                    max_sequence_length=backend.spec.text_tokens, **common).images


def as_uint8(images: np.ndarray) -> np.ndarray:
    return (np.clip(images, 0, 1) * 255).round().astype(np.uint8)  # as the worker's backend rounds


def macs_counter(name, backend) -> PipelineBackend:
    """The worker's MAC count at the size the pipeline really ran: PixArt's resolution binning runs the tiny 64 px
    requests at its 256 px bin (a 32-latent transformer), so the worker counts those at 256 px as in production."""
    if name == "flux":
        return backend
    spec = dataclasses.replace(backend.spec, resolution=PIXART_BINNED_SIDE)
    return PipelineBackend.from_pipeline(backend.model_id, spec, pixart_pipe(), backend.device)


@pytest.fixture(params=["pixart", "flux"])
def setup(request):
    """(name, a worker backend, an identical pipeline of the user's own, a schedule document for it)."""
    name = request.param
    backend = pixart_backend() if name == "pixart" else flux_backend()
    pipe = pixart_pipe() if name == "pixart" else flux_pipe()
    pipe.set_progress_bar_config(disable=True)
    return name, backend, pipe, random_document(backend.layout, MODELS[name])


def test_output_equals_the_workers_for_the_same_schedule_prompts_and_seeds(setup):
    name, backend, pipe, doc = setup
    schedule = Schedule.from_json(doc)
    backend.set_schedule(schedule)
    worker = backend.render(PROMPTS, SEEDS, SAMPLERS[name])
    uncached = user_call(name, pipe, backend)
    handle = ecad_diffusers.enable(pipe, doc)
    images = user_call(name, pipe, backend)
    assert np.array_equal(as_uint8(images), worker)  # the same module calls in the same order: bit-identical
    assert np.abs(images - uncached).max() > 1e-3  # and the schedule changes the images
    assert handle.reused_calls == backend.cache.reused_calls > 0
    counter = macs_counter(name, backend)
    assert handle.macs_fraction == pytest.approx(counter.macs(schedule) / counter.macs(
        Schedule.all_compute(STEPS, backend.layout)), rel=1e-12)
    assert handle.model == MODELS[name] and handle.digest == schedule.digest()


def test_disable_restores_bit_identical_uncached_output(setup):
    name, backend, pipe, doc = setup
    before = user_call(name, pipe, backend)
    ecad_diffusers.enable(pipe, doc)
    assert not np.array_equal(user_call(name, pipe, backend), before)
    ecad_diffusers.disable(pipe)
    assert np.array_equal(user_call(name, pipe, backend), before)
    with ecad_diffusers.cached(pipe, doc) as handle:
        user_call(name, pipe, backend)
        assert handle.reused_calls > 0
    assert np.array_equal(user_call(name, pipe, backend), before)
    assert not any("forward" in m.__dict__ for m in pipe.transformer.modules())
    assert not pipe.transformer._forward_pre_hooks


def test_runs_repeat_and_the_handle_reports_cache_memory():
    backend, pipe = pixart_backend(), pixart_pipe()
    handle = ecad_diffusers.enable(pipe, Schedule.fora(STEPS, backend.layout, 2))
    held = []
    first = user_call("pixart", pipe, backend, callback=lambda *_: held.append(handle.cache_bytes), callback_steps=1)
    assert np.array_equal(user_call("pixart", pipe, backend), first)  # each run starts an empty cache
    # FORA-2 keeps every output of steps 0 and 2 for steps 1 and 3: [rows, tokens, hidden] float32 each, at
    # the 256 px bin (128-pixel latents in 2x2 patches) with both CFG rows per prompt.
    one = 4 * len(PROMPTS) * 2 * (PIXART_BINNED_SIDE // 2 // 2) ** 2 * 16
    assert held == [9 * one, 0, 9 * one, 0] and handle.peak_cache_bytes == 9 * one and handle.cache_bytes == 0
    assert handle.macs_fraction < 0.6


def test_a_pixart_sigma_pipeline_takes_sigma_schedules_only():
    backend, pipe = pixart_backend(), pixart_pipe(PixArtSigmaPipeline)
    pipe.set_progress_bar_config(disable=True)
    with pytest.raises(ModelMismatch, match="schedule is for model 'pixart-alpha-256'; PixArtSigmaPipeline runs "
                                            "pixart-sigma-"):
        ecad_diffusers.enable(pipe, random_document(backend.layout, "pixart-alpha-256"))
    handle = ecad_diffusers.enable(pipe, random_document(backend.layout, "pixart-sigma-256"))
    user_call("pixart", pipe, backend)
    assert handle.reused_calls > 0


def test_reference_format_file_and_schedule_give_the_same_images(tmp_path):
    backend, pipe = pixart_backend(), pixart_pipe()
    doc = random_document(backend.layout, "pixart-alpha-256")
    schedule = Schedule.from_json(doc)
    outputs = []
    path = tmp_path / "s.json"
    path.write_text(json.dumps(doc))
    for source in (doc, schedule.to_reference(), str(path), schedule):
        with ecad_diffusers.cached(pipe, source):
            outputs.append(user_call("pixart", pipe, backend))
    assert all(np.array_equal(o, outputs[0]) for o in outputs[1:])


def test_a_registry_reference_goes_through_ecad_registry_get(tmp_path, monkeypatch):
    backend, pipe = pixart_backend(), pixart_pipe()
    (tmp_path / "published.json").write_text(json.dumps(random_document(backend.layout, "pixart-alpha-256")))
    fake = tmp_path / "ecad"  # prints its arguments and writes the published file where -o says
    fake.write_text(f'#!/bin/sh\necho "$@" > {tmp_path}/args\n[ "$3" = pixart-alpha-256/fast@balanced ] || '
                    f'{{ echo "no such reference $3" >&2; exit 1; }}\ncp {tmp_path}/published.json "$5"\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("ECAD_BIN", str(fake))
    handle = ecad_diffusers.enable(pipe, "pixart-alpha-256/fast@balanced")
    assert (tmp_path / "args").read_text().startswith("registry get pixart-alpha-256/fast@balanced -o ")
    assert handle.model == "pixart-alpha-256"
    with pytest.raises(ScheduleError, match="no such reference pixart-alpha-256/slow"):
        ecad_diffusers.enable(pipe, "pixart-alpha-256/slow")
    monkeypatch.delenv("ECAD_BIN")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ScheduleError, match="no `ecad`"):
        ecad_diffusers.enable(pipe, "pixart-alpha-256/fast@balanced")


def test_a_mirror_url_enables_its_schedule(tmp_path):
    backend, pipe = pixart_backend(), pixart_pipe()
    doc = random_document(backend.layout, "pixart-alpha-256")
    digest = Schedule.from_json(doc).digest()
    write_bundle(tmp_path, [(doc, "pixart-alpha-256")], {"pixart-alpha-256/fast": [digest]},
                 {"pixart-alpha-256/fast@balanced": digest})
    server = HTTPServer(tmp_path)
    try:
        handle = ecad_diffusers.enable(pipe, f"{server.url}#pixart-alpha-256/fast@balanced")
    finally:
        server.stop()
    assert handle.digest == digest and handle.model == "pixart-alpha-256"
    with ecad_diffusers.cached(pipe, doc):
        expected = user_call("pixart", pipe, backend)
    ecad_diffusers.enable(pipe, handle.resolved)
    assert np.array_equal(user_call("pixart", pipe, backend), expected)


# Refusals ------------------------------------------------------------------------------------------------------


def test_a_schedule_for_another_model_is_refused(setup):
    name, backend, pipe, _ = setup
    other = "flux1-dev-256" if name == "pixart" else "pixart-alpha-256"
    with pytest.raises(ModelMismatch, match=f"schedule is for model '{other}'"):
        ecad_diffusers.enable(pipe, random_document(backend.layout, other))


def test_a_schedule_for_another_block_layout_is_refused_and_keeps_the_enabled_one(setup):
    name, backend, pipe, doc = setup
    layout = Layout.pixart(28) if name == "pixart" else Layout.flux(19, 38)
    with pytest.raises(ModelMismatch, match="does not match the model's"):
        ecad_diffusers.enable(pipe, random_document(layout, MODELS[name]))
    assert not any("forward" in m.__dict__ for m in pipe.transformer.modules())  # nothing left installed
    handle = ecad_diffusers.enable(pipe, doc)
    with pytest.raises(ModelMismatch, match="does not match the model's"):
        ecad_diffusers.enable(pipe, random_document(layout, MODELS[name]))
    user_call(name, pipe, backend)
    assert handle.reused_calls > 0


@pytest.mark.parametrize("steps", [STEPS - 1, STEPS + 2])
def test_a_step_count_other_than_the_schedules_is_refused_when_the_pipeline_runs(setup, steps):
    name, backend, pipe, doc = setup
    ecad_diffusers.enable(pipe, doc)
    with pytest.raises(StepCountMismatch, match=f"this run has {steps} steps .* the schedule has {STEPS}; call the "
                                                f"pipeline with num_inference_steps={STEPS}"):
        user_call(name, pipe, backend, steps=steps)
    user_call(name, pipe, backend)  # the right count still runs afterwards


def test_a_pipeline_it_does_not_know_is_refused():
    class StableDiffusionPipeline:
        transformer = None

    with pytest.raises(UnsupportedPipeline, match="StableDiffusionPipeline is not a pipeline ecad_diffusers knows; "
                                                  "supported: PixArtAlphaPipeline, PixArtSigmaPipeline, FluxPipeline"):
        ecad_diffusers.enable(StableDiffusionPipeline(), {})


def test_forward_chunking_is_refused_at_enable_and_at_run_time():
    backend, pipe = pixart_backend(), pixart_pipe()
    doc = random_document(backend.layout, "pixart-alpha-256")
    pipe.transformer.transformer_blocks[1].set_chunk_feed_forward(8, 1)
    with pytest.raises(ForwardChunkingError, match="transformer_blocks.1 has forward chunking on"):
        ecad_diffusers.enable(pipe, doc)
    pipe.transformer.transformer_blocks[1].set_chunk_feed_forward(None, 0)
    ecad_diffusers.enable(pipe, doc)
    pipe.transformer.transformer_blocks[1].set_chunk_feed_forward(8, 1)  # turned on behind the handle's back
    with pytest.raises(ForwardChunkingError, match="transformer_blocks.1.ff was called twice in step 0"):
        user_call("pixart", pipe, backend)


def test_true_cfg_calling_the_transformer_twice_per_step_is_refused():
    backend, pipe = flux_backend(), flux_pipe()
    pipe.set_progress_bar_config(disable=True)
    ecad_diffusers.enable(pipe, random_document(backend.layout, "flux1-dev-256"))
    embeds, pooled = backend._embed(PROMPTS[0])
    with pytest.raises(ForwardChunkingError, match="called twice at step 0"):
        user_call("flux", pipe, backend, true_cfg_scale=2.0, negative_prompt_embeds=torch.cat([embeds] * 2),
                  negative_pooled_prompt_embeds=torch.cat([pooled] * 2))


def test_a_bad_schedule_is_refused_naming_the_field(tmp_path):
    backend, pipe = pixart_backend(), pixart_pipe()
    doc = {**random_document(backend.layout, "pixart-alpha-256"), "bits": "AAAA"}
    with pytest.raises(ScheduleError, match="schedule document: bits: expected"):
        ecad_diffusers.enable(pipe, doc)
    (tmp_path / "cut.json").write_text(json.dumps(doc)[:-9])
    with pytest.raises(ScheduleError, match="cannot read schedule .*cut.json"):
        ecad_diffusers.enable(pipe, tmp_path / "cut.json")
