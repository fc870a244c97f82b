"""Interleave's concurrent: the package that holds concurrent.futures (its one submodule, as in CPython)."""
