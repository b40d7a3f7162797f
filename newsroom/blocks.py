"""Blocks of a news article's body: the shared body blocks plus embeds and document links."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

from nikrah.blocks import BodyBlock


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document (a report, a guide), with its own label."""

    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Link text"), required=False, max_length=150)

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "newsroom/blocks/document_link_block.html"


class NewsBodyBlock(BodyBlock):
    """An article's body. Embeds stay top-level blocks: wagtail-localize cannot extract an
    empty embed nested inside a struct block."""

    embed = EmbedBlock(label=_("Embed"), icon="media")
    document_link = DocumentLinkBlock()
