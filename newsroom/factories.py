import datetime

import factory
import wagtail_factories

from newsroom.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "اخبار"
    slug = factory.Sequence(lambda n: f"news-{n}")

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"خبر شمارهٔ {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    date = factory.Sequence(lambda n: datetime.date(2023, 1, 10) + datetime.timedelta(days=n))
    summary = "خلاصهٔ خبر"
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>متن خبر</p>"}])

    class Meta:
        model = NewsPage
