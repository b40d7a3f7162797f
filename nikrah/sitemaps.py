from wagtail.contrib.sitemaps import Sitemap


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists only the site's own (Persian) tree; list every translation too."""

    def items(self):
        from wagtail.models import Page

        root = self.get_wagtail_site().root_page
        trees = Page.objects.none()
        for translation in root.get_translations(inclusive=True):
            trees |= Page.objects.descendant_of(translation, inclusive=True)
        return trees.live().public().order_by("path").defer_streamfields().specific()
