"""Each language is its own page tree in Wagtail: permissions granted on a page do not cover
its translations. When a page is translated, its translation gets the same group page
permissions, so that a charity's editors keep their rights in every language."""

from wagtail.models import GroupPagePermission
from wagtail.signals import copy_for_translation_done


def copy_page_permissions(sender, source_obj, target_obj, **kwargs):
    for permission in GroupPagePermission.objects.filter(page_id=source_obj.pk):
        GroupPagePermission.objects.get_or_create(
            group_id=permission.group_id, page_id=target_obj.pk, permission=permission.permission
        )


def connect():
    copy_for_translation_done.connect(copy_page_permissions, dispatch_uid="nikrah_page_perms")
