"""claimtrail: follow a claim through the news."""

__version__ = "0.1.0"
