"""`kg serve`: a read-only SPARQL endpoint and HTML pages over a build's query store."""
