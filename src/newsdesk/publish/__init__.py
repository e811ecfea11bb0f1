"""What is public and how it is rendered out: view counts, bodies with datelines, relative times.

May import newsroom and core only (DESIGN.md layout table); the site, feeds
and API render through it.
"""
