"""Editor panels every Nikrah page shares."""

from wagtail.admin.panels import PublishingPanel

from nikrah.widgets import JalaliDateTimeInput


class JalaliPublishingPanel(PublishingPanel):
    """Wagtail's go-live and expiry dates, typed and picked in the editor's calendar.
    (Wagtail's own panel names its Gregorian widget outright, so the form-field override
    in ``nikrah.apps`` does not reach these two fields.)"""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for child in self.children:
            child.widget = JalaliDateTimeInput(attrs=child.widget.attrs)
