"""Track a government's annual targets month by month."""

__version__ = "0.1.0"
