"""Calibration anchors of an embedder for search/calibration.py: the cosines it gives to two job
titles of one occupation (synonyms, translations) and of different occupations (see anchors()).

The pairs are general occupational vocabulary written for this purpose, in English, German, French
and Spanish; none comes from an evaluation corpus. A third group, neighbouring occupations ("Data
Analyst" / "Data Scientist"), should land in between: it is printed to show where.

    .venv/bin/python bench/calibrate_titles.py [--embedder minilm|e5|use]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from embedders import EMBEDDERS, load_embedder

from resume_parser.search.calibration import Calibration, calibration_for
from resume_parser.search.lexicon import canonical

SAME = [
    ("software developer", "Software Engineer"),
    ("Softwareentwickler", "Software Developer"),
    ("développeur logiciel", "Software Developer"),
    ("desarrollador de software", "Software Engineer"),
    ("data analyst", "Senior Data Analyst"),
    ("Datenanalyst", "Data Analyst"),
    ("analyste de données", "Data Analyst"),
    ("accountant", "Senior Accountant"),
    ("Buchhalter", "Accountant"),
    ("comptable", "Accountant"),
    ("contable", "Accountant"),
    ("project manager", "Senior Project Manager"),
    ("Projektleiter", "Project Manager"),
    ("chef de projet", "Project Manager"),
    ("jefe de proyecto", "Project Manager"),
    ("QA engineer", "Quality Assurance Engineer"),
    ("ingeniero de QA", "QA Engineer"),
    ("nurse", "Registered Nurse"),
    ("Krankenpfleger", "Nurse"),
    ("infirmière", "Nurse"),
    ("teacher", "Primary School Teacher"),
    ("Lehrer", "Teacher"),
    ("recruiter", "Talent Acquisition Specialist"),
    ("frontend developer", "Front-End Engineer"),
    ("Frontend-Entwickler", "Frontend Developer"),
    ("site reliability engineer", "SRE"),
    ("sales manager", "Head of Sales"),
    ("graphic designer", "Graphic Designer"),
    ("truck driver", "Long-Haul Truck Driver"),
    ("pharmacist", "Pharmacist"),
]
NEIGHBOURS = [
    ("data analyst", "Data Scientist"),
    ("frontend developer", "Backend Engineer"),
    ("DevOps engineer", "Site Reliability Engineer"),
    ("accountant", "Financial Analyst"),
    ("project manager", "Program Manager"),
    ("UX designer", "UX Researcher"),
    ("Android developer", "iOS Developer"),
    ("security analyst", "Security Engineer"),
    ("recruiter", "HR Generalist"),
    ("marketing manager", "Content Marketing Manager"),
    ("software developer", "Data Engineer"),
    ("product manager", "Product Owner"),
]
UNRELATED = [
    ("software developer", "Accountant"),
    ("data analyst", "Truck Driver"),
    ("accountant", "Android Developer"),
    ("project manager", "Pharmacist"),
    ("QA engineer", "Marketing Manager"),
    ("nurse", "Software Engineer"),
    ("teacher", "DevOps Engineer"),
    ("recruiter", "Network Engineer"),
    ("frontend developer", "HR Generalist"),
    ("truck driver", "UX Designer"),
    ("pharmacist", "Data Scientist"),
    ("physiotherapist", "Product Manager"),
    ("Physiotherapeut", "Software Engineer"),
    ("farmacéutico", "Data Analyst"),
    ("Lehrer", "Financial Analyst"),
    ("chauffeur", "Security Analyst"),
    ("graphic designer", "Site Reliability Engineer"),
    ("sales manager", "Machine Learning Engineer"),
    ("security analyst", "Content Marketing Manager"),
    ("product manager", "Systems Administrator"),
    ("chef de projet", "Data Engineer"),
    ("enfermera", "Backend Developer"),
    ("Datenanalyst", "Nurse"),
    ("comptable", "Frontend Developer"),
]


async def cosines(embedder_name: str, pairs: list[tuple[str, str]]) -> list[float]:
    """The role side as the service embeds it: in canonical words (search/lexicon.py)."""
    embedder = load_embedder(embedder_name)
    roles = [await embedder.embed_query(canonical(a)) for a, _ in pairs]
    titles = await embedder.embed_documents([b for _, b in pairs])
    return [float(np.dot(r, t)) for r, t in zip(roles, titles, strict=True)]


def anchors(neighbours: list[float], unrelated: list[float]) -> Calibration:
    """0 at the 90th percentile of unrelated pairs (nearly every unrelated title scores 0), and the
    median pair of neighbouring occupations at 0.5: half a match, as the role's word check counts a
    related occupation word (search/scoring.py)."""
    low = float(np.percentile(unrelated, 90))
    return Calibration(unrelated=low, same=low + 2 * (statistics.median(neighbours) - low))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--embedder", choices=sorted(EMBEDDERS), default="minilm")
    args = parser.parse_args()
    same, neighbours, unrelated = (
        asyncio.run(cosines(args.embedder, p)) for p in (SAME, NEIGHBOURS, UNRELATED)
    )
    measured = anchors(neighbours, unrelated)
    current = calibration_for(load_embedder(args.embedder).name)
    print(f"{args.embedder}: measured anchors same {measured.same:.3f}, unrelated {measured.unrelated:.3f}")
    print(f"  in use: same {current.same:.3f}, unrelated {current.unrelated:.3f}")
    for label, values in (("same", same), ("neighbours", neighbours), ("unrelated", unrelated)):
        scaled = [current.scale(v) for v in values]
        print(
            f"  {label:10} cosine {min(values):.3f}-{max(values):.3f}; scaled median "
            f"{statistics.median(scaled):.2f}, min {min(scaled):.2f}, max {max(scaled):.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
