"""Plumbing shared by every phase: configuration, randomness, IDs, schema, the COPY writer, the database."""
