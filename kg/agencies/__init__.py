"""The agency register, the resolver that reads printed agency names, and agency NER."""

from kg.agencies.register import Register, RegisterEntry

__all__ = ["Register", "RegisterEntry"]
