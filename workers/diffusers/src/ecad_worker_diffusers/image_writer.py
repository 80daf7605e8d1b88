"""Writes one schedule's images and labelled grid under an evaluate request's `image_directory`:
`s<index>/p<prompt>-s<seed>.png` (prompt index, seed value) and `s<index>/grid.png` (rows = prompts, columns =
seeds, images upscaled 4x, prompt text on the left, `seed N` on top, PIL's default bitmap font)."""

from __future__ import annotations

import os

import numpy as np

GAP, SCALE, LABEL_HEIGHT, CHAR_WIDTH = 4, 4, 12, 6


def write_schedule_images(folder: str, index: int, prompts: list[str], seeds: list[int],
                          images: list[np.ndarray]) -> tuple[list[str], str]:
    """Writes `images` (prompt-major then seed) and the grid; returns their paths relative to `folder`."""
    from PIL import Image

    if len(images) != len(prompts) * len(seeds):
        raise ValueError(f"{len(images)} images for {len(prompts)} prompts x {len(seeds)} seeds")
    os.makedirs(os.path.join(folder, f"s{index}"), exist_ok=True)
    paths = []
    for k, image in enumerate(images):
        path = f"s{index}/p{k // len(seeds)}-s{seeds[k % len(seeds)]}.png"
        Image.fromarray(image).save(os.path.join(folder, path), format="PNG")
        paths.append(path)
    grid = f"s{index}/grid.png"
    grid_image(prompts, seeds, images).save(os.path.join(folder, grid), format="PNG")
    return paths, grid


def grid_image(prompts: list[str], seeds: list[int], images: list[np.ndarray]):
    """The labelled grid as a PIL image."""
    from PIL import Image, ImageDraw

    height, width = images[0].shape[0] * SCALE, images[0].shape[1] * SCALE
    left = GAP + max(len(p) for p in prompts) * CHAR_WIDTH + GAP
    top = GAP + LABEL_HEIGHT + GAP
    canvas = Image.new("RGB", (left + len(seeds) * (width + GAP), top + len(prompts) * (height + GAP)),
                       (230, 230, 230))
    draw = ImageDraw.Draw(canvas)
    for c, seed in enumerate(seeds):
        draw.text((left + c * (width + GAP), GAP), f"seed {seed}", fill=(0, 0, 0))
    for r, prompt in enumerate(prompts):
        y = top + r * (height + GAP)
        draw.text((GAP, y + height // 2 - LABEL_HEIGHT // 2), prompt, fill=(0, 0, 0))
        for c in range(len(seeds)):
            cell = Image.fromarray(images[r * len(seeds) + c]).resize((width, height), Image.NEAREST)
            canvas.paste(cell, (left + c * (width + GAP), y))
    return canvas
