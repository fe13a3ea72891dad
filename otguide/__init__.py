"""otguide: a guided interview that finds who can pay for a child's occupational therapy."""

__version__ = "0.1.0"
