# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .xingji_neighbour_mixin import hidden_document_domain


class MailNotification(models.Model):
    """Every internal user may read ``mail.notification`` (no read rule in
    ``mail``), and its message's name is shown whatever the rights on the
    message: notifications of messages on a confidential record the user
    may not read are hidden, his own included (回避)."""

    _name = "mail.notification"
    # The neighbour mixin first: its search and access filters wrap mail's.
    _inherit = ["xingji.neighbour.mixin", "mail.notification"]

    @api.model
    def _xingji_visible_domain(self):
        # sudo: the hidden messages are selected on their document, whatever
        # the message rules say; the documents' rules are the current user's.
        hidden = self.env["mail.message"].sudo()._search(
            hidden_document_domain(self.env, "model", "res_id")
        )
        return [("mail_message_id", "not in", hidden)]
