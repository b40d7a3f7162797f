"""The public site as a visitor meets it: Persian first, English under /en/."""

import re

from home.models import HomePage
from newsroom.factories import NewsIndexPageFactory, NewsPageFactory
from newsroom.models import NewsIndexPage, NewsPage


def html_attrs(response):
    match = re.search(r"<html lang=\"([^\"]+)\" dir=\"([^\"]+)\"", response.content.decode())
    return match.groups()


def test_home_is_persian_and_right_to_left(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    assert html_attrs(response) == ("fa", "rtl")
    content = response.content.decode()
    assert "رفتن به محتوای اصلی" in content  # the skip link, translated
    assert "نیکراه کار خیریه‌ها را آسان‌تر می‌کند" in content  # footer, translated


def test_english_is_served_under_en_left_to_right(client, demo):
    response = client.get("/en/")
    assert response.status_code == 200
    assert html_attrs(response) == ("en", "ltr")
    assert "Skip to content" in response.content.decode()
    assert "Our mission" in response.content.decode()


def test_persian_is_served_without_a_prefix_whatever_the_browser_asks(client, demo):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert html_attrs(response) == ("fa", "rtl")


def test_meeting_report_date_is_jalali_in_persian_and_gregorian_in_english(client, demo):
    fa = client.get("/news/second-meeting-report/").content.decode()
    en = client.get("/en/news/second-meeting-report/").content.decode()
    assert "۲۰ دی ۱۴۰۱" in fa
    assert "10 January 2023" in en


def test_newsroom_lists_the_meeting_report(client, demo):
    response = client.get("/news/")
    assert "گزارش نشست نیکراه با خیریه‌های عضو" in response.content.decode()
    assert "۲۰ دی ۱۴۰۱" in response.content.decode()


def test_language_switcher_leads_to_the_translation_of_the_current_page(client, demo):
    fa = client.get("/news/second-meeting-report/").content.decode()
    assert 'href="/en/news/second-meeting-report/" hreflang="en"' in fa
    en = client.get("/en/news/second-meeting-report/").content.decode()
    assert 'href="/news/second-meeting-report/" hreflang="fa"' in en


def test_language_switcher_falls_back_to_the_home_page_without_a_translation(client, demo):
    newsroom = NewsIndexPage.objects.get(url_path="/home/news/")
    NewsPageFactory(parent=newsroom, slug="only-persian", title="فقط فارسی")
    content = client.get("/news/only-persian/").content.decode()
    assert 'href="/en/" hreflang="en"' in content


def test_home_sections_say_in_words_when_they_are_empty(client, home_page):
    content = client.get("/").content.decode()
    assert "هنوز خبری منتشر نشده است." in content
    assert "lorem" not in content.lower()


def test_home_shows_latest_news_and_figures_from_real_data(client, home_page):
    newsroom = NewsIndexPageFactory(parent=home_page, slug="news")
    NewsPageFactory.create_batch(2, parent=newsroom)
    draft = NewsPageFactory(parent=newsroom, title="پیش‌نویس منتشرنشده")
    draft.unpublish()

    content = client.get("/").content.decode()
    assert "پیش‌نویس منتشرنشده" not in content
    assert "<dt>خبر منتشرشده</dt><dd>۲</dd>" in content


def test_news_listing_paginates_with_persian_page_numbers(client, home_page):
    newsroom = NewsIndexPageFactory(parent=home_page, slug="news")
    NewsPageFactory.create_batch(NewsIndexPage.articles_per_page + 1, parent=newsroom)
    first = client.get("/news/").content.decode()
    assert "صفحهٔ ۱ از ۲" in first
    assert client.get("/news/?page=2").status_code == 200
    assert client.get("/news/?page=abc").status_code == 200
    assert client.get("/news/?page=99").status_code == 200


def test_unknown_pages_get_a_persian_not_found_page(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "صفحه پیدا نشد" in response.content.decode()


def test_sitemap_lists_live_pages_in_both_languages_and_no_drafts(client, demo):
    newsroom = NewsIndexPage.objects.get(url_path="/home/news/")
    draft = NewsPageFactory(parent=newsroom, slug="draft-news")
    draft.unpublish()
    content = client.get("/sitemap.xml").content.decode()
    assert "/news/second-meeting-report/</loc>" in content
    assert "/en/news/second-meeting-report/</loc>" in content
    assert "draft-news" not in content


def test_page_tree_follows_the_design():
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]
    assert HomePage.max_count_per_parent == 1
    assert NewsPage.allowed_subpage_models() == []


def test_public_pages_load_nothing_from_other_hosts(client, demo):
    for url in ["/", "/en/", "/news/", "/news/second-meeting-report/"]:
        content = client.get(url).content.decode()
        # Resources the browser would load: src attributes and stylesheet/icon/preload links.
        sources = re.findall(r'src="((?:https?:)?//[^"]+)"', content)
        links = re.findall(
            r'<link[^>]*rel="(?:stylesheet|icon|preload)"[^>]*href="((?:https?:)?//[^"]+)"',
            content,
        )
        external = sources + links
        assert external == [], (url, external)
