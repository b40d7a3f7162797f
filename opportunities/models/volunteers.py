"""Volunteers (natural persons, عضو حقیقی): their profile and the skills vocabulary.

A volunteer keeps their own profile on the public site; nothing here is registered in the
Wagtail admin, so no charity editor or committee member can browse volunteers' personal data.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase, NaturalKeyManager, TagBase

from charities.models import City, Province, Theme
from nikrah.persian import normalize_letters


class SkillQuerySet(models.QuerySet):
    def unused(self):
        """Skills nothing refers to any more (no volunteer, and no other tagged model)."""
        queryset = self
        for relation in self.model._meta.related_objects:
            queryset = queryset.filter(**{f"{relation.name}__isnull": True})
        return queryset


class Skill(TagBase):
    """A skill (first aid, teaching, graphic design…), kept as its own vocabulary rather than
    taggit's shared Tag table, so that volunteers and opportunities can later be matched on
    the same words."""

    objects = NaturalKeyManager.from_queryset(SkillQuerySet)()

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def slugify(self, tag, i=None):
        # Persian slugs, with Arabic letters folded so "كمك‌هاي اوليه" and "کمک‌های اولیه" meet.
        slug = slugify(normalize_letters(tag), allow_unicode=True)
        if i is not None:
            slug += f"_{i}"
        return slug


class TaggedSkill(ItemBase):
    """Links a volunteer profile to one of its skills."""

    tag = models.ForeignKey(
        Skill, on_delete=models.CASCADE, related_name="tagged_volunteers", verbose_name=_("skill")
    )
    content_object = models.ForeignKey(
        "opportunities.VolunteerProfile", on_delete=models.CASCADE, related_name="tagged_skills"
    )

    class Meta:
        verbose_name = _("volunteer skill")
        verbose_name_plural = _("volunteer skills")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="unique_skill_per_volunteer"
            )
        ]


class Availability(models.TextChoices):
    WEEKDAYS = "weekdays", _("Weekdays")
    WEEKDAY_EVENINGS = "weekday_evenings", _("Weekday evenings")
    WEEKENDS = "weekends", _("Weekends")
    FLEXIBLE = "flexible", _("Flexible")


def new_resume_code():
    return secrets.token_urlsafe(12)


class VolunteerProfile(models.Model):
    """What a volunteer tells charities about themselves. One per user; kept apart from the
    user account so that deleting an account can remove it while applications and
    certificates keep an anonymous reference to the user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="volunteer_profile",
        verbose_name=_("user"),
    )
    display_name = models.CharField(
        _("display name"),
        max_length=100,
        help_text=_("The name charities will see when you apply, e.g. your first and last name."),
    )
    phone = models.CharField(
        _("phone number"),
        max_length=20,
        blank=True,
        help_text=_("Shared only with the charities you apply to, e.g. 0912 345 6789."),
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volunteers",
        verbose_name=_("province"),
    )
    city = models.ForeignKey(
        City,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volunteers",
        verbose_name=_("city"),
    )
    skills = TaggableManager(
        through=TaggedSkill,
        blank=True,
        verbose_name=_("skills"),
        help_text=_("Separate skills with commas, e.g. first aid, teaching, graphic design."),
    )
    interests = models.ManyToManyField(
        Theme, blank=True, related_name="volunteers", verbose_name=_("fields of interest")
    )
    availability = models.CharField(
        _("availability"),
        max_length=20,
        choices=Availability.choices,
        default=Availability.FLEXIBLE,
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_("For example: Persian, English, Kurdish."),
    )
    bio = models.TextField(
        _("about me"),
        max_length=1000,
        blank=True,
        help_text=_("A few sentences about you and why you volunteer (at most 1000 characters)."),
    )
    resume_public = models.BooleanField(
        _("make my résumé public"),
        default=False,
        help_text=_("Anyone with the link may then see your volunteering résumé."),
    )
    resume_code = models.CharField(
        _("résumé address"),
        max_length=32,
        unique=True,
        default=new_resume_code,
        editable=False,
        help_text=_("The stable, unguessable part of the public résumé's address."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")

    def __str__(self):
        return self.display_name

    def clean(self):
        super().clean()
        if self.city_id and self.province_id and self.city.province_id != self.province_id:
            raise ValidationError(
                {
                    "city": _(
                        "%(city)s is not in %(province)s. Choose a city of %(province)s, "
                        "or change the province."
                    )
                    % {"city": self.city.name, "province": self.province.name}
                }
            )
