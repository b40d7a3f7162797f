"""The volunteer's résumé on the site and as PDF: always visible to its owner, to everyone
else only at its unguessable address and only while the owner has made it public.

What the résumé holds is decided in ``experience.resume``; these views only decide who
may see it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from experience.pdf import render_pdf
from experience.resume import build_resume
from nikrah.mail import absolute_url
from opportunities.models import VolunteerProfile

PAGE_TEMPLATE = "experience/resume.html"
PDF_TEMPLATE = "experience/pdf/resume.html"


def _own_profile(user):
    return VolunteerProfile.objects.filter(user=user).first()


def _shown_profile(request, code):
    """The profile whose résumé is at ``code``, if this visitor may see it: anyone while it
    is public, only its owner while it is private. Otherwise 404, as if it did not exist."""
    profile = get_object_or_404(
        VolunteerProfile.objects.select_related("user"), resume_code=code, user__is_active=True
    )
    if not (profile.resume_public or profile.user_id == request.user.pk):
        raise Http404
    return profile


def _context(request, profile, *, is_owner_page):
    public_path = reverse("volunteer_resume_public", args=[profile.resume_code])
    pdf_path = (
        reverse("volunteer_resume_pdf")
        if is_owner_page
        else reverse("volunteer_resume_public_pdf", args=[profile.resume_code])
    )
    return {
        "resume": build_resume(profile.user, request=request),
        "profile": profile,
        "is_owner": profile.user_id == request.user.pk,
        "is_owner_page": is_owner_page,
        "public_path": public_path,
        "public_url": absolute_url(public_path),
        "pdf_path": pdf_path,
    }


def resume_pdf(request, profile):
    """The résumé as PDF bytes, in the request's language."""
    context = {
        **_context(request, profile, is_owner_page=False),
        "generated_on": timezone.localdate(),
    }
    return render_pdf(PDF_TEMPLATE, context, language=get_language())


def _pdf_response(request, profile):
    response = HttpResponse(resume_pdf(request, profile), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="nikrah-resume.pdf"'
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def my_resume(request):
    """The owner's résumé, whether public or not, and the switch between the two."""
    profile = _own_profile(request.user)
    if profile is None:
        return redirect("volunteer_profile_edit")
    if request.method == "POST":
        # The form says which state it wants, so a repeated submit changes nothing more.
        profile.resume_public = request.POST.get("public") == "1"
        profile.save(update_fields=["resume_public", "updated_at"])
        if profile.resume_public:
            messages.success(
                request, _("Your résumé is now public: anyone with its link can see it.")
            )
        else:
            messages.success(request, _("Your résumé is now private: only you can see it."))
        return redirect("volunteer_resume")
    return render(request, PAGE_TEMPLATE, _context(request, profile, is_owner_page=True))


@login_required
@never_cache
@require_safe
def my_resume_pdf(request):
    profile = _own_profile(request.user)
    if profile is None:
        return redirect("volunteer_profile_edit")
    return _pdf_response(request, profile)


@never_cache
@require_safe
def public_resume(request, code):
    profile = _shown_profile(request, code)
    response = render(request, PAGE_TEMPLATE, _context(request, profile, is_owner_page=False))
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_safe
def public_resume_pdf(request, code):
    return _pdf_response(request, _shown_profile(request, code))
