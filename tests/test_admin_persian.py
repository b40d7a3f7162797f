"""The admin is as Persian as the public site: Nikrah's name and logo, Persian digits,
Jalali dates in inputs and listings, and pages of the editor's own language."""

import datetime
import re

import pytest
from django.utils import timezone

from newsroom.models import Comment, NewsIndexPage, NewsPage
from nikrah.admin_digits import persian_digits_in_text
from tests.moderation_world import news_form
from workinggroups.factories import WorkingGroupPageFactory


def test_the_admin_carries_nikrahs_name_and_logo(client, world):
    login = client.get("/admin/login/").content.decode()
    assert "ورود به نیکراه" in login
    assert "nikrah/img/favicon.svg" in login
    client.force_login(world["editor1"])
    dashboard = client.get("/admin/").content.decode()
    title = re.search(r"<title>(.*?)</title>", dashboard, re.DOTALL).group(1)
    assert "نیکراه" in title and "Wagtail" not in title
    assert "nikrah-admin-logo" in dashboard


def test_counts_and_paging_are_in_persian_digits(client, world):
    client.force_login(world["editor1"])
    listing = client.get(f"/admin/pages/{world['mehrvarzan'].profile.pk}/").content.decode()
    assert "صفحه ۱ از ۱" in listing
    assert not re.search(r"صفحه [0-9]+ از [0-9]+", listing)


def test_digits_change_in_prose_only():
    html = (
        '<html lang="fa"><p>4 صفحه&nbsp;12</p><a href="/admin/pages/12/">12</a>'
        "<script>var pages = 12;</script><textarea>12</textarea>"
        "<span>volunteer1@nikrah.localhost http://127.0.0.1:8000/ ABC12</span>"
        '<div data-action="w-dialog:hidden->w-action#reset 12">5</div></html>'
    )
    result = persian_digits_in_text(html)
    assert "<p>۴ صفحه&nbsp;۱۲</p>" in result
    assert 'href="/admin/pages/12/">۱۲</a>' in result
    assert "var pages = 12;" in result and "<textarea>12</textarea>" in result
    assert "volunteer1@nikrah.localhost http://127.0.0.1:8000/ ABC12" in result
    assert '<div data-action="w-dialog:hidden->w-action#reset 12">۵</div>' in result


def test_dates_in_admin_listings_are_jalali(client, world):
    news = NewsPage.objects.child_of(world["mehrvarzan"].profile).first() or None
    index = NewsIndexPage.objects.child_of(world["mehrvarzan"].profile).get()
    news = index.add_child(instance=NewsPage(title="خبر", slug="a-news", date="2023-01-10"))
    comment = Comment.objects.create(page=news, name="سارا", text="سلام")
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.make_aware(datetime.datetime(2023, 1, 10, 14, 30))
    )
    client.force_login(world["culture1"])
    listing = client.get("/admin/snippets/newsroom/comment/").content.decode()
    assert "۲۰ دی ۱۴۰۱، ۱۴:۳۰" in listing
    assert "ژانویه" not in listing and "2023" not in listing


@pytest.fixture
def news_editor(client, world):
    index = NewsIndexPage.objects.child_of(world["mehrvarzan"].profile).get()
    client.force_login(world["editor1"])
    return client, index


def test_a_news_date_is_typed_in_jalali_with_persian_digits(news_editor):
    client, index = news_editor
    form = client.get(f"/admin/pages/add/newsroom/newspage/{index.pk}/").content.decode()
    assert re.search(r'<input type="text" name="date" value="[۰-۹/]+"[^>]*data-jalali', form)

    data = news_form("خبر جلالی", date="۱۴۰۱/۱۰/۲۰", go_live_at="۱۴۰۵/۱۰/۰۱ ۰۹:۳۰")
    response = client.post(f"/admin/pages/add/newsroom/newspage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    news = NewsPage.objects.get(title="خبر جلالی")
    assert news.date == datetime.date(2023, 1, 10)
    assert timezone.localtime(news.go_live_at).replace(tzinfo=None) == datetime.datetime(
        2026, 12, 22, 9, 30
    )
    edit = client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    assert 'value="۱۴۰۱/۱۰/۲۰"' in edit
    assert 'value="۱۴۰۵/۱۰/۰۱ ۰۹:۳۰"' in edit


def test_a_date_that_is_not_a_date_is_refused_in_persian(news_editor):
    client, index = news_editor
    data = news_form("خبر بی‌تاریخ", date="۱۴۰۱/۱۳/۴۰")
    response = client.post(f"/admin/pages/add/newsroom/newspage/{index.pk}/", data)
    assert response.status_code == 200
    assert "تاریخ معتبر" in response.content.decode()
    assert not NewsPage.objects.filter(title="خبر بی‌تاریخ").exists()


def test_news_offers_working_groups_of_its_own_language(news_editor, world, locale_en):
    client, index = news_editor
    group_en = world["children"].copy_for_translation(locale_en, copy_parents=True)
    form = client.get(f"/admin/pages/add/newsroom/newspage/{index.pk}/").content.decode()
    choices = re.search(r'name="related_working_groups".*?</select>', form, re.DOTALL).group(0)
    assert f'value="{world["children"].pk}"' in choices
    assert f'value="{group_en.pk}"' not in choices


def test_the_page_chooser_lists_pages_of_the_editors_language(client, world, locale_en):
    other = WorkingGroupPageFactory(parent=world["children"].get_parent(), title="گروه سلامت")
    translated = other.copy_for_translation(locale_en, copy_parents=True)
    translated.title = "Health group"
    translated.save()
    client.force_login(world["exec1"])
    response = client.get("/admin/choose-page/search/", {"q": "گروه"})
    assert response.status_code == 200
    response = client.get(f"/admin/choose-page/{other.get_parent().pk}/")
    content = response.content.decode()
    assert "Health group" not in content
