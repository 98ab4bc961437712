# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from .xingji_share_category import SHARE_GRADES


class XingjiShareDirectory(models.Model):
    """What restricted shared items exist, without their content.

    A user outside the scope of a scoped or gated item must be able to find
    it to ask for access: this read-only view lists only the title, the
    category, the owner unit and the grade — never the content, the
    attachments or the keeping place of offline material.
    """

    _name = "xingji.share.directory"
    _description = "Directory of Restricted Shared Information"
    _auto = False
    _order = "id desc"

    name = fields.Char(string="Title", readonly=True)
    category_id = fields.Many2one("xingji.share.category", readonly=True)
    owner_unit_id = fields.Many2one("xingji.unit", readonly=True)
    grade = fields.Selection(SHARE_GRADES, readonly=True)
    is_offline = fields.Boolean(string="Kept Offline", readonly=True)
    date = fields.Date(string="Shared on", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    can_read = fields.Boolean(compute="_compute_can_read")

    def init(self):
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW xingji_share_directory AS (
                    SELECT s.id, s.name, s.category_id, s.owner_unit_id, s.grade,
                           s.is_offline, s.create_date::date AS date, s.company_id
                      FROM xingji_share s
                     WHERE s.active AND s.grade IN ('scoped', 'gated')
                )
                """
            )
        )

    @api.depends_context("uid")
    def _compute_can_read(self):
        readable = set(self.env["xingji.share"].search([("id", "in", self.ids)]).ids)
        for entry in self:
            entry.can_read = entry.id in readable

    def action_request_access(self):
        self.ensure_one()
        # The item is not read here: only its id and model are passed on.
        return self.env["xingji.share"].browse(self.id).action_request_access()

    def action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "xingji.share",
            "res_id": self.id,
            "view_mode": "form",
        }
