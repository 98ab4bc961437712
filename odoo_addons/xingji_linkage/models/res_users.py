# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    xingji_unit_ids = fields.Many2many(
        "xingji.unit",
        relation="xingji_unit_member_rel",
        column1="user_id",
        column2="unit_id",
        string="Linkage Units",
    )
    xingji_managed_unit_ids = fields.One2many(
        "xingji.unit", "manager_id", string="Units Headed"
    )

    def _xingji_demo_set_lang(self, lang="zh_CN"):
        """Demo helper: switch demo users to Chinese when it is installed."""
        if self.env["res.lang"]._lang_get(lang):
            self.write({"lang": lang})
