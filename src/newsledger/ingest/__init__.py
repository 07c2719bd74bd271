"""Ingest: read files and records, clean boilerplate, identify articles by content."""
