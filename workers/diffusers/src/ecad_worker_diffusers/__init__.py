"""ecad's diffusers worker: component caching for PixArt and FLUX transformers behind ecad's worker protocol."""

__version__ = "0.1.0"
