import re

import pytest


@pytest.fixture
def admin_client_fa(demo, client):
    assert client.login(username="admin", password="nikrah-demo")
    return client


def test_admin_speaks_persian_right_to_left_to_a_user_who_prefers_it(admin_client_fa):
    response = admin_client_fa.get("/admin/")
    assert response.status_code == 200
    content = response.content.decode()
    assert re.search(r'<html[^>]*lang="fa"[^>]*dir="rtl"', content)
    assert "داشبورد" in content or "صفحات" in content


def test_admin_can_edit_the_meeting_report(admin_client_fa):
    from newsroom.models import NewsPage

    report = NewsPage.objects.get(slug="second-meeting-report", locale__language_code="fa")
    response = admin_client_fa.get(f"/admin/pages/{report.pk}/edit/")
    assert response.status_code == 200


def test_admin_login_page_is_persian(client, db):
    response = client.get("/admin/login/")
    assert re.search(r'<html[^>]*lang="fa"[^>]*dir="rtl"', response.content.decode())


def test_admin_loads_nothing_from_other_hosts(admin_client_fa):
    content = admin_client_fa.get("/admin/").content.decode()
    assert "gravatar" not in content
