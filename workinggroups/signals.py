from wagtail.signals import page_published, task_submitted


def working_group_published(sender, instance, **kwargs):
    from workinggroups.setup import sync_working_group_permissions

    sync_working_group_permissions(instance)


def connect():
    from workinggroups.models import WorkingGroupPage
    from workinggroups.notifications import committee_submission_notifier

    page_published.connect(
        working_group_published, sender=WorkingGroupPage, dispatch_uid="wg_permissions"
    )
    task_submitted.connect(committee_submission_notifier, dispatch_uid="committee_submitted")
