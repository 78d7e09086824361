"""`python -m claimtrail.spark extract ...`: the same command as `claimtrail spark extract`."""

from claimtrail.spark.job import main

main()
