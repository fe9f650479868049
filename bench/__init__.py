"""Benchmarks (`make bench`): speed and memory of the stages next to the bare models."""
