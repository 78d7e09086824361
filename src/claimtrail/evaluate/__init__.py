"""Evaluation scorers for claimtrail's extractors against public gold standards."""
