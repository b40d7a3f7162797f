"""How an opportunity describes itself to machines: schema.org JSON-LD for search engines
and an iCalendar event for people's calendars."""

import datetime
import json

from django.utils import timezone
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe


def opportunity_json_ld(opportunity, request):
    """A schema.org JobPosting of employment type VOLUNTEER, safe inside <script>."""
    url = request.build_absolute_uri(opportunity.url)
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": opportunity.title,
        "description": opportunity.listing_summary or opportunity.title,
        "employmentType": "VOLUNTEER",
        "datePosted": (opportunity.first_published_at or timezone.now()).date().isoformat(),
        "url": url,
        "totalJobOpenings": opportunity.places,
        "inLanguage": opportunity.locale.language_code,
    }
    if opportunity.application_deadline:
        data["validThrough"] = opportunity.application_deadline.isoformat()
    if opportunity.charity_id:
        data["hiringOrganization"] = {"@type": "Organization", "name": opportunity.charity.name}
    if opportunity.is_remote:
        data["jobLocationType"] = "TELECOMMUTE"
    elif opportunity.province_id:
        address = {
            "@type": "PostalAddress",
            "addressRegion": opportunity.province.name,
            "addressCountry": "IR",
        }
        if opportunity.city_id:
            address["addressLocality"] = opportunity.city.name
        data["jobLocation"] = {"@type": "Place", "address": address}
    encoded = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(encoded)


def _escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """RFC 5545 lines are at most 75 octets; longer ones continue after CRLF + space."""
    encoded = line.encode()
    parts = []
    while len(encoded) > 75:
        cut = 75
        while (encoded[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(encoded[:cut].decode())
        encoded = b" " + encoded[cut:]
    parts.append(encoded.decode())
    return "\r\n".join(parts)


def opportunity_icalendar(opportunity, request):
    """An all-day iCalendar event spanning the opportunity's dates."""
    end = (opportunity.ends_on or opportunity.starts_on) + datetime.timedelta(days=1)
    location = (
        "Online"
        if opportunity.is_remote
        else "، ".join(
            part
            for part in (
                opportunity.address,
                opportunity.city.name if opportunity.city_id else "",
                opportunity.province.name if opportunity.province_id else "",
            )
            if part
        )
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Nikrah//Volunteer opportunities//FA",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:opportunity-{opportunity.pk}@{request.get_host()}",
        f"DTSTAMP:{timezone.now().astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{opportunity.starts_on:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{_escape(opportunity.title)}",
        f"DESCRIPTION:{_escape(opportunity.listing_summary or '')}",
        f"LOCATION:{_escape(location)}",
        f"URL:{request.build_absolute_uri(opportunity.url)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
