"""bench/understanding: precision and recall of entities, quotes, near-duplicates and story clusters (issue 4 point 6)."""
