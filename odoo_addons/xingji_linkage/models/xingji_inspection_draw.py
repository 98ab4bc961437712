# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random

from odoo import api, fields, models
from odoo.exceptions import UserError


class XingjiInspectionDraw(models.Model):
    """One recorded random draw (双随机) of an inspection.

    Append-only: the pools, the seed, the counts, the time, the operator, the
    inspectors excluded for conflict of interest (回避) and the result are
    kept, so that anyone can replay the draw and obtain the same units and
    inspectors.  A new draw adds a record with its reason; none is ever
    changed or removed.
    """

    _name = "xingji.inspection.draw"
    _description = "Random Draw of an Inspection"
    _order = "inspection_id, sequence, id"
    _rec_name = "display_name"

    inspection_id = fields.Many2one(
        "xingji.inspection", required=True, index=True, ondelete="restrict", readonly=True
    )
    sequence = fields.Integer(string="Draw No.", readonly=True)
    seed = fields.Char(required=True, readonly=True)
    date_draw = fields.Datetime(string="Drawn On", required=True, readonly=True)
    operator_id = fields.Many2one("res.users", required=True, readonly=True)
    unit_pool_ids = fields.Many2many(
        "xingji.unit",
        relation="xingji_draw_unit_pool_rel",
        column1="draw_id",
        column2="unit_id",
        readonly=True,
    )
    inspector_pool_ids = fields.Many2many(
        "res.users",
        relation="xingji_draw_inspector_pool_rel",
        column1="draw_id",
        column2="user_id",
        readonly=True,
    )
    unit_count = fields.Integer(string="Units to Draw", readonly=True)
    inspector_count = fields.Integer(string="Inspectors to Draw", readonly=True)
    drawn_unit_ids = fields.Many2many(
        "xingji.unit",
        relation="xingji_draw_drawn_unit_rel",
        column1="draw_id",
        column2="unit_id",
        string="Drawn Units",
        readonly=True,
    )
    excluded_inspector_ids = fields.Many2many(
        "res.users",
        relation="xingji_draw_excluded_rel",
        column1="draw_id",
        column2="user_id",
        string="Excluded (Conflict of Interest)",
        readonly=True,
        help="Inspectors of the pool who belong to a drawn unit and were left out (回避).",
    )
    drawn_inspector_ids = fields.Many2many(
        "res.users",
        relation="xingji_draw_drawn_inspector_rel",
        column1="draw_id",
        column2="user_id",
        string="Drawn Inspectors",
        readonly=True,
    )
    reason = fields.Text(string="Reason for Re-draw", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                self.env._("A draw is recorded only by the “Draw” button of its inspection.")
            )
        return super().create(vals_list)

    @api.depends("inspection_id.name", "sequence")
    def _compute_display_name(self):
        for draw in self:
            draw.display_name = self.env._(
                "%(inspection)s draw %(number)s", inspection=draw.inspection_id.name, number=draw.sequence
            )

    # ------------------------------------------------------------ algorithm
    @api.model
    def _draw(self, seed, unit_pool, inspector_pool, unit_count, inspector_count, excluded=None):
        """The draw itself, a pure function of its inputs.

        Pools are ordered by id before sampling, so the order in which they
        were chosen does not matter.  Units are drawn first; inspectors who
        are members of a drawn unit are excluded (回避) unless ``excluded``
        is given (a replay uses the exclusions recorded at draw time).
        Returns (units, excluded inspectors, inspectors).
        """
        rng = random.Random(f"xingji-draw:{seed}")
        unit_ids = sorted(unit_pool.ids)
        units = self.env["xingji.unit"].browse(rng.sample(unit_ids, unit_count))
        if excluded is None:
            excluded = inspector_pool & units.member_ids
        eligible = sorted((inspector_pool - excluded).ids)
        if inspector_count > len(eligible):
            raise UserError(
                self.env._(
                    "Only %(count)s inspectors of the pool may inspect the drawn units (the others "
                    "belong to them). Enlarge the inspector pool or draw fewer inspectors.",
                    count=len(eligible),
                )
            )
        inspectors = self.env["res.users"].browse(rng.sample(eligible, inspector_count))
        return units, excluded, inspectors

    def _replay(self):
        """Draw again from the stored pools and seed: (units, inspectors)."""
        self.ensure_one()
        units, _excluded, inspectors = self._draw(
            self.seed,
            self.unit_pool_ids,
            self.inspector_pool_ids,
            self.unit_count,
            self.inspector_count,
            excluded=self.excluded_inspector_ids,
        )
        return units, inspectors

    def action_replay(self):
        """Replay the stored draw and tell whether it gives the same result."""
        self.ensure_one()
        units, inspectors = self._replay()
        same = set(units.ids) == set(self.drawn_unit_ids.ids) and set(inspectors.ids) == set(
            self.drawn_inspector_ids.ids
        )
        names = {
            "units": "、".join(units.mapped("name")),
            "inspectors": "、".join(inspectors.mapped("name")),
        }
        if same:
            message = self.env._("Replay matches the recorded draw: %(units)s; %(inspectors)s.", **names)
        else:
            message = self.env._("Replay DIFFERS from the recorded draw: %(units)s; %(inspectors)s.", **names)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"type": "success" if same else "danger", "sticky": not same, "message": message},
        }
