"""Shipped SPARQL queries, runnable by name: ``kg query GRAPH NAME``."""
