from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "newsdesk.site"
    label = "newsdesk_site"
    verbose_name = "Public site"

    def ready(self) -> None:
        """Keep baked pages exact in every process that can change an article (web, worker, commands)."""
        from newsdesk.newsroom import selectors
        from newsdesk.publish import bake
        from newsdesk.publish.bake import invalidation
        from newsdesk.site.context import NAV_SECTIONS
        from newsdesk.site.views import SECTION_PAGE_SIZE

        def masthead() -> list[tuple[int, str, str]]:
            """What every page shows besides its own content: the sections named in the masthead."""
            return [(s.pk, s.name, s.slug) for s in selectors.sections_listed(limit=NAV_SECTIONS)]

        bake.configure(section_page_size=SECTION_PAGE_SIZE, site_wide=masthead)
        invalidation.connect()
