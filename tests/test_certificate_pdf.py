"""A volunteer's certificate as PDF: Persian text that reads as written, on one page, in the
bundled font, with what a reader needs to verify it.

The PDFs are read back with poppler-utils, as a person's PDF reader or a search index would.
Extracted Persian text loses ZWNJ and splits lam-alef, so both sides are normalised first.
"""

import base64
import datetime
import io
import re
import shutil
import subprocess
import unicodedata
from decimal import Decimal

import pytest
from django.utils import translation
from PIL import Image

from experience.pdf import certificate_html, certificate_pdf, qr_svg
from tests.conftest import skip_or_fail

VERIFY_URL = "https://nikrah.example.org/fa/certificates/K7Q2-9XHM-3PLD-WT8C/"
POPPLER = ("pdftotext", "pdfinfo", "pdffonts", "pdfimages")


@pytest.fixture(autouse=True)
def _needs_poppler():
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        skip_or_fail(f"needs {', '.join(missing)}: apt-get install poppler-utils")


@pytest.fixture
def persian_certificate():
    return {
        "certificate_code": "K7Q2-9XHM-3PLD-WT8C",
        "verify_url": VERIFY_URL,
        "volunteer_name": "زهرا احمدی‌نژاد",
        "role": "مربی کارگاه نقاشی",
        "opportunity_title": "کارگاه‌های هنری تابستانه",
        "project_title": "خانهٔ امن کودک",
        "charity_name": "انجمن حمایت از کودکان کار",
        "charity_logo": None,
        "hours": Decimal("24.5"),
        "period_start": datetime.date(2024, 6, 22),
        "period_end": datetime.date(2024, 9, 21),
        "issued_on": datetime.date(2024, 10, 1),
        "kind_label": "مشارکت",
        "issuer_name": "نیک‌راه",
        "revoked_on": None,
    }


@pytest.fixture
def english_certificate(persian_certificate):
    return {
        **persian_certificate,
        "verify_url": VERIFY_URL.replace("/fa/", "/en/"),
        "volunteer_name": "Zahra Ahmadinejad",
        "role": "Painting workshop tutor",
        "opportunity_title": "Summer art workshops",
        "project_title": "Safe Home for Children",
        "charity_name": "Society for Protecting Working Children",
        "kind_label": "Participation",
        "issuer_name": "Nikrah",
    }


def poppler(*command, pdf):
    """Run a poppler-utils command on the PDF given on its standard input ("-")."""
    return subprocess.run(command, input=pdf, capture_output=True, check=True).stdout.decode()


def normalised(text):
    """Text as compared: compatibility forms folded (lam-alef), no ZWNJ/ZWJ, no bidi
    controls, no spaces, no case."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\u200c-\u200f\u202a-\u202e\u2066-\u2069]", "", text).casefold()


def pdf_text(pdf):
    return normalised(poppler("pdftotext", "-", "-", pdf=pdf))


def page_count(pdf):
    info = poppler("pdfinfo", "-", pdf=pdf)
    return int(re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)[1])


def raster_images(pdf):
    """Rows of `pdfimages -list` (the QR code is vector, so these are only the logo)."""
    rows = poppler("pdfimages", "-list", "-", pdf=pdf).splitlines()[2:]
    return [row for row in rows if row.split()[2] == "image"]


def png_data_uri():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "#0d6e5f").save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def test_persian_certificate_shows_the_volunteer_and_charity_as_written(persian_certificate):
    text = pdf_text(certificate_pdf(persian_certificate, language="fa"))

    assert normalised("زهرا احمدی‌نژاد") in text
    assert normalised("انجمن حمایت از کودکان کار") in text


def test_persian_certificate_is_one_page_in_the_bundled_font(persian_certificate):
    pdf = certificate_pdf(persian_certificate, language="fa")

    assert page_count(pdf) == 1
    fonts = poppler("pdffonts", "-", pdf=pdf).splitlines()[2:]
    assert fonts, "no font embedded"
    assert all("Vazirmatn" in font for font in fonts), fonts  # no fallback to a system font
    assert all(font.split()[-5] == "yes" for font in fonts), fonts  # "emb" column


def test_persian_certificate_shows_confirmed_hours_in_persian_digits(persian_certificate):
    text = pdf_text(certificate_pdf(persian_certificate, language="fa"))

    assert "۲۴٫۵" in text
    assert "24.5" not in text


def test_persian_certificate_reads_right_to_left_with_jalali_dates(persian_certificate):
    html = certificate_html(persian_certificate, language="fa")

    assert '<html lang="fa" dir="rtl">' in html
    assert "۱۰ مهر ۱۴۰۳" in html  # issued on 2024-10-01
    assert f'<bdi class="verify__url" dir="ltr">{VERIFY_URL}</bdi>' in html
    assert '<bdi class="verify__code" dir="ltr">K7Q2-9XHM-3PLD-WT8C</bdi>' in html


def test_certificate_carries_the_qr_code_and_address_of_its_verification_page(
    persian_certificate,
):
    html = certificate_html(persian_certificate, language="fa")
    text = pdf_text(certificate_pdf(persian_certificate, language="fa"))

    assert qr_svg(VERIFY_URL).startswith("data:image/svg+xml")
    assert f'src="{qr_svg(VERIFY_URL)}"' in html
    assert normalised(VERIFY_URL) in text
    assert normalised("K7Q2-9XHM-3PLD-WT8C") in text


def test_english_certificate_reads_left_to_right_in_english(english_certificate):
    html = certificate_html(english_certificate, language="en")
    text = pdf_text(certificate_pdf(english_certificate, language="en"))

    assert '<html lang="en" dir="ltr">' in html
    for words in (
        "Certificate",
        "Zahra Ahmadinejad",
        "Society for Protecting Working Children",
        "Painting workshop tutor",
        "24.5",
        "1 October 2024",
    ):
        assert normalised(words) in text, words


def test_revoked_certificate_says_so_with_the_date(english_certificate, persian_certificate):
    revoked_on = datetime.date(2025, 1, 15)
    english = certificate_pdf({**english_certificate, "revoked_on": revoked_on}, language="en")
    persian = certificate_pdf({**persian_certificate, "revoked_on": revoked_on}, language="fa")
    valid = certificate_pdf(persian_certificate, language="fa")
    with translation.override("fa"):
        revoked_in_persian = normalised(translation.gettext("Revoked"))

    assert "REVOKED" in poppler("pdftotext", "-", "-", pdf=english)
    assert normalised("revoked on 15 January 2025") in pdf_text(english)
    assert revoked_in_persian in pdf_text(persian)
    assert revoked_in_persian not in pdf_text(valid)
    assert page_count(english) == page_count(persian) == 1


def test_charity_logo_is_printed(persian_certificate):
    pdf = certificate_pdf({**persian_certificate, "charity_logo": png_data_uri()}, language="fa")

    assert len(raster_images(pdf)) == 1


def test_missing_logo_still_renders_the_certificate(persian_certificate, tmp_path):
    missing_logo = {**persian_certificate, "charity_logo": str(tmp_path / "gone.png")}

    pdf = certificate_pdf(missing_logo, language="fa")

    assert page_count(pdf) == 1
    assert raster_images(pdf) == []
    assert normalised("انجمن حمایت از کودکان کار") in pdf_text(pdf)
