# Hours and certificates keep their content types, now under this app's label: their
# permissions (held by groups as "experience.<codename>"), audit log entries and references
# follow without a change. Where this app's content types exist already (Django makes them
# after every migrate while the app is installed, even one that took this app back to
# zero), everything that points at them is pointed at the kept ones, and they are deleted.

from django.db import IntegrityError, migrations, transaction

MODELS = ("hoursentry", "certificate")


def _foreign_keys_to(apps, label):
    """(model, column attribute) of each foreign key in the migration state that points at
    the model ``label`` (e.g. "auth.permission"), many-to-many tables included."""
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed or model._meta.swapped:
            continue
        for field in model._meta.local_fields:
            if field.is_relation and field.remote_field.model._meta.label_lower == label:
                yield model, field.attname


def _repoint(apps, alias, label, old, new):
    """Rows that point at ``old`` (a ``label`` row) point at ``new``; a row that would then
    repeat one already pointing at ``new`` (a unique constraint says so) is deleted."""
    for model, attname in _foreign_keys_to(apps, label):
        rows = model._base_manager.using(alias).filter(**{attname: old.pk})
        try:
            with transaction.atomic(using=alias):
                rows.update(**{attname: new.pk})
        except IntegrityError:
            for pk in list(rows.values_list("pk", flat=True)):
                row = model._base_manager.using(alias).filter(pk=pk)
                try:
                    with transaction.atomic(using=alias):
                        row.update(**{attname: new.pk})
                except IntegrityError:
                    row.delete()


def _relabel(apps, schema_editor, from_label, to_label):
    alias = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_types = ContentType.objects.using(alias)
    for model in MODELS:
        kept = content_types.filter(app_label=from_label, model=model).first()
        if kept is None:
            continue  # a new database: the content type is made after migrating
        stale = content_types.filter(app_label=to_label, model=model).first()
        if stale is not None:
            for permission in Permission.objects.using(alias).filter(content_type=stale):
                twin = Permission.objects.using(alias).filter(
                    content_type=kept, codename=permission.codename
                ).first()
                if twin is not None:
                    _repoint(apps, alias, "auth.permission", permission, twin)
                    permission.delete()
            _repoint(apps, alias, "contenttypes.contenttype", stale, kept)
            stale.delete()
        kept.app_label = to_label
        kept.save(update_fields=["app_label"])


def to_experience(apps, schema_editor):
    _relabel(apps, schema_editor, "opportunities", "experience")


def to_opportunities(apps, schema_editor):
    _relabel(apps, schema_editor, "experience", "opportunities")


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('experience', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(to_experience, to_opportunities),
    ]
