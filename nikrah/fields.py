"""Model fields the apps share."""

from django.db import models

from nikrah.persian import sort_key


class SortKeyField(models.TextField):
    """The Persian alphabetical sort key of another field of the same model (see
    ``nikrah.persian.sort_key``), written on every save, bulk creation included. Order by
    it wherever names are listed, and PostgreSQL and SQLite give the same order."""

    def __init__(self, *args, source, **kwargs):
        self.source = source
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        for key in ("editable", "blank", "default"):
            kwargs.pop(key, None)
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = sort_key(getattr(model_instance, self.source))
        setattr(model_instance, self.attname, value)
        return value


def fill_sort_keys(*model_labels):
    """A migration step writing the sort keys of rows that existed before the field did."""

    def fill(apps, schema_editor):
        for label in model_labels:
            model = apps.get_model(label)
            fields = [f for f in model._meta.local_fields if isinstance(f, SortKeyField)]
            rows = list(model._base_manager.all())
            for row in rows:
                for field in fields:
                    setattr(row, field.attname, sort_key(getattr(row, field.source)))
            model._base_manager.bulk_update(rows, [field.name for field in fields], batch_size=500)

    return fill
