# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class XingjiUnit(models.Model):
    """The bureau's discipline committee (局机关纪委) receives the units'
    quarterly statistics tables and reports their summary (seed 000 §四(一))."""

    _inherit = "xingji.unit"

    receives_statistics = fields.Boolean(
        string="Receives the Quarterly Statistics",
        tracking=True,
        help="The bureau's discipline committee (局机关纪委): the units submit their quarterly statistics "
        "tables (附件1) to it, and it reports the quarterly summary to the bureau leader in charge.",
    )

    @api.model
    def _statistics_receivers(self, company=None):
        """The discipline committee units of ``company`` (default: the
        current one)."""
        company = company or self.env.company
        # sudo: which unit receives the tables is configuration every
        # submitting liaison must be able to resolve.
        return self.sudo().search(
            [("receives_statistics", "=", True), ("company_id", "=", company.id)]
        )

    def _statistics_addressees(self):
        """Who is asked to act for these units: their heads and liaisons,
        else all their members."""
        users = self.manager_id | self.liaison_ids
        return users or self.member_ids
