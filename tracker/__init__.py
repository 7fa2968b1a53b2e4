"""tracker: follow Taiwan's bilateral economic dialogues from the command line."""

__version__ = "0.1.0"
