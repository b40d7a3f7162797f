"""Iran's provinces and main cities (charities/data/regions.json) and the starting themes,
loaded by migrate so that every installation has them."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"

THEMES = [
    ("children", "کودکان", "Children"),
    ("health", "سلامت", "Health"),
    ("education", "آموزش", "Education"),
    ("environment", "محیط زیست", "Environment"),
    ("women", "زنان", "Women"),
    ("elderly", "سالمندان", "Older people"),
    ("disability", "معلولیت", "Disability"),
    ("poverty", "فقرزدایی و توانمندسازی", "Poverty relief and empowerment"),
    ("addiction", "پیشگیری و بهبود اعتیاد", "Addiction prevention and recovery"),
    ("disaster-relief", "امداد و بحران", "Disaster relief"),
    ("culture", "فرهنگ و هنر", "Culture and the arts"),
    ("animals", "حمایت از حیوانات", "Animal welfare"),
]


def load(apps, schema_editor):
    Province = apps.get_model("charities", "Province")
    City = apps.get_model("charities", "City")
    Theme = apps.get_model("charities", "Theme")

    regions = json.loads((DATA / "regions.json").read_text(encoding="utf-8"))
    for entry in regions["provinces"]:
        province, _ = Province.objects.update_or_create(
            code=entry["code"],
            defaults={"name_fa": entry["name_fa"], "name_en": entry["name_en"]},
        )
        for city in entry["cities"]:
            City.objects.update_or_create(
                province=province,
                name_fa=city["name_fa"],
                defaults={"name_en": city["name_en"], "is_capital": city["capital"]},
            )
    for order, (slug, name_fa, name_en) in enumerate(THEMES):
        Theme.objects.get_or_create(
            slug=slug, defaults={"name_fa": name_fa, "name_en": name_en, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("charities", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
