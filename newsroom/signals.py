from wagtail.signals import page_published

from newsroom.erasure import erase_comments
from nikrah.signals import volunteer_account_deleted


def publish_news_index_with_profile(sender, instance, **kwargs):
    """When a charity's profile is published for the first time, its news index goes live."""
    from newsroom.models import NewsIndexPage

    for news_index in NewsIndexPage.objects.child_of(instance).filter(
        live=False, first_published_at__isnull=True
    ):
        revision = news_index.get_latest_revision() or news_index.save_revision()
        revision.publish()


def connect():
    from charities.models import CharityPage

    page_published.connect(
        publish_news_index_with_profile, sender=CharityPage, dispatch_uid="newsroom_charity_news"
    )
    volunteer_account_deleted.connect(erase_comments, dispatch_uid="newsroom_erase_comments")
