"""On-demand benchmarks: each module prints its figures and the command that gives them."""
