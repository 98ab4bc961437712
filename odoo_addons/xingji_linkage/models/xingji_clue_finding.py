# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

# A clue's problems are rectified once the receiving body has handled it.
RECTIFIABLE_STATES = ("accepted", "fed_back", "closed")


class XingjiClue(models.Model):
    """Link a clue to the inspection finding it was started from, and to the
    rectification tasks set from it (以案促改, seed 002 整改联治)."""

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

    rectification_count = fields.Integer(compute="_compute_rectification_count")

    @api.depends_context("uid")
    def _compute_rectification_count(self):
        counts = dict(
            self.env["xingji.rectification"]._read_group(
                [("clue_id", "in", self.ids)], ["clue_id"], ["__count"]
            )
        )
        for clue in self:
            clue.rectification_count = counts.get(clue._origin, 0)

    def action_create_rectification(self):
        """The receiving body sets a rectification task for the referring unit."""
        self.ensure_one()
        if self.state not in RECTIFIABLE_STATES or not self._is_receiver(self.env.user):
            raise UserError(
                self.env._(
                    "Rectification tasks are set from a clue by %(unit)s once it has accepted the clue.",
                    unit=self.receiving_unit_id.name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rectification Task"),
            "res_model": "xingji.rectification",
            "view_mode": "form",
            "context": {
                "default_source_ref": f"xingji.clue,{self.id}",
                "default_responsible_unit_id": self.source_unit_id.id,
                "default_issuer_unit_id": self.receiving_unit_id.id,
                "default_verifier_id": self.env.user.id,
            },
        }

    def action_view_rectifications(self):
        self.ensure_one()
        return self.env["xingji.rectification"]._action_view_from(self, "clue_id")

    def action_open_finding(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "xingji.finding",
            "res_id": self.finding_id.id,
            "view_mode": "form",
        }
