"""One view per job: record, library, review, search (and export)."""
