from django.db import models
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from charities.models import Charity
from newsroom.blocks import NewsBodyBlock
from nikrah.models import BasePage
from nikrah.pagination import paginate
from nikrah.search import index
from nikrah.search.filters import matching
from nikrah.url_values import valid_id

NEWS_CARD_IMAGE = "fill-480x270"


class NewsIndexPage(RoutablePageMixin, BasePage):
    """A list of news: the network's newsroom (/news/: every charity's news too) or one
    charity's news below its profile. Both offer RSS and Atom feeds, filtered like the list."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage", "charities.CharityPage"]
    subpage_types = ["newsroom.NewsPage"]
    articles_per_page = 12

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    @cached_property
    def is_network_newsroom(self):
        return self.get_parent().specific_class._meta.label_lower == "home.homepage"

    def get_articles(self):
        """Live, public articles, newest first: the whole network's in the language of the
        newsroom, or those below a charity's news index."""
        articles = NewsPage.objects.live().public()
        if self.is_network_newsroom:
            articles = articles.filter(locale_id=self.locale_id)
        else:
            articles = articles.descendant_of(self)
        images = get_image_model().objects.prefetch_renditions(NEWS_CARD_IMAGE)
        return (
            articles.select_related("charity")
            .prefetch_related("tags", Prefetch("hero_image", queryset=images))
            .defer_streamfields()
            .order_by("-date", "-pk")
        )

    def filtered_articles(self, request):
        """The articles and the filters read from the URL (words, kind, tag, charity, working
        group), so that a filtered list or feed can be shared."""
        filters = {
            "q": request.GET.get("q", "").strip()[:100],
            "kind": request.GET.get("kind", "").strip(),
            "tag": request.GET.get("tag", "").strip()[:100],
            "charity": request.GET.get("charity", "").strip(),
            "working_group": request.GET.get("working_group", "").strip(),
        }
        articles = self.get_articles()
        if filters["kind"] in NewsPage.Kind.values:
            articles = articles.filter(kind=filters["kind"])
        if filters["tag"]:
            articles = articles.filter(tags__name=filters["tag"])
        if charity_id := valid_id(filters["charity"]):
            articles = articles.filter(charity_id=charity_id)
        if group_id := valid_id(filters["working_group"]):
            articles = articles.filter(related_working_groups__id=group_id)
        return matching(articles, filters["q"]).distinct(), filters

    @path("")
    def index_route(self, request):
        articles, filters = self.filtered_articles(request)
        page_obj = paginate(request, articles, self.articles_per_page)
        return self.render(
            request,
            context_overrides={
                "articles": page_obj,
                "filters": filters,
                "is_filtered": any(filters.values()),
                "kinds": NewsPage.Kind.choices,
                "filter_charities": self._filter_charities(),
                "filter_working_groups": self._filter_working_groups(),
            },
        )

    def _filter_charities(self):
        if not self.is_network_newsroom:
            return []
        return Charity.objects.filter(news_articles__live=True).distinct().order_by("name_sort")

    def _filter_working_groups(self):
        from workinggroups.models import WorkingGroupPage

        return (
            WorkingGroupPage.objects.live().filter(locale_id=self.locale_id).order_by("title_sort")
        )

    @re_path(r"^feed/(?P<format>rss|atom)/$", name="feed")
    def feed_route(self, request, format):
        from newsroom.feeds import NewsAtomFeed, NewsRssFeed

        feed = (NewsRssFeed if format == "rss" else NewsAtomFeed)(self)
        return feed(request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "newsroom.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(RoutablePageMixin, BasePage):
    """A news article: the network's or a charity's. Visitors may comment; comments show only
    once approved."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        EVENT_REPORT = "event_report", _("Event report")
        GUIDE = "guide", _("Guide for donors and volunteers")
        ANNOUNCEMENT = "announcement", _("Announcement")

    date = models.DateField(_("date"), default=timezone.localdate)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("main image"),
    )
    hero_caption = models.CharField(_("main image caption"), max_length=250, blank=True)
    body = StreamField(NewsBodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    # Set from where the article is created: the charity whose news index it is under.
    charity = models.ForeignKey(
        Charity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="news_articles",
        verbose_name=_("charity"),
    )
    related_working_groups = ParentalManyToManyField(
        "workinggroups.WorkingGroupPage",
        blank=True,
        related_name="news_articles",
        verbose_name=_("related working groups"),
    )
    related_projects = ParentalManyToManyField(
        "workinggroups.ProjectPage",
        blank=True,
        related_name="news_articles",
        verbose_name=_("related projects"),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("kind")], heading=_("Date and kind")),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Main image")
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("tags"),
                FieldPanel("related_working_groups"),
                FieldPanel("related_projects"),
            ],
            heading=_("Tags and related work"),
        ),
    ]
    promote_panels = Page.promote_panels

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["newsroom.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def save(self, *args, **kwargs):
        # The article belongs to the charity whose news it is written in; nobody types it.
        if self.charity_id is None and self.path and self.depth > 1:
            from charities.services import charity_for_page

            self.charity = charity_for_page(self.get_parent())
        super().save(*args, **kwargs)

    def related_articles(self, limit=3):
        """Live articles sharing a tag, else from the same charity; newest first."""
        base = (
            NewsPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .defer_streamfields()
            .order_by("-date", "-pk")
        )
        tag_ids = [tag.pk for tag in self.tags.all()]
        related = list(base.filter(tags__id__in=tag_ids).distinct()[:limit]) if tag_ids else []
        if len(related) < limit and self.charity_id:
            more = base.filter(charity_id=self.charity_id).exclude(pk__in=[a.pk for a in related])
            related += list(more[: limit - len(related)])
        return related

    # The routes delegate to views, which depend on these models (not the other way round).
    @path("")
    def article_route(self, request):
        from newsroom.views import article

        return article(request, self)

    @path("comment/", name="comment")
    def comment_route(self, request):
        from newsroom.views import post_comment

        if request.method != "POST":
            return redirect(self.url)
        return post_comment(request, self)

    def get_context(self, request, *args, **kwargs):
        from newsroom.models.comments import Comment

        context = super().get_context(request, *args, **kwargs)
        context["comments"] = Comment.objects.approved_thread(self)
        context["related_articles"] = self.related_articles()
        return context
