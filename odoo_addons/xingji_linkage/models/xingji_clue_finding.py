# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class XingjiClue(models.Model):
    """Link a clue to the inspection finding it was started from."""

    _inherit = "xingji.clue"

    finding_id = fields.Many2one(
        "xingji.finding",
        string="Source Finding",
        readonly=True,
        copy=False,
        index="btree_not_null",
        tracking=True,
        help="The serious finding of a joint inspection this clue was started from.",
    )
    finding_inspection_id = fields.Many2one(
        related="finding_id.inspection_id", string="Source Inspection"
    )

    def action_open_finding(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "xingji.finding",
            "res_id": self.finding_id.id,
            "view_mode": "form",
        }
