"""Annotate: linguistic analysis (tokens, sentences, parse, lemmas, named entities) with spaCy."""
