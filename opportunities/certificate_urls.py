"""Public certificate URLs: in the site's languages (verification page, PDF, credential)
and, outside them, what a verifier fetches (keys and the revocation list)."""

from django.urls import path

from opportunities import certificate_views

urlpatterns = [
    path("", certificate_views.find_certificate, name="certificate_find"),
    path("<str:code>/", certificate_views.verify_certificate, name="certificate_verify"),
    path("<str:code>/pdf/", certificate_views.certificate_pdf, name="certificate_pdf"),
    path(
        "<str:code>/credential/",
        certificate_views.certificate_credential,
        name="certificate_credential",
    ),
]

verifier_urlpatterns = [
    path(".well-known/jwks.json", certificate_views.jwks, name="credential_jwks"),
    path(".well-known/did.json", certificate_views.did_document, name="credential_did"),
    path(
        "credentials/revocation-list/",
        certificate_views.status_list,
        name="credential_status_list",
    ),
]
