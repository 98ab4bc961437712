# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class XingjiInspectionDrawWizard(models.TransientModel):
    """Random sampling (双随机): draw inspected units and inspectors."""

    _name = "xingji.inspection.draw.wizard"
    _description = "Random Draw Wizard"

    inspection_id = fields.Many2one("xingji.inspection", required=True, ondelete="cascade")
    previous_draw_id = fields.Many2one(related="inspection_id.draw_id")
    unit_pool_ids = fields.Many2many(
        "xingji.unit",
        relation="xingji_draw_wizard_unit_rel",
        column1="wizard_id",
        column2="unit_id",
        domain=[("kind", "=", "enforcement")],
        default=lambda self: self._default_unit_pool(),
    )
    inspector_pool_ids = fields.Many2many(
        "res.users",
        relation="xingji_draw_wizard_user_rel",
        column1="wizard_id",
        column2="user_id",
        default=lambda self: self._default_inspector_pool(),
    )
    unit_count = fields.Integer(string="Units to Draw", default=2)
    inspector_count = fields.Integer(string="Inspectors to Draw", default=2)
    seed = fields.Char(
        help="Leave empty for a fresh random seed. The seed is recorded so the draw can be replayed.",
    )
    reason = fields.Text(
        string="Reason for Re-draw",
        help="Required when the inspection was already drawn: a re-draw is recorded, never silent.",
    )

    @api.model
    def _default_unit_pool(self):
        # The units that are inspected: enforcement units without sub-units,
        # never the bureau above them.
        return self.env["xingji.unit"].search([("kind", "=", "enforcement"), ("child_ids", "=", False)])

    @api.model
    def _default_inspector_pool(self):
        inspection = self.env["xingji.inspection"].browse(self.env.context.get("default_inspection_id"))
        bodies = inspection.exists().organiser_unit_ids or self.env["xingji.unit"].search(
            [("kind", "in", ("supervision", "discipline"))]
        )
        # The inspectors come from the supervision and discipline bodies:
        # their members and heads.
        return bodies.member_ids | bodies.manager_id

    def action_draw(self):
        self.ensure_one()
        self.inspection_id._draw_random(
            self.unit_pool_ids,
            self.inspector_pool_ids,
            self.unit_count,
            self.inspector_count,
            seed=self.seed,
            reason=self.reason,
        )
        return {"type": "ir.actions.act_window_close"}
