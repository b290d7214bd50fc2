"""The plan, its targets, periods and figures: data, no files."""
