"""How targets are judged: pure functions from a plan and its figures to rows."""
