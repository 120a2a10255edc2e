"""Network analytics over the built graph: networkx graphs, centrality, communities, exports."""

from kg.analytics.network import (
    agency_network,
    agency_task_network,
    citation_network,
    to_gexf,
    to_graphml,
)
from kg.analytics.stats import NetworkStats, network_stats

__all__ = [
    "NetworkStats",
    "agency_network",
    "agency_task_network",
    "citation_network",
    "network_stats",
    "to_gexf",
    "to_graphml",
]
