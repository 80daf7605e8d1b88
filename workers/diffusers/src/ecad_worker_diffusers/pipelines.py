"""Real models through diffusers pipelines: PixArt-alpha 256, PixArt-Sigma 256, FLUX.1-dev 256.

Weights are local folders (`hf download REPO --local-dir $ECAD_WEIGHTS/REPO`, docs/gpu-servers.md): the pipeline
folder (VAE, text encoder, tokenizer, scheduler) and the transformer folder of the 256 px checkpoint. Settings follow
the reference (ecad.md section 7): 20 steps, PixArt CFG 4.5 in one batch and fp16, FLUX distilled guidance 5 in bf16
and no true CFG. Text embeddings are computed once per prompt and reused, so latency covers the denoising loop,
VAE decode and post-processing, as the reference measures it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
import torch

from .backend import Backend, files_digest, weight_files
from .errors import WorkerError
from ecad_diffusers.families import Geometry
from .protocol import Sampler


@dataclass(frozen=True)
class ModelSpec:
    pipeline: str  # diffusers pipeline class
    pipeline_repo: str
    transformer_repo: str
    dtype: str
    resolution: int
    text_tokens: int
    guidance_distilled: bool


MODELS = {
    "pixart-alpha-256": ModelSpec("PixArtAlphaPipeline", "PixArt-alpha/PixArt-XL-2-1024-MS",
                                  "PixArt-alpha/PixArt-XL-2-256x256", "float16", 256, 120, False),
    "pixart-sigma-256": ModelSpec("PixArtSigmaPipeline", "PixArt-alpha/PixArt-Sigma-XL-2-1024-MS",
                                  "PixArt-alpha/PixArt-Sigma-XL-2-256x256", "float16", 256, 300, False),
    "flux1-dev-256": ModelSpec("FluxPipeline", "black-forest-labs/FLUX.1-dev", "black-forest-labs/FLUX.1-dev",
                               "bfloat16", 256, 512, True),
}


def weights_root() -> str:
    return os.environ.get("ECAD_WEIGHTS", "/srv/ecad/weights")


def locate(model_id: str, spec: ModelSpec, path: str | None) -> tuple[str, str]:
    """(pipeline folder, transformer folder), or a missing-weights error naming the repo and the variables.

    The pipeline folder is the load request's `path` or `$ECAD_WEIGHTS/<pipeline repo>`. The transformer is that
    folder's `transformer/` when the 256 px checkpoint is the pipeline's own (FLUX), else
    `$ECAD_WEIGHTS/<transformer repo>/transformer`.
    """
    pipeline = path or os.path.join(weights_root(), spec.pipeline_repo)
    if spec.transformer_repo == spec.pipeline_repo:
        transformer = os.path.join(pipeline, "transformer")
    else:
        transformer = os.path.join(weights_root(), spec.transformer_repo, "transformer")
    for folder, repo, marker in ((pipeline, spec.pipeline_repo, "model_index.json"),
                                 (transformer, spec.transformer_repo, "config.json")):
        if not os.path.isfile(os.path.join(folder, marker)):
            raise WorkerError(
                "missing_weights",
                f"{model_id}: {os.path.join(folder, marker)} not found; fetch {repo} with `hf download {repo} "
                f"--local-dir $ECAD_WEIGHTS/{repo}` (ECAD_WEIGHTS is now {weights_root()}) or give the load "
                "request's \"path\" (the pipeline folder)",
            )
    return pipeline, transformer


class PipelineBackend(Backend):
    """One diffusers pipeline with the ecad cache on its transformer."""

    max_batch = 16

    def __init__(self, model_id: str, path: str | None, device: torch.device, scorer=None):
        import diffusers

        spec = MODELS[model_id]
        pipeline_dir, transformer_dir = locate(model_id, spec, path)
        dtype = getattr(torch, spec.dtype)
        transformer_cls = (diffusers.FluxTransformer2DModel if spec.guidance_distilled
                           else diffusers.PixArtTransformer2DModel)
        transformer = transformer_cls.from_pretrained(transformer_dir, torch_dtype=dtype)
        pipeline_cls = getattr(diffusers, spec.pipeline)
        pipe = pipeline_cls.from_pretrained(pipeline_dir, transformer=transformer, torch_dtype=dtype)
        self.transformer_dir = transformer_dir
        self.attach(model_id, spec, pipe.to(device), device, scorer)

    @classmethod
    def from_pipeline(cls, model_id: str, spec: ModelSpec, pipe, device: torch.device, scorer=None):
        """A backend around an already built pipeline (tests build tiny ones)."""
        backend = cls.__new__(cls)
        backend.transformer_dir = None
        backend.attach(model_id, spec, pipe, device, scorer)
        return backend

    def attach(self, model_id: str, spec: ModelSpec, pipe, device: torch.device, scorer) -> None:
        self.model_id, self.spec, self.pipe, self.device, self.scorer = model_id, spec, pipe, device, scorer
        self.rows_per_image = 1 if spec.guidance_distilled else 2
        if spec.guidance_distilled:
            self.samplers = ("flow-euler", "flow-match-euler", "euler")
        self.pipe.set_progress_bar_config(disable=True)
        self._embeddings: dict[str, tuple] = {}
        latent_side = spec.resolution // self.pipe.vae_scale_factor
        patch = 2 if spec.guidance_distilled else pipe.transformer.config.patch_size  # FLUX packs 2x2 latents
        tokens = (latent_side // patch) ** 2
        super().__init__(self.pipe.transformer, Geometry(rows=1, image_tokens=tokens, text_tokens=spec.text_tokens))

    def digest(self) -> str | None:
        return files_digest(weight_files(self.transformer_dir)) if self.transformer_dir else None

    def _embed(self, prompt: str) -> tuple:
        if prompt not in self._embeddings:
            with torch.no_grad():
                if self.spec.guidance_distilled:
                    embeds, pooled, _ = self.pipe.encode_prompt(prompt, prompt_2=None, device=self.device,
                                                                max_sequence_length=self.spec.text_tokens)
                    self._embeddings[prompt] = (embeds, pooled)
                else:
                    self._embeddings[prompt] = self.pipe.encode_prompt(
                        prompt, do_classifier_free_guidance=True, device=self.device,
                        max_sequence_length=self.spec.text_tokens)
        return self._embeddings[prompt]

    def _render(self, prompts: list[str], seeds: list[int], sampler: Sampler) -> np.ndarray:
        parts = [self._embed(p) for p in prompts]
        stacked = [torch.cat(column) for column in zip(*parts)]
        generators = [torch.Generator(device=self.device).manual_seed(int(s)) for s in seeds]
        common = dict(num_inference_steps=sampler.steps, guidance_scale=sampler.guidance, height=self.spec.resolution,
                      width=self.spec.resolution, generator=generators, output_type="np")
        with torch.no_grad():
            if self.spec.guidance_distilled:
                out = self.pipe(prompt_embeds=stacked[0], pooled_prompt_embeds=stacked[1], **common)
            else:
                out = self.pipe(prompt_embeds=stacked[0], prompt_attention_mask=stacked[1], negative_prompt=None,
                                negative_prompt_embeds=stacked[2], negative_prompt_attention_mask=stacked[3],
                                max_sequence_length=self.spec.text_tokens, **common)
        return (np.clip(out.images, 0, 1) * 255).round().astype(np.uint8)

    def rewards(self, prompts, seeds, images, sampler):
        return None if self.scorer is None else self.scorer.score(prompts, images)
