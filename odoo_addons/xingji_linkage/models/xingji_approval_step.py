# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval

from .xingji_routing_rule import CLUE_DIRECTIONS


class XingjiApprovalStep(models.Model):
    """One step of the approval route of clues (部门负责人 → 局领导 ...).

    Submitting a clue runs it through the applicable active steps in
    sequence order; each step names who approves and, optionally, a
    condition and a deadline.
    """

    _name = "xingji.approval.step"
    _description = "Clue Approval Step"
    # Every change to the route is tracked: who approves decides who learns of clues.
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    direction = fields.Selection(
        CLUE_DIRECTIONS, help="Leave empty to apply the step to both directions.", tracking=True
    )
    stage = fields.Selection(
        [("review", "Unit Review"), ("approval", "Leadership Approval")],
        required=True,
        default="review",
        help="State the clue shows while it waits at this step.",
        tracking=True,
    )
    approver_kind = fields.Selection(
        [
            ("unit_manager", "Head of the Source Unit"),
            ("group", "Members of a Group"),
            ("users", "Named Users"),
            ("leader_in_charge", "Leader in Charge of the Source Unit"),
        ],
        string="Approved By",
        required=True,
        default="unit_manager",
        tracking=True,
    )
    group_id = fields.Many2one(
        "res.groups",
        ondelete="restrict",
        tracking=True,
        help="For “Leader in Charge of the Source Unit”: the group whose members approve when the unit "
        "(and its parents) names no leader in charge.",
    )
    user_ids = fields.Many2many(
        "res.users",
        relation="xingji_approval_step_user_rel",
        column1="step_id",
        column2="user_id",
        string="Approvers",
        tracking=True,
    )
    comment_field = fields.Selection(
        [
            ("unit_opinion", "Unit Opinion (处室意见)"),
            ("leader_instruction", "Leader Instruction (局领导批示)"),
            ("none", "Approval Record Only"),
        ],
        string="Comment Goes To",
        required=True,
        default="none",
        help="Field of the referral form in which the approver's comment is kept.",
        tracking=True,
    )
    major_only = fields.Boolean(
        string="Major Clues Only", help="Apply this step only to clues marked as major.", tracking=True
    )
    condition_domain = fields.Char(
        string="Condition",
        default="[]",
        help="Optional domain on the clue; the step applies only to clues matching it.",
        tracking=True,
    )
    deadline_days = fields.Integer(
        string="Deadline (working days)",
        default=3,
        help="Working days the approver has to decide. Product default (产品默认值，可在此修改): "
        "the seeds fix no number of days for this step.",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True, tracking=True
    )

    @api.constrains("approver_kind", "group_id", "user_ids")
    def _check_approvers(self):
        for step in self:
            if step.approver_kind == "group" and not step.group_id:
                raise ValidationError(
                    self.env._("Step %(step)s: choose the group whose members approve.", step=step.name)
                )
            if step.approver_kind == "users" and not step.user_ids:
                raise ValidationError(
                    self.env._("Step %(step)s: name at least one approver.", step=step.name)
                )

    @api.constrains("condition_domain")
    def _check_condition_domain(self):
        for step in self:
            try:
                domain = safe_eval(step.condition_domain or "[]")
                # sudo: validates the condition's syntax; the manager may read no clue.
                self.env["xingji.clue"].sudo().search_count(domain, limit=1)
            except Exception as exc:
                raise ValidationError(
                    self.env._(
                        "Step %(step)s: the condition is not a valid domain on clues (%(error)s).",
                        step=step.name,
                        error=exc,
                    )
                ) from exc

    def _applies_to(self, clue):
        self.ensure_one()
        if self.direction and self.direction != clue.direction:
            return False
        if self.major_only and not clue.is_major:
            return False
        domain = safe_eval(self.condition_domain or "[]")
        # sudo: the condition is evaluated on the whole clue, whoever submits it.
        if domain and not clue.sudo().filtered_domain(domain):
            return False
        return True

    @api.model
    def _applicable_steps(self, clue):
        # sudo: the route is configuration, applied whatever the submitter's rights.
        steps = self.sudo().search([("company_id", "in", [False, clue.company_id.id])])
        return steps.filtered(lambda s: s._applies_to(clue))

    def _candidate_approvers(self, clue):
        """Users who may decide this step for a clue: never a reported
        person (回避) nor, four eyes, the clue's drafter or handler."""
        self.ensure_one()
        excluded = clue._recused_approvers()
        if self.approver_kind == "unit_manager":
            unit = clue.source_unit_id
            # A head who is reported, or drafted or handles the clue, does
            # not decide on it: the head of the parent unit does.
            while unit and (not unit.manager_id or unit.manager_id in excluded):
                unit = unit.parent_id
            return unit.manager_id
        if self.approver_kind == "leader_in_charge":
            unit = clue.source_unit_id
            while unit and not unit.leader_in_charge_id:
                unit = unit.parent_id
            leader = unit.leader_in_charge_id.filtered("active") - excluded
            if leader:
                # Only he decides (and so only he learns of the clue).
                return leader
            # No leader in charge, or he must recuse: the group decides.
            return self.group_id.users.filtered("active") - excluded
        if self.approver_kind == "group":
            return self.group_id.users.filtered("active") - excluded
        return self.user_ids.filtered("active") - excluded
