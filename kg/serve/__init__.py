"""`kg serve`: a read-only SPARQL 1.1 endpoint over the build's store, with browsable pages."""

from kg.serve.app import ServeConfig, SparqlServer, load_examples, make_server

__all__ = ["ServeConfig", "SparqlServer", "load_examples", "make_server"]
