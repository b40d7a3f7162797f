"""«My hours», the volunteer's side of recording hours; the charity's side is in the admin
(``experience.views.hours``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from experience import recording
from experience.forms import HoursForm
from opportunities.models import Application


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def application_hours(request, pk):
    """The volunteer logs the hours they gave for one of their accepted applications and
    sees each entry's status; only hours the charity confirms count."""
    application = get_object_or_404(
        Application.objects.select_related("opportunity", "opportunity__charity"),
        pk=pk,
        volunteer=request.user,
    )
    form = HoursForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                recording.log_hours(application, request.user, **form.cleaned_data)
            except recording.ExperienceError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    _("Your hours are recorded. They count once the charity confirms them."),
                )
                return redirect("volunteer_application_hours", pk=application.pk)
        status = 400
    entries = application.hours_entries.order_by("-date", "-created_at")
    return render(
        request,
        "experience/application_hours.html",
        {
            "application": application,
            "form": form,
            "entries": entries,
            "confirmed_total": recording.confirmed_hours(application),
            "can_log": application.status in recording.TAKES_PART,
        },
        status=status,
    )
