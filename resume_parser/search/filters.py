"""The caller's filters, as SQL conditions on the resumes table (aliased `r`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Filters:
    tenant_id: str = ""  # always applied: "" is the default tenant, not "any tenant"
    job_post_id: str = ""
    created_after: datetime | None = None  # inclusive
    created_before: datetime | None = None  # exclusive
    # The third ranker's filter, on search_facets, for queries that name a place, a language or
    # years of experience: in one of the countries or speaking one of the languages, and within
    # the range of experience.
    countries: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    certificate_words: tuple[str, ...] = ()
    degrees: tuple[str, ...] = ()
    min_experience_months: int | None = None
    max_experience_months: int | None = None

    @property
    def narrowing(self) -> bool:
        """Whether anything beyond "COMPLETED" of the default tenant is asked for."""
        return (
            bool(self.tenant_id or self.job_post_id or self.countries or self.languages)
            or bool(self.certificate_words or self.degrees)
            or self.created_after is not None
            or self.created_before is not None
            or self.min_experience_months is not None
            or self.max_experience_months is not None
        )

    def sql(self) -> tuple[str, dict[str, Any]]:
        """WHERE conditions and their parameters: only the tenant's COMPLETED resumes, and the
        filters that are set."""
        conditions = ["r.stage = 'COMPLETED'", "r.tenant_id = :tenant_id"]
        parameters: dict[str, Any] = {"tenant_id": self.tenant_id}
        if self.job_post_id:
            conditions.append("r.job_post_id = :job_post_id")
            parameters["job_post_id"] = self.job_post_id
        if self.created_after is not None:
            conditions.append("r.created_at >= :created_after")
            parameters["created_after"] = self.created_after
        if self.created_before is not None:
            conditions.append("r.created_at < :created_before")
            parameters["created_before"] = self.created_before
        # Any of the things the query names: a country, a language, a certificate, a degree.
        named = {
            "(r.search_facets->>'country') = ANY(:facet_countries)": ("facet_countries", self.countries),
            "(r.search_facets->'languages') ?| :facet_languages": ("facet_languages", self.languages),
            "(r.search_facets->'certificate_words') ?| :facet_certificates": (
                "facet_certificates",
                self.certificate_words,
            ),
            "(r.search_facets->'degrees') ?| :facet_degrees": ("facet_degrees", self.degrees),
        }
        asked = [(condition, name, values) for condition, (name, values) in named.items() if values]
        if asked:
            conditions.append("(" + " OR ".join(condition for condition, _, _ in asked) + ")")
            parameters.update((name, list(values)) for _, name, values in asked)
        experience = "(r.search_facets->>'experience_months')::int"
        if self.min_experience_months is not None:
            conditions.append(f"{experience} >= :min_experience_months")
            parameters["min_experience_months"] = self.min_experience_months
        if self.max_experience_months is not None:
            conditions.append(f"{experience} <= :max_experience_months")
            parameters["max_experience_months"] = self.max_experience_months
        return " AND ".join(conditions), parameters
