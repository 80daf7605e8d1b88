"""ecad-worker forward must match diffusers' PixArtTransformer2DModel (max abs error <= 1e-4 x output scale),
on both kernel paths: the native AVX2 kernels (the default where the CPU has them) and OpenBLAS."""
import pytest
import torch
from safetensors.torch import load_file, save_file

from conftest import build_model, run_worker

CONFIGS = [
    dict(patch=1, heads=2, head_dim=8, learned_sigma=False, padded=True),
    dict(patch=2, heads=4, head_dim=8, learned_sigma=True, padded=True),
    dict(patch=4, heads=2, head_dim=16, learned_sigma=False, padded=False),
    dict(patch=2, heads=1, head_dim=32, learned_sigma=True, padded=True, sample_size=32, layers=3),
]


@pytest.mark.parametrize("kernels", ["native", "blas"])
@pytest.mark.parametrize("case", CONFIGS, ids=lambda c: f"p{c['patch']}-h{c['heads']}x{c['head_dim']}-sigma{int(c['learned_sigma'])}")
def test_forward_matches_diffusers(tmp_path, case, kernels):
    case = dict(case)
    padded = case.pop("padded")
    model = build_model(torch, seed=7, **case)
    model.save_pretrained(tmp_path / "model", safe_serialization=True)

    generator = torch.Generator().manual_seed(11)
    batch, tokens, size = 4, 6, case.get("sample_size", 16)
    hidden = torch.randn(batch, 3, size, size, generator=generator)
    timestep = torch.tensor([999.0, 500.0, 17.0, 0.0])
    context = torch.randn(batch, tokens, 24, generator=generator)
    mask = torch.ones(batch, tokens)
    if padded:
        mask[0, 2:] = 0
        mask[1, 4:] = 0
        mask[3, 1:] = 0
    with torch.no_grad():
        expected = model(
            hidden, encoder_hidden_states=context, timestep=timestep, encoder_attention_mask=mask,
            added_cond_kwargs={"resolution": None, "aspect_ratio": None},
        ).sample

    save_file({"hidden_states": hidden, "timestep": timestep, "encoder_hidden_states": context,
               "encoder_attention_mask": mask}, str(tmp_path / "in.safetensors"))
    run_worker("forward", "--model", str(tmp_path / "model"), "--input", str(tmp_path / "in.safetensors"),
               "--output", str(tmp_path / "out.safetensors"), "--threads", "1", kernels=kernels)
    actual = load_file(str(tmp_path / "out.safetensors"))["sample"]

    assert actual.shape == expected.shape
    scale = expected.abs().max().item()
    error = (actual - expected).abs().max().item()
    print(f"parity {case} {kernels}: error {error:.2e}, scale {scale:.2e}")
    assert error <= 1e-4 * scale, f"max abs error {error:.3e} vs output scale {scale:.3e}"


def test_padding_changes_output(tmp_path):
    """Guards the parity test itself: the mask must matter, or the padded cases prove nothing."""
    model = build_model(torch, patch=2, heads=2, head_dim=8, seed=3)
    generator = torch.Generator().manual_seed(5)
    hidden = torch.randn(1, 3, 16, 16, generator=generator)
    context = torch.randn(1, 6, 24, generator=generator)
    kwargs = dict(encoder_hidden_states=context, timestep=torch.tensor([10.0]),
                  added_cond_kwargs={"resolution": None, "aspect_ratio": None})
    with torch.no_grad():
        full = model(hidden, encoder_attention_mask=torch.ones(1, 6), **kwargs).sample
        half = model(hidden, encoder_attention_mask=torch.tensor([[1.0, 1, 1, 0, 0, 0]]), **kwargs).sample
    assert (full - half).abs().max().item() > 1e-3
