"""Benchmarks: each script builds its own synthetic site and prints ratios to a baseline."""
