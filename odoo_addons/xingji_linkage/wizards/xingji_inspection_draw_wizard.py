# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets

from odoo import api, fields, models
from odoo.exceptions import UserError


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
        string="Unit Pool",
        domain=[("kind", "=", "enforcement")],
        default=lambda self: self._default_unit_pool(),
    )
    inspector_pool_ids = fields.Many2many(
        "res.users",
        relation="xingji_draw_wizard_user_rel",
        column1="wizard_id",
        column2="user_id",
        string="Inspector Pool",
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
        return self.env["xingji.unit"].search([("kind", "=", "enforcement")])

    @api.model
    def _default_inspector_pool(self):
        inspection = self.env["xingji.inspection"].browse(self.env.context.get("default_inspection_id"))
        return inspection.exists().organiser_unit_ids.member_ids

    def action_draw(self):
        self.ensure_one()
        inspection = self.inspection_id
        inspection._check_state(["plan"])
        if inspection.draw_ids and not (self.reason or "").strip():
            raise UserError(
                self.env._(
                    "%(name)s was already drawn on %(date)s. A re-draw is recorded: give its reason.",
                    name=inspection.name,
                    date=inspection.draw_id.date_draw,
                )
            )
        if self.unit_count < 1 or self.unit_count > len(self.unit_pool_ids):
            raise UserError(
                self.env._(
                    "Draw between 1 and %(count)s units: that is the size of the unit pool.",
                    count=len(self.unit_pool_ids),
                )
            )
        if self.inspector_count < 1:
            raise UserError(self.env._("Draw at least one inspector."))
        seed = (self.seed or "").strip() or secrets.token_hex(8)
        Draw = self.env["xingji.inspection.draw"]
        units, excluded, inspectors = Draw._draw(
            seed, self.unit_pool_ids, self.inspector_pool_ids, self.unit_count, self.inspector_count
        )
        draw = Draw.create(
            {
                "inspection_id": inspection.id,
                "sequence": len(inspection.draw_ids) + 1,
                "seed": seed,
                "date_draw": fields.Datetime.now(),
                "operator_id": self.env.user.id,
                "unit_pool_ids": [fields.Command.set(self.unit_pool_ids.ids)],
                "inspector_pool_ids": [fields.Command.set(self.inspector_pool_ids.ids)],
                "unit_count": self.unit_count,
                "inspector_count": self.inspector_count,
                "drawn_unit_ids": [fields.Command.set(units.ids)],
                "excluded_inspector_ids": [fields.Command.set(excluded.ids)],
                "drawn_inspector_ids": [fields.Command.set(inspectors.ids)],
                "reason": self.reason,
            }
        )
        inspection.with_context(xingji_from_draw=True).write(
            {
                "inspection_type": "random",
                "inspected_unit_ids": [fields.Command.set(units.ids)],
                "team_user_ids": [fields.Command.set(inspectors.ids)],
            }
        )
        body = self.env._(
            "Draw %(number)s (seed %(seed)s) by %(operator)s: units %(units)s; inspectors %(inspectors)s; "
            "excluded for conflict of interest: %(excluded)s.",
            number=draw.sequence,
            seed=seed,
            operator=self.env.user.name,
            units="、".join(units.mapped("name")),
            inspectors="、".join(inspectors.mapped("name")),
            excluded="、".join(excluded.mapped("name")) or "-",
        )
        if self.reason:
            body += " " + self.env._("Reason for re-draw: %(reason)s", reason=self.reason)
        inspection.message_post(body=body)
        return {"type": "ir.actions.act_window_close"}
