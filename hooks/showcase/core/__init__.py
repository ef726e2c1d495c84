"""Layer 1: values with no dependencies (dates, quantities, vocabularies, problems, YAML nodes, text rules)."""
