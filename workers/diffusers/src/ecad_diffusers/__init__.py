"""ecad_diffusers: ecad's caching schedules on diffusers transformers (the caching hooks the diffusers worker uses)."""
