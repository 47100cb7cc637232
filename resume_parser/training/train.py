"""Training the cascade: one CRF per model from the aligned examples, written with a manifest.

Deterministic: the examples are in a fixed order (corpus, then file name), features are computed the
same way every time and crfsuite's L-BFGS starts from zero weights, so the same corpus gives the same
model bytes. The models train in parallel processes, one model per process.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resume_parser.cascade import crf
from resume_parser.cascade.entries import MODEL_FILE as ENTRIES_FILE
from resume_parser.cascade.fields import MODELLED_KINDS, model_file
from resume_parser.cascade.parser import MANIFEST
from resume_parser.cascade.segmentation import MODEL_FILE
from resume_parser.training.examples import Example, Sequence

MIN_GLYPH_VOTES = 2


@dataclass(slots=True)
class FeaturedExample:
    """An example's sequences, computed once and reused by every training run that includes it."""

    example: Example
    segmentation: Sequence
    fields: dict[str, list[Sequence]]
    entries: list[Sequence]

    @property
    def family(self) -> str:
        return self.example.document.family


def featurize(example: Example) -> FeaturedExample:
    return FeaturedExample(
        example,
        example.segmentation(),
        {kind.value: list(example.fields(kind)) for kind in MODELLED_KINDS},
        list(example.entries()),
    )


def _train_one(job: tuple[str, list[Sequence], Path, dict[str, Any]]) -> str:
    name, sequences, target, params = job
    crf.train(sequences, target, params)
    return name


def train_cascade(
    examples: list[FeaturedExample],
    folder: Path,
    processes: int = 2,
    params: dict[str, dict[str, Any]] | None = None,
) -> Path:
    """Train every model of the cascade on the examples into the folder; returns the folder."""
    params = params or {}
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [
        (MODEL_FILE, [e.segmentation for e in examples], folder / MODEL_FILE, params.get("segmentation", {}))
    ]
    jobs.append(
        (
            ENTRIES_FILE,
            [s for e in examples for s in e.entries],
            folder / ENTRIES_FILE,
            params.get("entries", {}),
        )
    )
    for kind in MODELLED_KINDS:
        sequences = [s for e in examples for s in e.fields[kind.value]]
        jobs.append((model_file(kind), sequences, folder / model_file(kind), params.get(kind.value, {})))
    # The largest models first, so the processes finish together.
    jobs.sort(key=lambda job: -sum(len(s[1]) for s in job[1]))
    with ProcessPoolExecutor(max_workers=processes) as pool:
        list(pool.map(_train_one, jobs))
    _write_manifest(examples, folder, [job[0] for job in jobs])
    return folder


def _write_manifest(examples: list[FeaturedExample], folder: Path, files: list[str]) -> None:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update((folder / name).read_bytes())
    manifest = {
        "version": digest.hexdigest()[:12],
        "documents": len(examples),
        "families": sorted({e.family for e in examples}),
        "icon_networks": icon_networks(examples),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def icon_networks(examples: list[FeaturedExample]) -> dict[str, str]:
    """The glyph printed before profile user names of each network, where the training documents
    agree on it (an icon font's code point for the LinkedIn or GitHub logo)."""
    votes: Counter[tuple[str, str]] = Counter()
    for example in examples:
        votes.update(example.example.alignment.profile_glyphs)
    networks: dict[str, str] = {}
    for (glyph, network), count in votes.most_common():
        if count >= MIN_GLYPH_VOTES and glyph not in networks:
            networks[glyph] = network
    return dict(sorted(networks.items()))
