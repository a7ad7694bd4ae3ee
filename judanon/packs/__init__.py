"""Language and country packs: patterns, context words and validators kept as data."""
