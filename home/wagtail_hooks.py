from wagtail import hooks

from home import demo
from nikrah.demo import DEMO_CONTENT_HOOK, DemoContent


@hooks.register("filter_form_submissions_for_user")
def executive_committee_reads_feedback(user, editable_forms):
    """The executive committee reads and exports feedback on the platform without needing
    permission to edit the form page itself."""
    from wagtail.models import Page

    from home.models import FeedbackFormPage

    if user.is_active and user.groups.filter(committee__kind="executive").exists():
        feedback = Page.objects.type(FeedbackFormPage)
        return (editable_forms | feedback).distinct()
    return editable_forms


# This app's part of the demo content (see nikrah.demo).
@hooks.register(DEMO_CONTENT_HOOK)
def home_page_demo():
    return DemoContent(order=10, load=demo.load)


@hooks.register(DEMO_CONTENT_HOOK)
def feedback_form_demo():
    return DemoContent(order=45, load=demo.load_feedback_form)
