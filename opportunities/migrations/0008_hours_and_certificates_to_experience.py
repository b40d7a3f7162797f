# Hours and certificates belong to the experience app: its 0001 migration takes them into its
# state, and their tables are renamed for it here. Every row stays as it is.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('opportunities', '0007_language_names'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name='hoursentry', table='experience_hoursentry'),
                migrations.AlterModelTable(name='certificate', table='experience_certificate'),
            ],
            state_operations=[
                migrations.DeleteModel(name='HoursEntry'),
                migrations.DeleteModel(name='Certificate'),
            ],
        ),
    ]
