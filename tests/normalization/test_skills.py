"""Skill names: the alias table's canonical names (one skill under two names counts once)."""

from __future__ import annotations

from resume_parser.normalization.skills import canonical_skill


def test_aliases_have_one_canonical_name() -> None:
    assert canonical_skill("k8s") == "Kubernetes"
    assert canonical_skill("Postgres") == "PostgreSQL"
    assert canonical_skill("JS") == canonical_skill("JavaScript")


def test_a_skill_the_table_lacks_is_its_own_name() -> None:
    assert canonical_skill("Zig build system") == "Zig build system"
