"""Embedding runtimes other than sentence-transformers (chosen by `indexing.embed.get_embedder`)."""
