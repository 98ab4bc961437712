# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .xingji_routing_rule import CLUE_DIRECTIONS

DEADLINE_STAGES = [
    ("draft", "Referral after Discovery"),
    ("transferred", "Decision of the Receiving Body"),
    ("accepted", "Handling and Feedback"),
    ("fed_back", "Closing after Feedback"),
]


class XingjiClueDeadline(models.Model):
    """Working days allowed in each stage of a clue, per direction.

    The approval steps carry their own deadlines; this table covers the
    other stages.  The referral deadline counts from the discovery date,
    the others from the day the clue enters the stage.
    """

    _name = "xingji.clue.deadline"
    _description = "Clue Stage Deadline"
    _order = "direction, id"

    direction = fields.Selection(CLUE_DIRECTIONS, required=True)
    stage = fields.Selection(DEADLINE_STAGES, required=True)
    working_days = fields.Integer(
        required=True,
        default=5,
        help="Product default (产品默认值，可在此修改): seeds 000 and 001 ask for a prompt referral, "
        "review and feedback (及时移送、及时审查、立即启动核查) without fixing a number of days; "
        "change the days here.",
    )
    note = fields.Char(help="Where the duty comes from; the number of days is the product's default.")

    _sql_constraints = [
        ("direction_stage_uniq", "unique(direction, stage)", "This stage already has a deadline."),
        ("working_days_positive", "CHECK(working_days >= 0)", "Working days cannot be negative."),
    ]

    @api.model
    def _days_for(self, direction, stage):
        # sudo: deadlines are configuration every clue is counted with.
        rule = self.sudo().search([("direction", "=", direction), ("stage", "=", stage)], limit=1)
        return rule.working_days if rule else None
