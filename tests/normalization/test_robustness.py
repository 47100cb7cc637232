"""The local normalizer never crashes on odd text: every section kind, any characters."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from resume_parser.errors import EmptyDocumentError
from resume_parser.layout import Block, Document, GroupedDocument, Page, Section, SectionKind
from tests.normalization.layouts import lines
from tests.parsers import normalizer

_WORDS = st.sampled_from(
    [
        "Engineer",
        "Acme GmbH",
        "2019",
        "–",
        "Present",
        "•",
        "jane@x.io",
        "+49",
        "30 1234567",
        "Berlin,",
        "Germany",
        "B.Sc.",
        "in",
        "Python,",
        "(Native)",
        "English",
        ":",
        "|",
        "03/2020",
        "University",
        "●●○",
        "linkedin.com/in/x",
        "ü",
        "😀",
        "12",
        "-",
        "and",
    ]
)
_LINE = st.lists(
    st.one_of(_WORDS, st.text(min_size=1, max_size=8).filter(lambda t: t.strip())), min_size=1, max_size=8
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(list(SectionKind)), st.lists(_LINE, min_size=1, max_size=6)), max_size=6
    )
)
def test_any_grouped_document_normalizes_or_is_empty(
    sections: list[tuple[SectionKind, list[list[str]]]],
) -> None:
    built = [Section(kind, None, lines("\n".join(" ".join(w) for w in rows))) for kind, rows in sections]
    every = [line for section in built for line in section.lines]
    document = Document(pages=[Page(1, 612, 792, [Block(every)])], media_type="text/plain", extractor="text")
    grouped = GroupedDocument(document=document, sections=built)
    try:
        resume = normalizer(date(2025, 1, 1)).normalize_sync(grouped)
    except EmptyDocumentError:
        assert not any(c.isalpha() for c in document.text)
        return
    assert resume.meta is not None and resume.meta.normalizer == "local"
    resume.to_json_dict()  # the result always serialises
