"""Working groups and projects in site search: a project with its working group and the
day it starts (or was last updated)."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from nikrah.search.kinds import Details, SearchKind
from workinggroups.models import ProjectPage, WorkingGroupPage


def describe_groups(groups):
    return {group.pk: Details(date=group.last_published_at) for group in groups}


def describe_projects(projects):
    parent_paths = {project.path[: -Page.steplen] for project in projects}
    groups = dict(
        WorkingGroupPage.objects.filter(path__in=parent_paths).values_list("path", "title")
    )
    return {
        project.pk: Details(
            owner=groups.get(project.path[: -Page.steplen], ""),
            date=project.starts_on or project.last_published_at,
        )
        for project in projects
    }


def working_groups_kind():
    return SearchKind(
        key="working-groups",
        label=_("Working groups"),
        model=WorkingGroupPage,
        describe=describe_groups,
        order=40,
    )


def projects_kind():
    return SearchKind(
        key="projects", label=_("Projects"), model=ProjectPage, describe=describe_projects, order=50
    )
