"""Batch ingest: many recordings, computed by Ray workers, committed by one writer."""

from indexing.batch.runner import BatchError, BatchResult, FileOutcome, batch_ingest, collect

__all__ = ["BatchError", "BatchResult", "FileOutcome", "batch_ingest", "collect"]
