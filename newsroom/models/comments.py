import hashlib
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def address_key(ip_address):
    """A keyed hash of the visitor's address: enough to rate-limit, without storing it."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{ip_address}".encode()).hexdigest()


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def approved_thread(self, page):
        """Approved top-level comments of ``page``, oldest first, each with its approved
        replies in ``approved_replies``."""
        return (
            self.approved()
            .filter(page=page, parent__isnull=True)
            .prefetch_related(
                models.Prefetch(
                    "replies",
                    queryset=Comment.objects.approved().order_by("created_at"),
                    to_attr="approved_replies",
                )
            )
            .order_by("created_at")
        )

    def sent_with(self, addresses):
        """The comments sent with one of the e-mail ``addresses`` (in any letter case)."""
        if not addresses:
            return self.none()
        return self.filter(reduce(or_, (models.Q(email__iexact=email) for email in addresses)))

    def for_moderator(self, user):
        """What ``user`` may moderate: everything for the cultural & networking committee and
        platform admins; the comments on its own news for a charity's editors."""
        from charities.services import charities_of
        from workinggroups.models import Committee

        if not user.is_authenticated or not user.is_active:
            return self.none()
        if (
            user.is_superuser
            or Committee.objects.filter(kind=Committee.Kind.CULTURE, group__user=user).exists()
        ):
            return self
        return self.filter(page__charity__in=charities_of(user))


class Comment(models.Model):
    """A visitor's comment on a news article ("ارسال دیدگاه"). Stored as pending and shown
    only once approved; replies go one level deep, to approved comments."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    page = models.ForeignKey(
        "newsroom.NewsPage",
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("article"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("e-mail"), help_text=_("Never shown."))
    text = models.TextField(_("comment"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    address_key = models.CharField(max_length=64, db_index=True, editable=False)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True, db_index=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"

    @property
    def is_erased(self):
        """Its author closed their account; it stays only as the place its replies answer."""
        return not (self.name or self.email or self.text)
