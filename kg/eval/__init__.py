"""Scoring against hand-checked gold (schema: shared/gold/GOLD_SCHEMA.md)."""
