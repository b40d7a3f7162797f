"""The network's moderation set-up, kept in step after every migrate and whenever a working
group changes: the three committees with their groups, one committee-review workflow for
the whole site, and each working group's page permissions."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from charities.roles import executive_committee_group
from workinggroups.models import Committee, CommitteeReviewTask

NETWORK_COMMITTEES = [
    (Committee.Kind.EXECUTIVE, "کمیته اجرایی", "Executive committee"),
    (Committee.Kind.CULTURE, "کمیته فرهنگی و شبکه‌سازی", "Cultural & networking committee"),
    (Committee.Kind.EDUCATION, "کمیته آموزش", "Education committee"),
]
COMMITTEE_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("workinggroups", "set_project_priority"),
]
WORKFLOW_NAME = "بررسی کمیته"
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_committee_group(committee):
    """Create or rename the committee's Wagtail group and give it the committee powers."""
    if committee.group_id is None:
        committee.group, _ = Group.objects.get_or_create(name=committee.name_fa)
    elif committee.group.name != committee.name_fa:
        committee.group.name = committee.name_fa
        committee.group.save(update_fields=["name"])
    for app_label, codename in COMMITTEE_PERMISSIONS:
        committee.group.permissions.add(_permission(app_label, codename))
    return committee.group


@transaction.atomic
def ensure_network_committees():
    for app_label in ("wagtailadmin", "workinggroups", "charities"):
        create_permissions(apps.get_app_config(app_label), verbosity=0)
    executive_committee_group()
    for kind, name_fa, name_en in NETWORK_COMMITTEES:
        committee = Committee.objects.filter(kind=kind).first() or Committee(
            kind=kind, name_fa=name_fa, name_en=name_en
        )
        ensure_committee_group(committee)
        committee.save()


@transaction.atomic
def ensure_site_workflow():
    """One workflow, one committee-review task, on the root page so that it covers every
    page of every language. Wagtail's default groups and workflow are removed: they would
    let their members approve anything, anywhere."""
    root = Page.get_first_root_node()
    if root is None:
        return None
    task = CommitteeReviewTask.objects.first()
    if task is None:
        task = CommitteeReviewTask.objects.create(name=WORKFLOW_NAME)
    workflow = Workflow.objects.filter(workflow_tasks__task=task).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    Workflow.objects.exclude(pk=workflow.pk).filter(workflow_pages__isnull=True).update(
        active=False
    )
    # Wagtail's starter workflow and task ("Moderators approval"), never used here: gone,
    # so that no report or filter offers them.
    unused = Workflow.objects.exclude(pk=workflow.pk).filter(
        active=False, workflow_pages__isnull=True, workflow_states__isnull=True
    )
    unused_tasks = list(
        Task.objects.filter(workflow_tasks__workflow__in=unused)
        .exclude(pk=task.pk)
        .values_list("pk", flat=True)
    )
    unused.delete()
    Task.objects.filter(
        pk__in=unused_tasks, task_states__isnull=True, workflow_tasks__isnull=True
    ).delete()
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, committee__isnull=True).filter(
        user__isnull=True
    ).delete()
    return workflow


def sync_working_group_permissions(working_group):
    """The committee may add and change pages in the working group; member charities'
    editors may propose projects and opportunities there (add only: each charity changes
    only what it owns). Applied to every translation of the working group page."""
    add = _permission("wagtailcore", "add_page")
    change = _permission("wagtailcore", "change_page")
    member_groups = {
        charity.editors_group_id
        for charity in working_group.member_charities.all()
        if charity.editors_group_id
    }
    for page in working_group.get_translations(inclusive=True):
        if working_group.committee_id:
            for permission in (add, change):
                GroupPagePermission.objects.get_or_create(
                    group=working_group.committee.group, page=page, permission=permission
                )
        for group_id in member_groups:
            GroupPagePermission.objects.get_or_create(group_id=group_id, page=page, permission=add)
        GroupPagePermission.objects.filter(
            page=page, permission=add, group__charity__isnull=False
        ).exclude(group_id__in=member_groups).delete()
