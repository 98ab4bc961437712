# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools.safe_eval import safe_eval


class XingjiHomeTile(models.Model):
    """One counter of the linkage home page: "my clues to decide", "my
    rectification tasks" … Each counts, with the user's own rights, the
    records of ``model_name`` matching ``domain`` and opens them in one click."""

    _name = "xingji.home.tile"
    _description = "Linkage Home Page Counter"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    model_name = fields.Char(string="Model", required=True)
    domain = fields.Char(
        required=True, default="[]", help="Evaluated with uid (the current user) and today (a date)."
    )
    action_id = fields.Many2one("ir.actions.act_window", string="Opens", required=True)
    group_ids = fields.Many2many("res.groups", string="Shown to", help="Empty: every linkage user.")
    alert = fields.Boolean(help="Shown in red when the count is not zero.")
    record_count = fields.Integer(string="Count", compute="_compute_record_count")

    def _eval_domain(self):
        self.ensure_one()
        return safe_eval(self.domain, {"uid": self.env.uid, "today": fields.Date.context_today(self)})

    @api.depends_context("uid")
    def _compute_record_count(self):
        for tile in self:
            Model = self.env.get(tile.model_name)
            if Model is None or not Model.has_access("read"):
                tile.record_count = 0
                continue
            tile.record_count = Model.search_count(tile._eval_domain())

    def action_open(self):
        self.ensure_one()
        # The action's own views and search view; the tile narrows it.
        action = self.action_id._get_action_dict()
        action.update(
            {
                "name": self.name,
                "domain": self._eval_domain(),
                "context": {"create": False},
                "target": "current",
            }
        )
        return action
