"""Stage 1: bytes on disk → decoded, normalised text with a map back to source lines."""
