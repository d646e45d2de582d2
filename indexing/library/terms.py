"""Library vocabulary and identity: glossary terms, people names, identity values."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from indexing.library.base import CatalogBase
from indexing.library.rows import now


class TermsMixin(CatalogBase):
    """Glossary, confidential terms, people to redact and the library's identity rows."""

    # -- terms --------------------------------------------------------------------
    def add_terms(self, terms: Sequence[str], *, confidential: bool = False) -> int:
        clean = [t.strip() for t in terms if t and t.strip()]
        with self.writing("terms"), self.transaction() as db:
            db.table("terms").upsert_all(
                [{"term": t, "confidential": int(confidential), "kind": "term", "added_at": now()}
                 for t in clean],
                pk="term",
            )
            self.audit("terms add", {"count": len(clean), "confidential": confidential}, db=db)
        return len(clean)

    def terms(self) -> list[dict[str, Any]]:
        return [
            {"term": r["term"], "confidential": bool(r["confidential"])}
            for r in self.db.query("SELECT term, confidential FROM terms ORDER BY term COLLATE NOCASE")
        ]

    def glossary(self) -> list[str]:
        """All plant terms (confidential ones too: they still help recognition and labels)."""
        return [t["term"] for t in self.terms()]

    def confidential_terms(self) -> list[str]:
        return [t["term"] for t in self.terms() if t["confidential"]]

    # -- people -------------------------------------------------------------------
    def add_people(self, names: Iterable[str]) -> int:
        """Add names of people to redact from anonymized exports.

        Returns:
            How many names were given (after dropping blanks).
        """
        clean = sorted({n.strip() for n in names if n and n.strip()})
        with self.writing("people"), self.transaction() as db:
            db.table("people").upsert_all([{"name": n, "added_at": now()} for n in clean], pk="name")
            self.audit("people add", {"count": len(clean)}, db=db)
        return len(clean)

    def people_names(self) -> list[str]:
        """Names in the `people` table."""
        return [r["name"] for r in self.db.query("SELECT name FROM people ORDER BY name")]

    # -- identity -----------------------------------------------------------------
    def identity(self, name: str) -> str | None:
        """One identity value (library id, plant, secret keys), None when unset."""
        rows = list(self.db.query("SELECT value FROM identity WHERE name=?", [name]))
        return rows[0]["value"] if rows else None

    def set_identity(self, name: str, value: str, *, secret: bool) -> None:
        """Store an identity value; `secret` ones never leave the library."""
        with self.writing("identity"), self.transaction() as db:
            db.table("identity").upsert(
                {"name": name, "value": value, "secret": int(secret), "created_at": now()}, pk="name"
            )
