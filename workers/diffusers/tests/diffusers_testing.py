"""Constants shared by the diffusers worker tests (a uniquely named module, so no other test tree shadows it)."""

STEPS = 6
IMAGES = 2
FLUX_SIDE = 4
