"""Evaluation scripts: each prints the numbers the README reports."""
