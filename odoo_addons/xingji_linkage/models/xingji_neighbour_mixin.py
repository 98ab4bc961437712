# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .mail_followers import forbidden_rows, merge_check, restrict_search


class XingjiNeighbourMixin(models.AbstractModel):
    """The rows around a confidential record (followers, messages,
    notifications, tracking values, activities) follow the record: whoever
    may not read it neither finds nor reads them, by search or by id.

    A model inheriting it (listed first in ``_inherit``) defines
    ``_xingji_visible_domain()``: the rows the current user may see."""

    _name = "xingji.neighbour.mixin"
    _description = "Rows Around a Confidential Record"

    @api.model
    def _xingji_visible_domain(self):
        raise NotImplementedError

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        domain = restrict_search(self, domain, self._xingji_visible_domain())
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        forbidden = forbidden_rows(self - (result[0] if result else self.browse()), self._xingji_visible_domain())
        return merge_check(self, operation, result, forbidden)
