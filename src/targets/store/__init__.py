"""Reading, validating, caching and appending the files: plan, ledger, CSV."""
