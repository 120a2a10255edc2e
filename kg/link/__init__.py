"""Linking: connect extracted facts to corpus documents and register entries."""
