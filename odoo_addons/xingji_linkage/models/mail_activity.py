# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .mail_followers import forbidden_rows, merge_check, restrict_search, visible_document_domain


class MailActivity(models.Model):
    """``mail`` lets the assignee read an activity whatever his rights on
    its document, and shows the document's name on it.  An activity of a
    confidential record is visible only to who may read the record."""

    _inherit = "mail.activity"

    @api.model
    def _xingji_visible_domain(self):
        return visible_document_domain(self.env)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        domain = restrict_search(self, domain, self._xingji_visible_domain())
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        forbidden = forbidden_rows(self - (result[0] if result else self.browse()), self._xingji_visible_domain())
        return merge_check(self, operation, result, forbidden)
