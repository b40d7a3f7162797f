"""PDFs (certificates, later résumés): Django templates printed by WeasyPrint.

Everything a PDF needs is read from local files or data URIs, never over HTTP, so a PDF can
be made by a task worker with no web server running and before `collectstatic`.
"""

from pathlib import Path

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

CERTIFICATE_TEMPLATE = "experience/pdf/certificate.html"

# Static TTFs of the site's Vazirmatn: WeasyPrint embeds (and subsets) static fonts more
# reliably than the variable woff2 the browser gets. Its Latin glyphs serve English PDFs.
FONT_FAMILY = "Vazirmatn"
FONT_FILES = {
    400: "nikrah/fonts/vazirmatn/Vazirmatn-Regular.ttf",
    700: "nikrah/fonts/vazirmatn/Vazirmatn-Bold.ttf",
}


def render_html(template_name, context, *, language):
    """The HTML that becomes the PDF, rendered in `language` whatever the request's is."""
    with translation.override(language):
        return render_to_string(template_name, context)


def render_pdf(template_name, context, *, language):
    """A template rendered in `language` as PDF bytes.

    Images are given as file paths (absolute, or relative to MEDIA_ROOT) or data URIs; one
    that cannot be read is left out with a WeasyPrint warning rather than failing the PDF.
    """
    return html_to_pdf(render_html(template_name, context, language=language))


def html_to_pdf(html):
    font_config = FontConfiguration()
    return HTML(
        string=html,
        base_url=Path(settings.MEDIA_ROOT).as_uri() + "/",
        # Local files and data URIs only: no network access, nothing fetched from a URL
        # that found its way into the HTML.
        url_fetcher=URLFetcher(allowed_protocols={"file", "data"}),
    ).write_pdf(stylesheets=[_font_faces(font_config)], font_config=font_config)


def _font_faces(font_config):
    """@font-face rules pointing at the bundled font files.

    Fails loudly when a file is missing: a silent fallback would print Persian in a system
    font, or as empty boxes.
    """
    rules = []
    for weight, static_path in FONT_FILES.items():
        path = finders.find(static_path)
        if path is None:
            raise ImproperlyConfigured(f"PDF font {static_path} not found by the static finders.")
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; '
            f'src: url("{Path(path).as_uri()}"); }}'
        )
    return CSS(string="\n".join(rules), font_config=font_config)


def qr_svg(url):
    """The QR code of `url` as an SVG data URI for an <img>: vector, so it prints sharp."""
    return segno.make(url, error="m").svg_data_uri(border=0, dark="#1d2a2f")


def certificate_html(context, *, language):
    """The certificate's HTML: the caller's context plus the QR code of `verify_url`."""
    context = {**context, "verify_qr": qr_svg(context["verify_url"])}
    return render_html(CERTIFICATE_TEMPLATE, context, language=language)


def certificate_pdf(context, *, language):
    """A volunteer's certificate as PDF bytes (see the template for the context it reads)."""
    return html_to_pdf(certificate_html(context, language=language))
