"""The public pages: home, sections, articles, view counting."""
