from datetime import timedelta

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from newsroom.forms import CommentForm
from newsroom.models import Comment
from newsroom.models.comments import address_key
from nikrah.client_address import client_address
from nikrah.locks import lock_for_transaction

COMMENTS_PER_ADDRESS = 3
RATE_WINDOW = timedelta(minutes=10)


def too_many_comments(key):
    since = timezone.now() - RATE_WINDOW
    return Comment.objects.filter(address_key=key, created_at__gte=since).count() >= (
        COMMENTS_PER_ADDRESS
    )


def article(request, page):
    """The article, with an empty form for a new comment."""
    return page.render(request, context_overrides={"comment_form": CommentForm(page=page)})


def post_comment(request, page):
    """Store a visitor's comment as pending and say so; nothing shows until approved.

    The count of an address's recent comments is read and the new one written under a lock
    on that address, so that many posts at once cannot slip past the limit together."""
    form = CommentForm(request.POST, page=page)
    key = address_key(client_address(request))
    if form.is_valid():
        with transaction.atomic():
            lock_for_transaction(f"newsroom.comments:{key}")
            if too_many_comments(key):
                form.add_error(
                    None,
                    _("You have sent several comments in a short time. Please try again later."),
                )
            else:
                Comment.objects.create(
                    page=page,
                    parent=form.cleaned_data["parent"],
                    name=form.cleaned_data["name"].strip(),
                    email=form.cleaned_data["email"],
                    text=form.cleaned_data["text"].strip(),
                    language=get_language() or "fa",
                    address_key=key,
                )
    if not form.is_valid():
        response = page.render(
            request, context_overrides={"comment_form": form, "comment_form_invalid": True}
        )
        response.status_code = 400
        return response
    messages.success(
        request,
        _("Thank you. Your comment will appear here once a moderator has approved it."),
        extra_tags="comment",
    )
    return HttpResponseRedirect(page.url + "#comments")
