"""Scorers for real models, each loaded once per worker from local files (never downloaded at run time).

| scorer      | package (extra)          | files                                        | pointed at by                 |
|-------------|--------------------------|----------------------------------------------|-------------------------------|
| ImageReward | image-reward (imagereward) | ImageReward.pt + med_config.json (THUDM/ImageReward) | $ECAD_IMAGEREWARD_DIR, --imagereward-dir |
| CLIP score  | open-clip-torch (clip)   | open_clip_pytorch_model.bin (laion or openai ViT-B-32) | $ECAD_CLIP_CHECKPOINT, --clip-checkpoint |
| FID         | clean-fid (fid)          | <dataset>_clean_custom_na.npz reference statistics + inception-2015-12-05.pt | $ECAD_FID_STATS_DIR, --fid-stats-dir |

FID reference statistics are named after their data set (`coco-30k`, `mjhq-30k`, ...): the reference code's
single hard-coded `mjhq-30k` name made COCO runs silently compare against MJHQ (ecad.md section 6).
"""

from __future__ import annotations

import os

import numpy as np

from .errors import WorkerError


def _missing(what: str, path: str, fetch: str, env: str, flag: str) -> WorkerError:
    return WorkerError(
        "missing_weights",
        f"{what}: {path} not found; fetch {fetch} onto this machine and point ${env} (or the worker flag {flag}) at it",
    )


def _require(package: str, extra: str):
    try:
        return __import__(package)
    except ImportError:
        raise WorkerError(
            "missing_dependency",
            f"the {package} package is not installed; pip install 'ecad-worker-diffusers[{extra}]'",
        ) from None


class ImageRewardScorer:
    """ImageReward-v1.0: one score per (prompt, image); higher is better."""

    def __init__(self, folder: str | None, device: str):
        folder = folder or os.environ.get("ECAD_IMAGEREWARD_DIR", "")
        checkpoint = os.path.join(folder, "ImageReward.pt")
        for path in (checkpoint, os.path.join(folder, "med_config.json")):
            if not folder or not os.path.isfile(path):
                raise _missing("ImageReward", path or "ImageReward.pt", "THUDM/ImageReward (ImageReward.pt, med_config.json)",
                               "ECAD_IMAGEREWARD_DIR", "--imagereward-dir")
        reward = _require("ImageReward", "imagereward")
        self.model = reward.load(checkpoint, device=device, med_config=os.path.join(folder, "med_config.json"))

    def score(self, prompts: list[str], images: np.ndarray) -> list[float]:
        from PIL import Image

        return [float(self.model.score(p, Image.fromarray(img))) for p, img in zip(prompts, images)]


class ClipScorer:
    """CLIP score: 100 x cosine(image, text) with ViT-B-32, clipped at 0 as the clip-score package does."""

    def __init__(self, checkpoint: str | None, device: str, architecture: str = "ViT-B-32"):
        checkpoint = checkpoint or os.environ.get("ECAD_CLIP_CHECKPOINT", "")
        if not checkpoint or not os.path.isfile(checkpoint):
            raise _missing("CLIP score", checkpoint or "open_clip_pytorch_model.bin",
                           "an open_clip ViT-B-32 checkpoint (e.g. laion/CLIP-ViT-B-32-laion2B-s34B-b79K)",
                           "ECAD_CLIP_CHECKPOINT", "--clip-checkpoint")
        open_clip = _require("open_clip", "clip")
        self.torch = __import__("torch")
        self.model, _, self.preprocess = open_clip.create_model_and_transforms(architecture, pretrained=checkpoint,
                                                                                device=device)
        self.tokenizer = open_clip.get_tokenizer(architecture)
        self.device = device

    def score(self, prompts: list[str], images: np.ndarray) -> list[float]:
        from PIL import Image

        torch = self.torch
        with torch.no_grad():
            pixels = torch.stack([self.preprocess(Image.fromarray(i)) for i in images]).to(self.device)
            image = self.model.encode_image(pixels)
            text = self.model.encode_text(self.tokenizer(prompts).to(self.device))
            image = image / image.norm(dim=-1, keepdim=True)
            text = text / text.norm(dim=-1, keepdim=True)
            return (100 * (image * text).sum(-1)).clamp(min=0).tolist()


class FidScorer:
    """FID of a folder of PNGs against reference statistics named after their data set (clean-fid, mode clean)."""

    def __init__(self, stats_dir: str | None):
        self.stats_dir = stats_dir or os.environ.get("ECAD_FID_STATS_DIR", "")
        if not self.stats_dir or not os.path.isdir(self.stats_dir):
            raise _missing("FID", self.stats_dir or "<stats dir>",
                           "reference statistics made once with clean-fid's make_custom_stats(<dataset>, ...)",
                           "ECAD_FID_STATS_DIR", "--fid-stats-dir")
        self.cleanfid = _require("cleanfid", "fid")

    def stats_file(self, dataset: str) -> str:
        return os.path.join(self.stats_dir, f"{dataset}_clean_custom_na.npz")

    def score(self, image_dir: str, dataset: str) -> float:
        path = self.stats_file(dataset)
        if not os.path.isfile(path):
            raise _missing("FID", path, f"statistics of the {dataset!r} data set", "ECAD_FID_STATS_DIR",
                           "--fid-stats-dir")
        stats = np.load(path)
        features = self.cleanfid.fid.get_folder_features(image_dir, mode="clean")
        mu, sigma = features.mean(axis=0), np.cov(features, rowvar=False)
        return float(self.cleanfid.fid.frechet_distance(mu, sigma, stats["mu"], stats["sigma"]))
