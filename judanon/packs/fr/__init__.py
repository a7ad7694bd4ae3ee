"""The French pack: identifiers with checksums, dates in context, addresses and places."""
