"""Shared helpers for the engine's parity tests against diffusers (CPU, fp32, no downloads)."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def worker_binary() -> str:
    path = os.environ.get("ECAD_WORKER_BIN") or str(ROOT / ".build" / "debug" / "ecad-worker")
    if not os.path.exists(path):
        pytest.skip(f"ecad-worker not built at {path} (set ECAD_WORKER_BIN)")
    return path


def run_worker(*args: str, kernels: str | None = None) -> None:
    """Runs ecad-worker; `kernels` ("native" or "blas") sets ECAD_KERNELS, the engine's kernel path."""
    env = dict(os.environ)
    if kernels:
        env["ECAD_KERNELS"] = kernels
    result = subprocess.run([worker_binary(), *args], capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, f"ecad-worker {' '.join(args)} failed:\n{result.stderr}"


def build_model(torch, *, patch, heads, head_dim, layers=2, in_channels=3, learned_sigma=False,
                caption_channels=24, sample_size=16, seed=0):
    from diffusers import PixArtTransformer2DModel

    torch.manual_seed(seed)
    model = PixArtTransformer2DModel(
        num_attention_heads=heads, attention_head_dim=head_dim, in_channels=in_channels,
        out_channels=2 * in_channels if learned_sigma else in_channels, num_layers=layers,
        cross_attention_dim=heads * head_dim, sample_size=sample_size, patch_size=patch,
        caption_channels=caption_channels, norm_type="ada_norm_single",
    ).eval()
    # Default init leaves some projections near zero; spread every parameter so each path matters.
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.add_(torch.randn_like(parameter) * 0.05)
    return model
