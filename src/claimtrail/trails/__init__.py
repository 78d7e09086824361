"""Claim trails: the same claim linked across articles, outlets and days, and the life of each trail."""
