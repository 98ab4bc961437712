# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .xingji_neighbour_mixin import hidden_document_domain


class MailTrackingValue(models.Model):
    """The Settings administrator reads ``mail.tracking.value`` (old and new
    values of tracked fields) whatever the rights on the document: values
    tracked on a confidential record are hidden from whoever may not read
    the record."""

    _name = "mail.tracking.value"
    # The neighbour mixin first: its search and access filters wrap mail's.
    _inherit = ["xingji.neighbour.mixin", "mail.tracking.value"]

    @api.model
    def _xingji_visible_domain(self):
        # sudo: the hidden messages are selected on their document, whatever
        # the message rules say; the documents' rules are the current user's.
        hidden = self.env["mail.message"].sudo()._search(
            hidden_document_domain(self.env, "model", "res_id")
        )
        return [("mail_message_id", "not in", hidden)]
