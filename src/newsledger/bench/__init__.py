"""Benchmarks: accuracy and speed measured by `newsledger bench ...`."""
