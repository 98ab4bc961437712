# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.xingji_clue import FORWARD_METHODS


class XingjiClueDecisionWizard(models.TransientModel):
    """Asks for the comment or reason of a decision on a clue."""

    _name = "xingji.clue.decision.wizard"
    _description = "Clue Decision"

    clue_id = fields.Many2one("xingji.clue", required=True, ondelete="cascade")
    action = fields.Selection(
        [
            ("approve", "Approve"),
            ("send_back", "Send Back"),
            ("return", "Return"),
            ("pass_on", "Pass On"),
            ("cancel", "Cancel"),
            ("forward", "Forward"),
            ("submit", "Submit"),
        ],
        required=True,
    )
    forward_date = fields.Date(string="Forwarded On", default=fields.Date.context_today)
    forward_number = fields.Char(string="Forwarding Document No.")
    forward_method = fields.Selection(FORWARD_METHODS, string="Delivered")
    comment = fields.Text()
    comment_required = fields.Boolean(compute="_compute_comment_required")
    comment_label = fields.Char(compute="_compute_comment_required")
    unit_id = fields.Many2one(
        "xingji.unit",
        string="Competent Body",
        domain="[('kind', 'in', ['discipline', 'supervision'])]",
    )
    person_ids = fields.Many2many(
        "xingji.clue.person",
        relation="xingji_clue_decision_person_rel",
        column1="wizard_id",
        column2="person_id",
        string="Persons Passed On",
        domain="[('clue_id', '=', clue_id)]",
        help="Leave empty to pass on the whole clue; choose some persons to split the clue by jurisdiction.",
    )

    @api.depends("action", "clue_id")
    def _compute_comment_required(self):
        labels = {
            "approve": self.env._("Comment"),
            "send_back": self.env._("What must be corrected"),
            "return": self.env._("Reason for return (e.g. not within our jurisdiction)"),
            "pass_on": self.env._("Reason for passing on"),
            "cancel": self.env._("Reason for cancellation"),
        }
        for wizard in self:
            wizard.comment_required = wizard.action not in ("approve", "forward", "submit")
            label = labels.get(wizard.action, "")
            # The approver writes straight into the box of the paper form
            # (处室（单位）意见 / 局领导批示) that the step fills.
            field = wizard.clue_id.current_step_id.comment_field
            if wizard.action in ("approve", "send_back") and field in ("unit_opinion", "leader_instruction"):
                label = wizard.clue_id._fields[field]._description_string(self.env)
            wizard.comment_label = label

    def action_confirm(self):
        self.ensure_one()
        clue = self.clue_id
        if self.action == "approve":
            clue._approve(self.comment)
        elif self.action == "send_back":
            clue._send_back(self.comment)
        elif self.action == "return":
            clue._return(self.comment)
        elif self.action == "cancel":
            clue._cancel(self.comment)
        elif self.action == "pass_on":
            clue._pass_on(self.unit_id, self.comment, self.person_ids)
        elif self.action == "forward":
            clue._forward(self.forward_date, self.forward_number, self.forward_method)
        elif self.action == "submit":
            clue.action_submit()
        return {"type": "ir.actions.act_window_close"}
