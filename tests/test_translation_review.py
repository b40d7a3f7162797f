"""A charity's editor translates their own pages, through the committee's review like any
change: «ترجمهٔ این صفحه» on their page, the translation editor, «ارسال برای بررسی»."""

import pytest
from django.contrib.messages import get_messages
from wagtail.models import WorkflowState
from wagtail_localize.models import StringSegment, Translation

from newsroom.factories import NewsPageFactory
from newsroom.models import NewsIndexPage
from tests.moderation_world import current_task_state

TRANSLATE_BUTTON = "ترجمهٔ این صفحه"


@pytest.fixture
def english_profile(world, locale_en, home_page):
    """Mehrvarzan's profile has its English page, as in the demo."""
    profile = world["mehrvarzan"].profile
    home_page.copy_for_translation(locale_en).save_revision().publish()
    profile.get_parent().copy_for_translation(locale_en).save_revision().publish()
    english = profile.copy_for_translation(locale_en)
    english.save_revision().publish()
    return english


@pytest.fixture
def live_news(world):
    news_index = NewsIndexPage.objects.child_of(world["mehrvarzan"].profile).get()
    news = NewsPageFactory(parent=news_index, title="توزیع پوشاک زمستانی", slug="winter")
    news.save_revision().publish()
    return news


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def translate(client, news, locale_en):
    """editor1 chooses English on the "Translate page" screen."""
    response = client.post(f"/admin/localize/submit/page/{news.pk}/", {"locales": [locale_en.pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    return news.get_translation(locale_en)


def write_english(client, translation_page, texts):
    """What the translation editor's «ذخیره» does for each text: store its translation."""
    translation = Translation.objects.get(
        source__object_id=translation_page.translation_key,
        target_locale=translation_page.locale,
    )
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        english = texts.get(segment.string.data)
        if english:
            response = client.put(
                f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
                f"value={english}",
                content_type="application/x-www-form-urlencoded",
            )
            assert response.status_code in (200, 201), response.content.decode()[:500]


def submit_for_review(client, page):
    return client.post(
        f"/admin/pages/{page.pk}/edit/", {"nikrah-submit-translation": "1"}, follow=True
    )


def test_editor_is_offered_to_translate_their_own_pages_only(
    client, world, english_profile, live_news
):
    client.force_login(world["editor1"])
    assert TRANSLATE_BUTTON in client.get(f"/admin/pages/{live_news.pk}/edit/").content.decode()
    other_news = NewsPageFactory(
        parent=NewsIndexPage.objects.child_of(world["toys"].profile).get(), slug="toys-news"
    )
    for page in (other_news, world["children"]):
        assert TRANSLATE_BUTTON not in client.get(f"/admin/pages/{page.pk}/").content.decode()
        assert client.get(f"/admin/localize/submit/page/{page.pk}/").status_code == 403
    page = client.get(f"/admin/localize/submit/page/{live_news.pk}/").content.decode()
    assert "انگلیسی" in page


def test_a_translation_is_a_draft_until_the_committee_approves_it(
    client, world, locale_en, english_profile, live_news
):
    client.force_login(world["editor1"])
    english = translate(client, live_news, locale_en)
    assert not english.live
    editor = client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert "ارسال برای بررسی" in editor

    # Nothing translated yet: nothing to review.
    response = submit_for_review(client, english)
    assert "پیش از فرستادن، متن‌های صفحه را ترجمه کنید." in messages_of(response)
    assert english.current_workflow_state is None

    write_english(
        client,
        english,
        {"توزیع پوشاک زمستانی": "Winter clothes handed out", "خلاصهٔ خبر": "In short"},
    )
    response = submit_for_review(client, english)
    assert any("برای بررسی فرستاده شد" in message for message in messages_of(response))
    english.refresh_from_db()
    assert english.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not english.live
    assert english.get_latest_revision_as_object().title == "Winter clothes handed out"
    # Submitting twice does not start a second review.
    response = submit_for_review(client, english)
    assert "این ترجمه هم‌اکنون در انتظار بررسی است." in messages_of(response)

    # The news committee approves it from its queue; it goes live under /en/.
    client.force_login(world["culture1"])
    state = current_task_state(english)
    client.post(f"/admin/review-queue/{english.pk}/approve/{state.pk}/")
    english.refresh_from_db()
    assert english.live and english.title == "Winter clothes handed out"
    assert english.url.startswith("/en/")
    response = client.get(english.url)
    assert response.status_code == 200
    assert "Winter clothes handed out" in response.content.decode()


def test_a_translation_sent_back_is_corrected_and_resubmitted(
    client, world, locale_en, english_profile, live_news
):
    client.force_login(world["editor1"])
    english = translate(client, live_news, locale_en)
    write_english(client, english, {"توزیع پوشاک زمستانی": "Winter clothes"})
    submit_for_review(client, english)

    client.force_login(world["culture1"])
    state = current_task_state(english)
    client.post(
        f"/admin/review-queue/{english.pk}/reject/{state.pk}/",
        {"comment": "Please say who received them."},
    )
    english.refresh_from_db()
    assert english.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(world["editor1"])
    write_english(client, english, {"توزیع پوشاک زمستانی": "Winter clothes for families"})
    submit_for_review(client, english)
    english.refresh_from_db()
    assert english.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(world["culture1"])
    client.post(f"/admin/review-queue/{english.pk}/approve/{current_task_state(english).pk}/")
    english.refresh_from_db()
    assert english.live and english.title == "Winter clothes for families"


def test_another_charitys_editor_cannot_submit_the_translation(
    client, world, locale_en, english_profile, live_news
):
    client.force_login(world["editor1"])
    english = translate(client, live_news, locale_en)
    write_english(client, english, {"توزیع پوشاک زمستانی": "Winter clothes"})
    client.force_login(world["editor2"])
    response = client.post(f"/admin/pages/{english.pk}/edit/", {"nikrah-submit-translation": "1"})
    assert response.status_code in (302, 403)
    english.refresh_from_db()
    assert english.current_workflow_state is None
