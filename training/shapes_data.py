"""Training data for shapes32: images rendered by `ecad shapes render --format raw`, tokenized with the model's vocabulary.

A raw render directory holds images.u8 (N*32*32*3 bytes, HWC RGB), prompts.txt (line i = prompt of image i) and
manifest.json. The renderer (Swift, ECADShapes) is the single source of the images; this module only reads them.
"""

from __future__ import annotations

import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import torch

MAX_TOKENS = 16
PAD_ID = 0
START_ID = 1


class Vocabulary:
    """Word-level tokenizer over the grammar's vocabulary: id 0 <pad>, id 1 <start>, then words."""

    def __init__(self, words: list[str]):
        if words[:2] != ["<pad>", "<start>"]:
            raise ValueError("vocab.json must start with <pad>, <start>")
        self.words = words
        self.index = {w: i for i, w in enumerate(words)}

    @classmethod
    def load(cls, path: str) -> "Vocabulary":
        with open(path, encoding="utf-8") as f:
            return cls(json.load(f))

    def encode(self, prompt: str) -> tuple[list[int], list[float]]:
        ids = [START_ID]
        for word in prompt.lower().split():
            if word not in self.index:
                raise ValueError(f"unknown word {word!r}; vocabulary: {' '.join(self.words[2:])}")
            ids.append(self.index[word])
        if len(ids) > MAX_TOKENS:
            raise ValueError(f"prompt has {len(ids)} tokens, more than {MAX_TOKENS}: {prompt!r}")
        mask = [1.0] * len(ids) + [0.0] * (MAX_TOKENS - len(ids))
        return ids + [PAD_ID] * (MAX_TOKENS - len(ids)), mask

    def encode_batch(self, prompts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        pairs = [self.encode(p) for p in prompts]
        ids = torch.tensor([p[0] for p in pairs], dtype=torch.long)
        mask = torch.tensor([p[1] for p in pairs], dtype=torch.float32)
        return ids, mask


@dataclass
class ShapesDataset:
    """All images as uint8 [N, 32, 32, 3] plus token ids [N, 16] and masks [N, 16]."""

    images: torch.Tensor
    ids: torch.Tensor
    mask: torch.Tensor

    def __len__(self) -> int:
        return self.images.shape[0]

    def to(self, device: torch.device) -> "ShapesDataset":
        return ShapesDataset(self.images.to(device), self.ids.to(device), self.mask.to(device))

    def batch(self, index: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Images as float [B, 3, 32, 32] in [-1, 1], token ids [B, 16], masks [B, 16] (clones, safe to edit)."""
        index = index.to(self.images.device)
        x = self.images[index].permute(0, 3, 1, 2).float() / 127.5 - 1.0
        return x, self.ids[index].clone(), self.mask[index].clone()


def read_raw_dir(path: str) -> tuple[np.ndarray, list[str]]:
    with open(os.path.join(path, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    count, width, height = manifest["count"], manifest["width"], manifest["height"]
    pixels = np.fromfile(os.path.join(path, "images.u8"), dtype=np.uint8)
    if pixels.size != count * width * height * 3:
        raise ValueError(f"{path}: images.u8 has {pixels.size} bytes, manifest says {count}x{height}x{width}x3")
    with open(os.path.join(path, "prompts.txt"), encoding="utf-8") as f:
        prompts = f.read().splitlines()
    if len(prompts) != count:
        raise ValueError(f"{path}: {len(prompts)} prompts for {count} images")
    return pixels.reshape(count, height, width, 3), prompts


def load_dataset(dirs: list[str], vocab: Vocabulary) -> ShapesDataset:
    arrays, prompts = [], []
    for d in dirs:
        a, p = read_raw_dir(d)
        arrays.append(a)
        prompts.extend(p)
    ids, mask = vocab.encode_batch(prompts)
    return ShapesDataset(torch.from_numpy(np.concatenate(arrays)), ids, mask)


def render_chunks(ecad_bin: str, out_dir: str, total: int, seed: int, chunks: int) -> list[str]:
    """Render `total` training images in `chunks` parallel renderer processes (seeds seed*1000+i)."""
    per = (total + chunks - 1) // chunks
    dirs = [os.path.join(out_dir, f"chunk{i:02d}") for i in range(chunks)]

    def run(i: int) -> None:
        if os.path.exists(os.path.join(dirs[i], "manifest.json")):
            return
        cmd = [ecad_bin, "shapes", "render", "--count", str(per), "--seed", str(seed * 1000 + i),
               "--out", dirs[i], "--format", "raw"]
        subprocess.run(cmd, check=True)

    with ThreadPoolExecutor(max_workers=chunks) as pool:
        list(pool.map(run, range(chunks)))
    return dirs
