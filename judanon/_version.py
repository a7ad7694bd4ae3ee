"""The version of judanon (recorded in every audit trail)."""

__version__ = "0.1.0"
