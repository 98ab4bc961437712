# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrModelAccess(models.Model):
    """Access rows of the confidential models change only with the module;
    other linkage-related changes are logged (see the guard mixin)."""

    _name = "ir.model.access"
    # The guard comes first so that its checks run before the row changes.
    _inherit = ["xingji.security.rule.guard.mixin", "ir.model.access"]
