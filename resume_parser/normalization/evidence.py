"""Per-field evidence: which line a value was read from (page and bounding box) and how sure we are."""

from __future__ import annotations

from resume_parser.layout import UNKNOWN_BOX, Line
from resume_parser.resume import BoundingBox, FieldEvidence


class EvidenceLog:
    """Collects FieldEvidence in the order fields are filled."""

    def __init__(self) -> None:
        self._items: list[FieldEvidence] = []

    def add(self, path: str, line: Line | None, confidence: float) -> None:
        box = None
        if line is not None and line.box != UNKNOWN_BOX:
            box = BoundingBox(
                left=line.box.left, top=line.box.top, right=line.box.right, bottom=line.box.bottom
            )
        page = line.page if line is not None else 0
        self._items.append(FieldEvidence(path=path, confidence=round(confidence, 2), page=page, box=box))

    def add_sources(self, prefix: str, sources: dict[str, Line], confidence: dict[str, float]) -> None:
        for name, line in sources.items():
            self.add(f"{prefix}.{name}", line, confidence.get(name, DEFAULT_CONFIDENCE))

    @property
    def items(self) -> list[FieldEvidence]:
        return list(self._items)


DEFAULT_CONFIDENCE = 0.7
