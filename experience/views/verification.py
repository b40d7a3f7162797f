"""Certificates in public: anyone holding a certificate's code (on paper, in a PDF's QR code
or a link) can check it here. The page says what the certificate says and whether it is
still valid, and nothing else about the person."""

import datetime
import re
from functools import wraps

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from experience import credentials, pdf
from experience.models import Certificate
from experience.models.certificates import CODE_ALPHABET, CODE_GROUP_LENGTH, CODE_GROUPS
from nikrah import rate_limits
from nikrah.mail import absolute_url
from nikrah.persian import localize_digits, to_ascii_digits

_NOT_IN_CODE = re.compile(rf"[^{CODE_ALPHABET}]")
# Codes that do not exist, per address (NIKRAH_RATE_LIMITS): once too many were looked up,
# every lookup from there waits, so that guessing codes tells nothing.
RATE_LIMIT = "certificate_lookup"


def normalize_code(text):
    """A code as typed by a person (any case, Persian digits, spaces or no dashes) in the
    form it is stored in, or "" when it cannot be one."""
    compact = _NOT_IN_CODE.sub("", to_ascii_digits(text or "").upper())
    if len(compact) != CODE_GROUPS * CODE_GROUP_LENGTH:
        return ""
    return "-".join(
        compact[i : i + CODE_GROUP_LENGTH] for i in range(0, len(compact), CODE_GROUP_LENGTH)
    )


def _certificate_or_none(request, code):
    normalized = normalize_code(code)
    certificate = (
        Certificate.objects.select_related("charity", "application__opportunity")
        .filter(code=normalized)
        .first()
        if normalized
        else None
    )
    if certificate is None:
        rate_limits.consume(request, RATE_LIMIT)
    return certificate


def _lookups_paused(request, code):
    minutes = rate_limits.wait_minutes(RATE_LIMIT)
    problem = ngettext(
        "Too many certificate codes that do not exist have been looked up from your address. "
        "To protect certificate holders, checking is paused: please try again in "
        "%(minutes)s minute.",
        "Too many certificate codes that do not exist have been looked up from your address. "
        "To protect certificate holders, checking is paused: please try again in "
        "%(minutes)s minutes.",
        minutes,
    ) % {"minutes": localize_digits(minutes, get_language())}
    return TemplateResponse(
        request,
        "experience/certificates/find.html",
        {"typed": code[:40], "problem": problem},
        status=429,
    )


def _lookup_throttled(view):
    """A view that looks a certificate up by its code answers with the lookup form, the code
    kept in it, while the visitor's address has looked up too many codes that do not exist."""

    @wraps(view)
    def wrapper(request, code):
        if rate_limits.reached(request, RATE_LIMIT):
            return _lookups_paused(request, code)
        return view(request, code)

    return wrapper


def _named_certificate_or_404(request, code):
    """The certificate for its PDF or credential: one whose holder took their name off it
    (withdrawing it) has neither any more; its page and the revocation list say why."""
    certificate = _certificate_or_none(request, code)
    if certificate is None or not certificate.volunteer_name:
        raise Http404
    return certificate


def verification_url(certificate):
    """The absolute address printed on the certificate (its QR code), in Persian."""
    return absolute_url(reverse("certificate_verify", args=[certificate.code]))


def pdf_context(certificate):
    """What the PDF template reads: only what the certificate itself says."""
    charity = certificate.charity
    profile = charity.profile if charity else None
    logo = profile.logo if profile and profile.logo_id else None
    return {
        "certificate_code": certificate.code,
        "verify_url": verification_url(certificate),
        "volunteer_name": certificate.volunteer_name,
        "role": certificate.role,
        "opportunity_title": certificate.role,
        "project_title": certificate.project_title,
        "charity_name": certificate.charity_name,
        "charity_logo": logo.file.path if logo and logo.file else None,
        "hours": certificate.hours,
        "period_start": certificate.period_start,
        "period_end": certificate.period_end,
        "issued_on": certificate.issued_on,
        "kind_label": certificate.get_kind_display(),
        "issuer_name": _("Nikrah"),
        "revoked_on": certificate.revoked_at,
    }


def find_certificate(request):
    """A form to type the code printed on a certificate."""
    typed = request.GET.get("code", "")
    problem = ""
    if typed:
        code = normalize_code(typed)
        if code:
            return redirect("certificate_verify", code=code)
        problem = _(
            "A certificate code has 16 letters and digits, such as K7Q2-9XHM-3PLD-WT8C. "
            "Please check what you typed."
        )
    return TemplateResponse(
        request,
        "experience/certificates/find.html",
        {"typed": typed, "problem": problem},
        status=400 if problem else 200,
    )


@never_cache
@_lookup_throttled
def verify_certificate(request, code):
    certificate = _certificate_or_none(request, code)
    if certificate is None:
        return TemplateResponse(
            request,
            "experience/certificates/not_found.html",
            {"code": code[:40]},
            status=404,
        )
    profile = certificate.charity.profile if certificate.charity else None
    return TemplateResponse(
        request,
        "experience/certificates/verify.html",
        {"certificate": certificate, "charity_profile": profile},
    )


def certificate_pdf_content(certificate, language):
    """The certificate as PDF bytes in ``language``."""
    return pdf.certificate_pdf(pdf_context(certificate), language=language)


@_lookup_throttled
def certificate_pdf(request, code):
    certificate = _named_certificate_or_404(request, code)
    content = certificate_pdf_content(certificate, get_language())
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.code}.pdf"'
    return response


# The certificate as a signed Open Badges 3.0 credential, and what a verifier needs.


def _absolute(request_path):
    return absolute_url(request_path)


def open_badge(certificate, language):
    """The certificate as an unsigned OpenBadgeCredential in ``language``."""
    with translation.override(language):
        credential_url = _absolute(reverse("certificate_credential", args=[certificate.code]))
        opportunity = certificate.application.opportunity
        charity = certificate.charity
        profile = charity.profile if charity else None
        description = _("%(role)s with %(charity)s") % {
            "role": certificate.role,
            "charity": certificate.charity_name,
        }
        if certificate.project_title:
            description += " · " + certificate.project_title
        return credentials.open_badge_credential(
            credential_id=credential_url,
            # Valid from the start of its issue day where it was issued (Tehran), so that
            # one issued just after midnight is not "not yet valid" anywhere.
            valid_from=timezone.make_aware(
                datetime.datetime.combine(certificate.issued_on, datetime.time())
            ),
            achievement_id=_absolute(opportunity.url or "/") + f"#{certificate.kind}",
            achievement_name=f"{certificate.get_kind_display()}: {certificate.role}",
            achievement_description=description,
            criteria=CRITERIA[certificate.kind](),
            creator_name=certificate.charity_name,
            creator_url=_absolute(profile.url) if profile and profile.url else _absolute("/"),
            recipient_name=certificate.volunteer_name,
            hours=certificate.hours,
            period_start=certificate.period_start,
            period_end=certificate.period_end,
            status_list_url=status_list_url(),
            status_index=certificate.status_index,
            language=language,
        )


CRITERIA = {
    Certificate.Kind.PARTICIPATION: lambda: _(
        "Took part in the opportunity to its end, as confirmed by the organising charity."
    ),
    Certificate.Kind.HOURS: lambda: _(
        "Gave the number of volunteer hours the organising charity set, each hour confirmed "
        "by the charity."
    ),
    Certificate.Kind.TRAINING: lambda: _(
        "Completed a training of the network's education committee."
    ),
}


def status_list_url():
    return _absolute(reverse("credential_status_list"))


def signed_credential(certificate, language):
    """The certificate's credential in ``language`` as a verifier gets it: a VC-JWT. An
    Ed25519 signature is deterministic, so the same certificate gives the same token."""
    return credentials.sign_credential(open_badge(certificate, language))


@_lookup_throttled
def certificate_credential(request, code):
    certificate = _named_certificate_or_404(request, code)
    token = signed_credential(certificate, get_language())
    response = HttpResponse(token, content_type="application/jwt")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.code}.jwt"'
    return response


def _json(document, content_type="application/json"):
    response = JsonResponse(document, content_type=content_type, json_dumps_params={"indent": 2})
    response["Access-Control-Allow-Origin"] = "*"  # verifiers fetch these from anywhere
    return response


def jwks(request):
    return _json(credentials.public_jwks(), "application/jwk-set+json")


def did_document(request):
    return _json(credentials.did_document(), "application/did+json")


@never_cache
def status_list(request):
    """The signed revocation list every credential points to (revoked bits set)."""
    revoked = Certificate.objects.filter(revoked_at__isnull=False).values_list(
        "status_index", flat=True
    )
    document = credentials.status_list_credential(
        url=status_list_url(),
        revoked_indices=list(revoked),
        # A minute back, for verifiers whose clocks run a little behind ours.
        valid_from=timezone.now() - datetime.timedelta(minutes=1),
    )
    response = HttpResponse(credentials.sign_credential(document), content_type="application/jwt")
    response["Access-Control-Allow-Origin"] = "*"
    return response
