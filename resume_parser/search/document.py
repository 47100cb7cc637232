"""Everything search stores for one resume, built from the parsed resume in one place for the
pipeline, `resume-parser reembed`, the benchmarks and the tests: the vectors, the full-text
document and the facets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from resume_parser.db.repository import EmbeddingVector
from resume_parser.embedding import Embedder
from resume_parser.embedding.texts import resume_text, search_text, skill_names, title_texts, work_texts
from resume_parser.enrichment.isced import degree_keys
from resume_parser.resume import ParsedResume
from resume_parser.search.facets import resume_facets
from resume_parser.search.lexicon import canonical


@dataclass(frozen=True, slots=True)
class SearchDocument:
    vectors: list[EmbeddingVector]
    text: str  # for to_tsvector('simple', ...)
    facets: dict[str, Any]  # resumes.search_facets


async def search_document(parsed: ParsedResume, embedder: Embedder) -> SearchDocument:
    vectors = await resume_vectors(parsed, embedder)
    return SearchDocument(vectors, full_text(parsed), resume_facets(parsed).to_json())


async def resume_vectors(parsed: ParsedResume, embedder: Embedder) -> list[EmbeddingVector]:
    """One vector for the whole resume, one per work entry (index for index), one per current title."""
    works, titles = work_texts(parsed), title_texts(parsed)
    vectors = await embedder.embed_documents([resume_text(parsed), *works, *titles])
    kinds = ["resume", *(["work"] * len(works)), *(["title"] * len(titles))]
    indexes: list[int | None] = [None, *range(len(works)), *([None] * len(titles))]
    return [
        EmbeddingVector(index, embedder.name, vector, kind)
        for kind, index, vector in zip(kinds, indexes, vectors, strict=True)
    ]


def full_text(parsed: ParsedResume) -> str:
    """The full-text document, with the canonical English of titles and skills and the English
    names of languages, so that English query words find a resume written in German."""
    facets = resume_facets(parsed)
    extra = [canonical(t) for t in facets.titles] + [canonical(s) for s in skill_names(parsed.skills)]
    degrees = [key for entry in facets.education for key in degree_keys(entry)]
    return search_text(parsed, [*extra, *facets.languages, *degrees])
