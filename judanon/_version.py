"""The version of judanon (recorded in every audit trail)."""

__version__ = "0.2.0.dev0"
