"""Training and loading the cascade: a small training run is deterministic, and its models load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from resume_parser.cascade.parser import MODELS, Cascade, load_cascade, model_files
from resume_parser.cascade.reading import read_document
from resume_parser.errors import ConfigurationError
from resume_parser.extraction.local import extract_bytes
from resume_parser.normalization.local import LocalNormalizer
from resume_parser.training.corpus import load_corpora
from resume_parser.training.examples import build_examples
from resume_parser.training.train import FeaturedExample, featurize, train_cascade
from tests.extraction.documents import DEV_CORPUS

# Text and Word documents only: they extract in milliseconds, where a PDF page can need OCR.
SMALL_CORPUS = ("txt-1007", "txt-1015", "docx-plain-1005", "docx-table-1006")


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> list[FeaturedExample]:
    documents = [d for d in load_corpora(DEV_CORPUS.parent, ["dev"]) if d.name in SMALL_CORPUS]
    assert len(documents) == len(SMALL_CORPUS)
    cache = tmp_path_factory.mktemp("layouts")
    return [featurize(example) for example in build_examples(documents, cache, processes=1)]


def test_the_same_corpus_gives_the_same_model_bytes(examples: list[FeaturedExample], tmp_path: Path) -> None:
    first = train_cascade(examples, tmp_path / "first", processes=1)
    second = train_cascade(examples, tmp_path / "second", processes=2)
    for name in model_files():
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_a_small_training_run_parses(examples: list[FeaturedExample], tmp_path: Path) -> None:
    folder = train_cascade(examples, tmp_path / "models", processes=1)
    cascade = Cascade(folder)
    document = extract_bytes((DEV_CORPUS / "txt-1023.txt").read_bytes())
    reading = cascade.parse_reading(read_document(document))
    assert reading.resume.basics.email, "even four documents teach where the e-mail is"


def test_every_committed_model_loads_and_names_the_parser_version() -> None:
    cascade = load_cascade()
    assert cascade.folder == MODELS
    assert set(cascade.labellers) and cascade.segmenter and cascade.entry_splitter
    normalizer = LocalNormalizer(cascade)
    assert normalizer.parser_version.endswith(f"+models.{cascade.version}")


def test_a_missing_model_file_is_a_clear_start_up_error(tmp_path: Path) -> None:
    shutil.copytree(MODELS, tmp_path / "models")
    (tmp_path / "models" / "entries.crfsuite").unlink()
    with pytest.raises(ConfigurationError, match=r"entries\.crfsuite"):
        load_cascade(tmp_path / "models")
