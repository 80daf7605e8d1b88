"""shapes32 model: diffusers' PixArtTransformer2DModel in pixel space plus a word-level text encoder.

Export layout (read by the native engine, see docs/engine.md and models/shapes32/README.md):
  transformer/{config.json, diffusion_pytorch_model.safetensors}
  text_encoder/{config.json, model.safetensors}   token_embedding.weight [V, D], position_embedding.weight [16, D]
  tokenizer/vocab.json                            JSON array of words, id 0 <pad>, id 1 <start>
  scheduler/scheduler_config.json                 DPMSolverMultistepScheduler, v_prediction
  ecad.json                                       name, resolution, steps, guidance_scale, sampler
"""

from __future__ import annotations

import json
import os

import torch
from diffusers import DPMSolverMultistepScheduler, PixArtTransformer2DModel
from safetensors.torch import load_file, save_file
from torch import nn

from shapes_data import MAX_TOKENS, START_ID, Vocabulary

NUM_TRAIN_TIMESTEPS = 1000


class TextEncoder(nn.Module):
    """encoder_hidden_states = token_embedding[ids] + position_embedding[0..<16]."""

    def __init__(self, vocab_size: int, dim: int):
        super().__init__()
        self.token_embedding = nn.Embedding(vocab_size, dim)
        self.position_embedding = nn.Embedding(MAX_TOKENS, dim)
        nn.init.normal_(self.token_embedding.weight, std=0.5)
        nn.init.normal_(self.position_embedding.weight, std=0.1)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return self.token_embedding(ids) + self.position_embedding.weight[None, : ids.shape[1]]


def make_transformer(patch: int, layers: int, heads: int, head_dim: int, caption_dim: int) -> PixArtTransformer2DModel:
    return PixArtTransformer2DModel(
        num_attention_heads=heads,
        attention_head_dim=head_dim,
        in_channels=3,
        out_channels=3,
        num_layers=layers,
        cross_attention_dim=heads * head_dim,
        sample_size=32,
        patch_size=patch,
        caption_channels=caption_dim,
        norm_type="ada_norm_single",
        num_embeds_ada_norm=NUM_TRAIN_TIMESTEPS,
        use_additional_conditions=False,
    )


def make_scheduler() -> DPMSolverMultistepScheduler:
    return DPMSolverMultistepScheduler(
        num_train_timesteps=NUM_TRAIN_TIMESTEPS,
        beta_start=1e-4,
        beta_end=0.02,
        beta_schedule="linear",
        prediction_type="v_prediction",
        solver_order=2,
        algorithm_type="dpmsolver++",
    )


def unconditional_tokens(batch: int, device: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    ids = torch.zeros(batch, MAX_TOKENS, dtype=torch.long, device=device)
    ids[:, 0] = START_ID
    mask = torch.zeros(batch, MAX_TOKENS, device=device)
    mask[:, 0] = 1.0
    return ids, mask


def predict(transformer, text_encoder, x, t, ids, mask):
    return transformer(
        x,
        encoder_hidden_states=text_encoder(ids),
        timestep=t,
        encoder_attention_mask=mask,
        added_cond_kwargs={"resolution": None, "aspect_ratio": None},
    ).sample


@torch.no_grad()
def sample(transformer, text_encoder, vocab: Vocabulary, prompts: list[str], seed: int, steps: int = 20,
           guidance: float = 4.5, device: torch.device | str = "cpu") -> torch.Tensor:
    """DPM-Solver++ 2M with classifier-free guidance (both halves in one batch). Returns uint8 [N, 32, 32, 3]."""
    device = torch.device(device)
    scheduler = make_scheduler()
    scheduler.set_timesteps(steps)
    n = len(prompts)
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(n, 3, 32, 32, generator=generator).to(device)
    ids, mask = vocab.encode_batch(prompts)
    uids, umask = unconditional_tokens(n, device)
    ids_all = torch.cat([uids, ids.to(device)])
    mask_all = torch.cat([umask, mask.to(device)])
    for t in scheduler.timesteps:
        tt = torch.full((2 * n,), int(t), device=device, dtype=torch.long)
        out = predict(transformer, text_encoder, torch.cat([x, x]), tt, ids_all, mask_all).float()
        uncond, cond = out.chunk(2)
        x = scheduler.step(uncond + guidance * (cond - uncond), t, x).prev_sample
    return ((x.clamp(-1, 1) + 1) * 127.5).round().to(torch.uint8).permute(0, 2, 3, 1).cpu()


def export(out_dir: str, transformer, text_encoder: TextEncoder, vocab: Vocabulary, extra: dict) -> None:
    os.makedirs(out_dir, exist_ok=True)
    transformer.save_pretrained(os.path.join(out_dir, "transformer"))
    te_dir = os.path.join(out_dir, "text_encoder")
    os.makedirs(te_dir, exist_ok=True)
    weights = {k: v.detach().float().cpu().contiguous() for k, v in text_encoder.state_dict().items()}
    save_file(weights, os.path.join(te_dir, "model.safetensors"))
    dim = text_encoder.token_embedding.weight.shape[1]
    _write_json(os.path.join(te_dir, "config.json"),
                {"vocab_size": len(vocab.words), "max_length": MAX_TOKENS, "dim": dim})
    _write_json(os.path.join(out_dir, "tokenizer", "vocab.json"), vocab.words)
    make_scheduler().save_config(os.path.join(out_dir, "scheduler"))
    _write_json(os.path.join(out_dir, "ecad.json"),
                {"name": "shapes32", "resolution": 32, "steps": 20, "guidance_scale": 4.5, "sampler": "dpmpp_2m",
                 **extra})


def load(model_dir: str, device: torch.device | str = "cpu"):
    transformer = PixArtTransformer2DModel.from_pretrained(os.path.join(model_dir, "transformer")).to(device).eval()
    vocab = Vocabulary.load(os.path.join(model_dir, "tokenizer", "vocab.json"))
    with open(os.path.join(model_dir, "text_encoder", "config.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    text_encoder = TextEncoder(cfg["vocab_size"], cfg["dim"])
    text_encoder.load_state_dict(load_file(os.path.join(model_dir, "text_encoder", "model.safetensors")))
    return transformer, text_encoder.to(device).eval(), vocab


def _write_json(path: str, value) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2)
        f.write("\n")
