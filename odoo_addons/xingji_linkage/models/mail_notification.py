# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .mail_followers import forbidden_rows, hidden_document_domain, merge_check, restrict_search


class MailNotification(models.Model):
    """Every internal user may read ``mail.notification`` (no read rule in
    ``mail``), and its message's name is shown whatever the rights on the
    message: notifications of messages on a confidential record the user
    may not read are hidden, his own included (回避)."""

    _inherit = "mail.notification"

    @api.model
    def _xingji_visible_domain(self):
        # sudo: the hidden messages are selected on their document, whatever
        # the message rules say; the documents' rules are the current user's.
        hidden = self.env["mail.message"].sudo()._search(
            hidden_document_domain(self.env, "model", "res_id")
        )
        return [("mail_message_id", "not in", hidden)]

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        domain = restrict_search(self, domain, self._xingji_visible_domain())
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        forbidden = forbidden_rows(self - (result[0] if result else self.browse()), self._xingji_visible_domain())
        return merge_check(self, operation, result, forbidden)
