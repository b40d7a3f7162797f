"""Public certificate URLs: in the site's languages (verification page, PDF, credential)
and, outside them, what a verifier fetches (keys and the revocation list)."""

from django.urls import path

from experience.views import verification

urlpatterns = [
    path("", verification.find_certificate, name="certificate_find"),
    path("<str:code>/", verification.verify_certificate, name="certificate_verify"),
    path("<str:code>/pdf/", verification.certificate_pdf, name="certificate_pdf"),
    path(
        "<str:code>/credential/",
        verification.certificate_credential,
        name="certificate_credential",
    ),
]

verifier_urlpatterns = [
    path(".well-known/jwks.json", verification.jwks, name="credential_jwks"),
    path(".well-known/did.json", verification.did_document, name="credential_did"),
    path(
        "credentials/revocation-list/",
        verification.status_list,
        name="credential_status_list",
    ),
]
