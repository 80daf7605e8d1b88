"""The pipelines ecad_diffusers knows: which model ids their schedules may name, and their default geometry.

A pipeline is recognised by the name of its class or of a base class (no diffusers import is needed to tell), so
subclasses of the known pipelines are accepted. `shapes32` is the diffusers worker's own sampler for the embedded
model (`ecad_worker_diffusers.shapes32.Shapes32Backend`), which exposes `transformer` and, during a run,
`scheduler` as the diffusers pipelines do.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import UnsupportedPipeline
from .families import Geometry


@dataclass(frozen=True)
class PipelineKind:
    """One known pipeline class: its name, the model-id prefix of its schedules, and its text length."""

    class_name: str
    model_prefix: str
    #: Text tokens of one caption at the pipeline's default `max_sequence_length` (the worker's values).
    text_tokens: int
    #: FLUX packs 2x2 latents into one token and sizes images by `pipe.default_sample_size`; the others patchify
    #: `transformer.config.sample_size` latents by `patch_size`.
    packed: bool = False

    def accepts_model(self, model_id: str) -> bool:
        return model_id == self.model_prefix or model_id.startswith(self.model_prefix + "-")

    def default_geometry(self, pipe) -> Geometry:
        """One row at the pipeline's default image size (used for the MAC fraction before any run)."""
        config = pipe.transformer.config
        if self.packed:
            side = getattr(pipe, "default_sample_size", 128) // 2
        else:
            side = config.sample_size // config.patch_size
        return Geometry(rows=1, image_tokens=side * side, text_tokens=self.text_tokens)


KINDS = (
    PipelineKind("PixArtAlphaPipeline", "pixart-alpha", 120),
    PipelineKind("PixArtSigmaPipeline", "pixart-sigma", 300),
    PipelineKind("FluxPipeline", "flux1", 512, packed=True),
    PipelineKind("Shapes32Backend", "shapes32", 16),
)


def kind_of(pipe) -> PipelineKind:
    """The kind of `pipe`, or UnsupportedPipeline naming the pipelines that are supported."""
    names = [cls.__name__ for cls in type(pipe).__mro__]
    for kind in KINDS:
        if kind.class_name in names:
            return kind
    supported = ", ".join(k.class_name for k in KINDS)
    raise UnsupportedPipeline(f"{type(pipe).__name__} is not a pipeline ecad_diffusers knows; supported: {supported}")


def observed_geometry(kind: PipelineKind, transformer, args: tuple, kwargs: dict) -> Geometry:
    """One row's geometry from a transformer call's inputs: image tokens from `hidden_states`, text tokens from
    `encoder_hidden_states` ([N, C, H, W] latents for PixArt, [N, T, C] packed tokens for FLUX)."""
    hidden = args[0] if args else kwargs["hidden_states"]
    text = kwargs.get("encoder_hidden_states", args[1] if len(args) > 1 else None)
    if hidden.ndim == 4:
        patch = transformer.config.patch_size
        tokens = (hidden.shape[-2] // patch) * (hidden.shape[-1] // patch)
    else:
        tokens = hidden.shape[1]
    return Geometry(rows=1, image_tokens=int(tokens), text_tokens=int(text.shape[1]) if text is not None else 0)
