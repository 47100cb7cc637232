"""The labelled corpora the models learn from: documents, their truth files, layout families, and a
cache of extracted layouts (OCR of a scan takes seconds; everything after extraction is cheap).

A corpus folder holds `NAME.ext` + `NAME.json` pairs (see ../shared/eval/FORMAT.md). A layout
family is the corpus and the file name's prefix before the seed (`train-latex/moderncv-casual-40003`
-> `train-latex/moderncv-casual`: the corpus keeps our own dev `compact` layout apart from the theme
of the same name); a scan `scan-THEME-SEED` belongs to the family of its theme, so leaving a family
out leaves its scans out too.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resume_parser.layout import Document

DOCUMENT_SUFFIXES = (".pdf", ".docx", ".txt", ".html", ".htm", ".png", ".jpg", ".jpeg")
CORPORA = ("dev", "train", "train-latex", "train-docx")
_SEED = re.compile(r"-\d+$")
_EXTRACTION_SOURCES = Path(__file__).resolve().parent.parent / "extraction"


@dataclass(frozen=True, slots=True)
class LabelledDocument:
    path: Path
    corpus: str  # the corpus folder's name, e.g. "train-latex"
    truth: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def is_scan(self) -> bool:
        return self.name.startswith("scan-")

    @property
    def family(self) -> str:
        return f"{self.corpus}/{family_of(self.name)}"


def family_of(name: str) -> str:
    """`moderncv-casual-40003` -> `moderncv-casual`; `scan-autumn-20010` -> `autumn`."""
    return _SEED.sub("", name.removeprefix("scan-"))


def load_corpora(eval_dir: Path, corpora: Iterable[str] = CORPORA) -> list[LabelledDocument]:
    """Every labelled document of the named corpora, in a stable order."""
    documents = []
    for corpus in corpora:
        folder = eval_dir / corpus
        for path in sorted(folder.iterdir()):
            truth = path.with_suffix(".json")
            if path.suffix.lower() in DOCUMENT_SUFFIXES and truth.exists():
                documents.append(LabelledDocument(path, corpus, json.loads(truth.read_text("utf-8"))))
    return documents


def _extraction_version() -> str:
    """Changes whenever an extractor's source changes, so a stale cached layout is never used."""
    digest = hashlib.sha256()
    for source in sorted(_EXTRACTION_SOURCES.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


class LayoutCache:
    """Extracted layouts on disk, keyed by the file's bytes and the extractors' source."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._version = _extraction_version()

    def path_for(self, data: bytes) -> Path:
        return self.folder / f"{hashlib.sha256(data).hexdigest()[:24]}-{self._version}.pickle"

    def extract_all(self, paths: list[Path], processes: int = 2) -> list[Document]:
        """The layouts of the files, extracting (in parallel) only those not cached yet."""
        self.folder.mkdir(parents=True, exist_ok=True)
        missing = [p for p in paths if not self.path_for(p.read_bytes()).exists()]
        if missing:
            with ProcessPoolExecutor(max_workers=max(1, min(processes, len(missing)))) as pool:
                for path, document in zip(missing, pool.map(_extract, missing), strict=True):
                    self._store(path.read_bytes(), document)
        return [self._load(p.read_bytes()) for p in paths]

    def _store(self, data: bytes, document: Document) -> None:
        target = self.path_for(data)
        partial = target.with_suffix(".partial")
        partial.write_bytes(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(target)

    def _load(self, data: bytes) -> Document:
        document: Document = pickle.loads(self.path_for(data).read_bytes())
        return document


def _extract(path: Path) -> Document:
    from resume_parser.extraction.local import extract_bytes

    return extract_bytes(path.read_bytes())


def chunked(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
