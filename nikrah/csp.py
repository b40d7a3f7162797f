"""The Content-Security-Policy's nonce for inline scripts that Wagtail renders without the
request at hand.

The policy (``CONTENT_SECURITY_POLICY`` in the settings) runs only scripts served by the site
and inline scripts that carry the response's nonce. A template with the request writes
``nonce="{{ request.csp_nonce }}"``. Wagtail's form widgets and edit panels are rendered
without it, yet a few of them (date pickers, choosers, inline panels) still start their
JavaScript from an inline script (wagtail#12940): ``NonceMiddleware`` keeps the request's
nonce at hand while the response is made, for the ``{% csp_nonce %}`` tag
(``nikrah_admin``) and for the choosers' scripts (``sign_chooser_scripts``).
"""

import functools
from contextvars import ContextVar

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.widgets import BaseChooser

_request_nonce = ContextVar("request_nonce", default="")


def current_nonce():
    """The nonce of the response being made, or "" outside a request."""
    return str(_request_nonce.get())


class NonceMiddleware:
    """Keeps the request's nonce (django-csp's, lazy: only a response that uses it names it
    in its header) at hand while the response is made. Comes after django-csp's middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_nonce.set(request.csp_nonce)
        try:
            return self.get_response(request)
        finally:
            _request_nonce.reset(token)


def sign_chooser_scripts():
    """Wagtail's choosers (of pages, images, documents, snippets, tasks) end their HTML with
    the inline script that starts them, written in Python by ``BaseChooser.render``: the
    method is wrapped once, at start-up (``NikrahConfig.ready``), to give it the nonce."""
    render = BaseChooser.render

    @functools.wraps(render)
    def render_signed(self, *args, **kwargs):
        html = render(self, *args, **kwargs)
        before, script, code = html.rpartition("<script>")
        if not script:
            return html
        return mark_safe(before + format_html('<script nonce="{}">', current_nonce()) + code)

    BaseChooser.render = render_signed


# What the admin needs beyond the site's policy, and only the admin:
# - Wagtail's rich text editor (Draftail) writes <style> elements for the placeholder of an
#   empty block and for the numbering of nested lists, made as it renders, so neither a
#   nonce nor a hash can name them: inline <style> elements are allowed (style-src-elem).
#   Style attributes stay forbidden, and so does any inline style on the public site.
# - The image uploader shows the chosen files before they are sent, as blob: images.
# - jQuery UI's menus (the tag field's suggestions) draw their items with a data: image.
admin_policy = csp_update({"style-src-elem": [SELF, UNSAFE_INLINE], "img-src": ["data:", "blob:"]})
