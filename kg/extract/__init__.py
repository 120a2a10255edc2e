"""Extractors that read one document body: outline and tasks, responsibility clauses."""
