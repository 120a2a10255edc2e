"""Stage: extracted dataclasses → RDF (our ontology aligned to DCTERMS, ELI, ORG, PROV, SKOS, QB)."""
