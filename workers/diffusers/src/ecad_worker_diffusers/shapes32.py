"""`shapes32`: ecad's embedded model (models/shapes32), sampled by the worker's own pipeline.

Folder layout:
  transformer/            diffusers PixArtTransformer2DModel in pixel space (3 channels, 32x32)
  text_encoder/model.safetensors   token_embedding.weight [V, D], position_embedding.weight [16, D]
  tokenizer/vocab.json    JSON array of words: id 0 <pad>, id 1 <start>
  scheduler/              DPMSolverMultistepScheduler config (v_prediction)
  ecad.json               name, resolution, steps, guidance_scale, sampler

Text: lowercase, split on whitespace, ids = [1] + word ids, padded with 0 to 16, mask 1 for real tokens;
encoder_hidden_states = token_embedding[ids] + position_embedding. The unconditional caption is [<start>].
Sampling: DPM-Solver++ 2M with both CFG halves in one batch ([uncond, cond]); image i starts from
randn(1, 3, 32, 32) drawn from a CPU generator seeded with seeds[i] (noise="splitmix64": the native engine's
GaussianNoise stream for seeds[i], see noise.py); output ((x.clamp(-1, 1) + 1) * 127.5).round(). The run's
scheduler is kept as `scheduler`, as diffusers pipelines keep theirs, so ecad_diffusers.enable can check runs.

Rewards come from the Swift scorer: each image is scored with `ecad shapes score DIR` on a one-image raw set
(DIR/images.u8 + DIR/prompts.txt), the binary taken from --ecad, $ECAD_BIN or `ecad` on the PATH. Without an ecad
that has that command, `rewards` returns None and evaluate results carry no rewards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import torch
from diffusers import DPMSolverMultistepScheduler, PixArtTransformer2DModel
from safetensors.torch import load_file

from .backend import Backend, files_digest, to_uint8, weight_files
from .errors import WorkerError
from ecad_diffusers.families import Geometry
from .noise import native_noise
from .protocol import Sampler

MAX_TOKENS = 16
PAD_ID, START_ID = 0, 1
NOISE_KINDS = ("torch", "splitmix64")


def default_folder() -> str:
    """$ECAD_SHAPES32, else models/shapes32 of the repository this package sits in."""
    return os.environ.get("ECAD_SHAPES32") or str(Path(__file__).resolve().parents[4] / "models" / "shapes32")


class ShapesReward:
    """The shapes32 reward of each image, from the Swift scorer (`ecad shapes score`)."""

    def __init__(self, binary: str):
        self.binary = binary

    @staticmethod
    def find(binary: str | None) -> "ShapesReward | None":
        """A scorer if `binary` (or $ECAD_BIN, or `ecad` on the PATH) has `shapes score`, else None."""
        binary = binary or os.environ.get("ECAD_BIN") or shutil.which("ecad")
        if not binary or not os.path.exists(binary):
            return None
        try:
            probe = subprocess.run([binary, "shapes", "score", "--help"], capture_output=True, text=True, timeout=30)
        except OSError:
            return None
        return ShapesReward(binary) if probe.returncode == 0 and "images.u8" in probe.stdout else None

    def score(self, prompts: list[str], images) -> list[float]:
        out = []
        with tempfile.TemporaryDirectory(prefix="ecad-shapes-score-") as root:
            for index, (prompt, image) in enumerate(zip(prompts, images)):
                folder = os.path.join(root, str(index))
                os.mkdir(folder)
                image.tofile(os.path.join(folder, "images.u8"))
                with open(os.path.join(folder, "prompts.txt"), "w", encoding="utf-8") as f:
                    f.write(prompt + "\n")
                run = subprocess.run([self.binary, "shapes", "score", folder], capture_output=True, text=True,
                                     timeout=120)
                try:
                    out.append(float(json.loads(run.stdout)["total"]))
                except (ValueError, KeyError, TypeError):
                    raise WorkerError("internal", f"{self.binary} shapes score failed (status {run.returncode}): "
                                                  f"{(run.stderr or run.stdout)[-300:]}") from None
        return out


class Tokenizer:
    def __init__(self, words: list[str]):
        if words[:2] != ["<pad>", "<start>"]:
            raise WorkerError("bad_request", "tokenizer/vocab.json must start with \"<pad>\", \"<start>\"")
        self.index = {w: i for i, w in enumerate(words)}

    def encode(self, prompt: str) -> tuple[list[int], list[float]]:
        ids = [START_ID]
        for word in prompt.lower().split():
            if word not in self.index:
                raise WorkerError("bad_request", f"prompt {prompt!r}: word {word!r} is not in the shapes32 vocabulary")
            ids.append(self.index[word])
        if len(ids) > MAX_TOKENS:
            raise WorkerError("bad_request", f"prompt {prompt!r} has {len(ids)} tokens; at most {MAX_TOKENS}")
        padding = MAX_TOKENS - len(ids)
        return ids + [PAD_ID] * padding, [1.0] * len(ids) + [0.0] * padding


class Shapes32Backend(Backend):
    model_id = "shapes32"
    max_batch = 64

    def __init__(self, folder: str | None, device: torch.device, ecad: str | None = None, noise: str = "torch"):
        if noise not in NOISE_KINDS:
            raise WorkerError("bad_request", f"shapes32 noise {noise!r}: expected one of {', '.join(NOISE_KINDS)}")
        self.noise = noise
        self.folder = folder or default_folder()
        self.reward = ShapesReward.find(ecad)
        self.device = device
        if not os.path.isdir(os.path.join(self.folder, "transformer")):
            raise WorkerError(
                "missing_weights",
                f"shapes32 model not found at {self.folder}: build it with training/train_shapes32.py (or use the "
                "shipped models/shapes32), or point $ECAD_SHAPES32 or the load request's \"path\" at it",
            )
        transformer = PixArtTransformer2DModel.from_pretrained(os.path.join(self.folder, "transformer"))
        transformer = transformer.to(device).eval()
        weights = load_file(os.path.join(self.folder, "text_encoder", "model.safetensors"))
        self.token_embedding = weights["token_embedding.weight"].to(device)
        self.position_embedding = weights["position_embedding.weight"].to(device)
        with open(os.path.join(self.folder, "tokenizer", "vocab.json"), encoding="utf-8") as f:
            self.tokenizer = Tokenizer(json.load(f))
        self.scheduler_config = DPMSolverMultistepScheduler.load_config(os.path.join(self.folder, "scheduler"))
        meta_path = os.path.join(self.folder, "ecad.json")
        meta = {}
        if os.path.exists(meta_path):
            with open(meta_path, encoding="utf-8") as f:
                meta = json.load(f)
        self.default_steps = int(meta.get("steps", 20))
        config = transformer.config
        tokens = (config.sample_size // config.patch_size) ** 2
        super().__init__(transformer, Geometry(rows=1, image_tokens=tokens, text_tokens=MAX_TOKENS))

    def digest(self) -> str:
        return files_digest(weight_files(os.path.join(self.folder, "transformer"))
                            + weight_files(os.path.join(self.folder, "text_encoder")))

    def encode(self, ids: torch.Tensor) -> torch.Tensor:
        return self.token_embedding[ids] + self.position_embedding[None, : ids.shape[1]]

    def initial_noise(self, seed: int) -> torch.Tensor:
        """[1, C, H, W] starting noise for `seed`: torch's CPU generator, or the native engine's (`splitmix64`)."""
        config = self.transformer.config
        shape = (1, config.in_channels, config.sample_size, config.sample_size)
        if self.noise == "splitmix64":
            return native_noise(seed, shape)
        return torch.randn(*shape, generator=torch.Generator().manual_seed(seed))

    def captions(self, prompts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        """Text states [2N, 16, D] and mask [2N, 16] of the CFG batch [uncond; cond]."""
        n = len(prompts)
        pairs = [self.tokenizer.encode(p) for p in prompts]
        uncond_ids = [START_ID] + [PAD_ID] * (MAX_TOKENS - 1)
        uncond_mask = [1.0] + [0.0] * (MAX_TOKENS - 1)
        ids = torch.tensor([uncond_ids] * n + [p[0] for p in pairs], device=self.device)
        mask = torch.tensor([uncond_mask] * n + [p[1] for p in pairs], device=self.device)
        return self.encode(ids), mask

    def _render(self, prompts: list[str], seeds: list[int], sampler: Sampler):
        return to_uint8(self.sample(prompts, seeds, sampler))

    @torch.no_grad()
    def sample(self, prompts: list[str], seeds: list[int], sampler: Sampler) -> torch.Tensor:
        """The float images [N, 3, H, W] (about [-1, 1]) under the installed schedule, before rounding."""
        self.cache.reset()
        n = len(prompts)
        x = torch.cat([self.initial_noise(s) for s in seeds]).to(self.device)
        text, mask = self.captions(prompts)
        self.scheduler = scheduler = DPMSolverMultistepScheduler.from_config(self.scheduler_config)
        scheduler.set_timesteps(sampler.steps)
        for t in scheduler.timesteps:
            timestep = torch.full((2 * n,), int(t), device=self.device, dtype=torch.long)
            out = self.transformer(
                torch.cat([x, x]), encoder_hidden_states=text, timestep=timestep, encoder_attention_mask=mask,
                added_cond_kwargs={"resolution": None, "aspect_ratio": None},
            ).sample.float()
            uncond, cond = out.chunk(2)
            x = scheduler.step(uncond + sampler.guidance * (cond - uncond), t, x).prev_sample
        return x

    def rewards(self, prompts, seeds, images, sampler):
        return None if self.reward is None else self.reward.score(prompts, images)
