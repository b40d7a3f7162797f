import factory
import wagtail_factories

from workinggroups.models import Committee, ProjectPage, WorkingGroupIndexPage, WorkingGroupPage


class WorkingGroupIndexPageFactory(wagtail_factories.PageFactory):
    title = "کارگروه‌ها"
    slug = "working-groups"

    class Meta:
        model = WorkingGroupIndexPage


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"کارگروه {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    kind = "thematic"
    theme = factory.LazyFunction(
        lambda: __import__("charities.models").models.Theme.objects.first()
    )
    mandate = "هماهنگی پروژه‌ها"
    committee = factory.LazyFunction(lambda: Committee.objects.get(kind="executive"))

    class Meta:
        model = WorkingGroupPage
        skip_postgeneration_save = True

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        """``members=[charity, …]``: member charities, with their editors' permissions."""
        if create and extracted:
            from workinggroups.setup import sync_working_group_permissions

            self.member_charities.set(extracted)
            self.save_revision().publish()
            sync_working_group_permissions(self)


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"پروژه {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    goals = "<p>هدف</p>"
    priority = factory.Sequence(lambda n: n + 1)

    class Meta:
        model = ProjectPage
