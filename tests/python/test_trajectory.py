"""A 20-step DPM-Solver++ 2M trajectory with CFG must match diffusers' scheduler on the same model and noise."""
import json

import pytest
import torch
from diffusers import DPMSolverMultistepScheduler
from safetensors.torch import load_file, save_file

from conftest import build_model, run_worker


def reference_trajectory(model, scheduler, noise, cond, cond_mask, uncond, uncond_mask, steps, guidance):
    scheduler.set_timesteps(steps)
    latents = noise * scheduler.init_noise_sigma
    states = torch.cat([uncond, cond])
    mask = torch.cat([uncond_mask, cond_mask])
    with torch.no_grad():
        for t in scheduler.timesteps:
            model_input = torch.cat([latents] * 2)
            out = model(model_input, encoder_hidden_states=states, encoder_attention_mask=mask,
                        timestep=t.expand(model_input.shape[0]),
                        added_cond_kwargs={"resolution": None, "aspect_ratio": None}).sample
            u, c = out.chunk(2)
            guided = u + guidance * (c - u)
            if model.config.out_channels // 2 == model.config.in_channels:
                guided = guided.chunk(2, dim=1)[0]
            latents = scheduler.step(guided, t, latents).prev_sample
    return latents


@pytest.mark.parametrize("prediction", ["v_prediction", "epsilon"])
@pytest.mark.parametrize("learned_sigma", [False, True])
def test_dpm_solver_trajectory_matches_diffusers(tmp_path, prediction, learned_sigma):
    model = build_model(torch, patch=2, heads=2, head_dim=16, layers=2, learned_sigma=learned_sigma, seed=21)
    model.save_pretrained(tmp_path / "model", safe_serialization=True)
    scheduler = DPMSolverMultistepScheduler(prediction_type=prediction, timestep_spacing="linspace")
    scheduler.save_config(tmp_path / "scheduler")

    generator = torch.Generator().manual_seed(4)
    n, tokens = 2, 6
    noise = torch.randn(n, 3, 16, 16, generator=generator)
    cond = torch.randn(n, tokens, 24, generator=generator)
    uncond = torch.randn(n, tokens, 24, generator=generator)
    cond_mask = torch.tensor([[1.0, 1, 1, 1, 0, 0], [1, 1, 1, 1, 1, 1]])
    uncond_mask = torch.tensor([[1.0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0]])
    expected = reference_trajectory(model, scheduler, noise, cond, cond_mask, uncond, uncond_mask, 20, 4.5)

    save_file({"noise": noise, "cond_states": cond, "cond_mask": cond_mask, "uncond_states": uncond,
               "uncond_mask": uncond_mask}, str(tmp_path / "in.safetensors"))
    run_worker("trajectory", "--model", str(tmp_path / "model"),
               "--scheduler", str(tmp_path / "scheduler" / "scheduler_config.json"),
               "--input", str(tmp_path / "in.safetensors"), "--output", str(tmp_path / "out.safetensors"),
               "--steps", "20", "--guidance", "4.5", "--threads", "1")
    actual = load_file(str(tmp_path / "out.safetensors"))["images"]
    error = (actual - expected).abs().max().item()
    print(f"trajectory {prediction} sigma={learned_sigma}: max abs error {error:.2e}, scale {expected.abs().max().item():.2e}")
    assert error <= 1e-3
