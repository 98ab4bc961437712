# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

SHARE_GRADES = [
    ("full", "Full Sharing"),
    ("scoped", "Designated Scope"),
    ("gated", "Strict Approval"),
]
# Higher rank = more restricted.
GRADE_RANK = {"full": 0, "scoped": 1, "gated": 2}


class XingjiShareCategory(models.Model):
    """Category of shared information and its default grade (seed 001 art. 11).

    政策制度 / 经验做法 / 工作要求 are shared with everyone, 监督检查 / 追责问责
    within a designated scope, 问题线索 / 证据材料 only after approval.
    """

    _name = "xingji.share.category"
    _description = "Shared Information Category"
    _inherit = ["mail.thread", "mail.activity.mixin", "xingji.workflow.mixin"]
    _order = "sequence, id"
    _xingji_reference_field = None
    # A lowering of a strict-approval category waits for a leader: the
    # request is stamped by "Change Default Grade", never written by hand.
    _xingji_workflow_fields = ("requested_grade", "requested_reason", "requested_by_id")

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    default_grade = fields.Selection(
        SHARE_GRADES,
        required=True,
        default="full",
        tracking=True,
        help="Grade given to new items of this category. Lowering the grade of an item of a "
        "strict-approval category needs its approver.",
    )
    approver_id = fields.Many2one(
        "res.users",
        string="Named Approver",
        tracking=True,
        help="Approves access requests and grade changes for items of this category. "
        "When empty, the head of the item's owner unit approves.",
    )
    include_managers = fields.Boolean(
        string="Include Heads of Named Units",
        tracking=True,
        help="For designated-scope items: the heads of the parent units of the named units "
        "and the heads of the named users' units read the item too.",
    )
    description = fields.Text(tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, tracking=True, default=lambda self: self.env.company
    )

    requested_grade = fields.Selection(
        SHARE_GRADES,
        string="Requested Default Grade",
        readonly=True,
        copy=False,
        tracking=True,
        help="A lower default grade asked for a strict-approval category, awaiting a bureau "
        "leader's approval.",
    )
    requested_reason = fields.Text(readonly=True, copy=False, tracking=True)
    requested_by_id = fields.Many2one(
        "res.users", string="Requested by", readonly=True, copy=False, tracking=True
    )
    can_approve_grade = fields.Boolean(compute="_compute_can_approve_grade")

    @api.depends_context("uid")
    @api.depends("requested_grade", "requested_by_id")
    def _compute_can_approve_grade(self):
        is_leader = self.env.user.has_group("xingji_linkage.group_xingji_leader")
        for category in self:
            category.can_approve_grade = bool(
                is_leader and category.requested_grade and category.requested_by_id != self.env.user
            )

    def write(self, vals):
        # Only action_approve_grade (a leader's decision, written with
        # sudo) lowers a strict-approval category; no context opens this.
        if "default_grade" in vals and not self.env.su:
            new = vals["default_grade"]
            for category in self:
                if category.default_grade == "gated" and GRADE_RANK[new] < GRADE_RANK["gated"]:
                    raise UserError(
                        self.env._(
                            "Lowering the default grade of the strict-approval category "
                            "\"%(name)s\" needs a bureau leader's approval: use Change Default "
                            "Grade and give a reason.",
                            name=category.name,
                        )
                    )
        return super().write(vals)

    # ------------------------------------------------------------- actions
    def action_change_default_grade(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Default Grade"),
            "res_model": "xingji.share.grade.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_category_id": self.id},
        }

    def _change_default_grade(self, grade, reason):
        """Apply a grade change, or ask a leader when it lowers a gated category."""
        self.ensure_one()
        labels = dict(self._fields["default_grade"]._description_selection(self.env))
        detail = self.env._(
            "%(old)s → %(new)s", old=labels[self.default_grade], new=labels[grade]
        )
        if self.default_grade == "gated" and GRADE_RANK[grade] < GRADE_RANK["gated"]:
            self.check_access("write")
            self._xingji_workflow_write(
                {
                    "requested_grade": grade,
                    "requested_reason": reason,
                    "requested_by_id": self.env.uid,
                }
            )
            self.env["xingji.access.log"]._log(self, "grade", detail=f"{detail}? {reason}")
            self.message_post(
                body=self.env._(
                    "Lowering the default grade asked (%(detail)s): %(reason)s. Awaiting a bureau "
                    "leader's approval.",
                    detail=detail,
                    reason=reason,
                )
            )
            leaders = self.env.ref("xingji_linkage.group_xingji_leader").users - self.env.user
            for leader in leaders:
                self.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=leader.id,
                    summary=self.env._("Approve lowering the grade of %(name)s", name=self.name),
                )
            return False
        old = self.default_grade
        self.write({"default_grade": grade})
        if "gated" in (grade, old):
            self.env["xingji.access.log"]._log(self, "grade", detail=f"{detail}: {reason}")
        self.message_post(
            body=self.env._("Default grade changed (%(detail)s): %(reason)s", detail=detail, reason=reason)
        )
        return True

    def _check_grade_approver(self):
        for category in self:
            if not category.can_approve_grade:
                raise UserError(
                    self.env._(
                        "Only a bureau leader other than the requester may decide the grade "
                        "change of \"%(name)s\".",
                        name=category.name,
                    )
                )

    def action_approve_grade(self):
        self._check_grade_approver()
        for category in self:
            labels = dict(self._fields["default_grade"]._description_selection(self.env))
            detail = self.env._(
                "%(old)s → %(new)s",
                old=labels[category.default_grade],
                new=labels[category.requested_grade],
            )
            # sudo: the leader approves without configuration rights; the
            # check above is the approval.
            category.sudo().write(
                {
                    "default_grade": category.requested_grade,
                    "requested_grade": False,
                    "requested_reason": False,
                    "requested_by_id": False,
                }
            )
            self.env["xingji.access.log"]._log(
                category, "grade", detail=self.env._("%(detail)s approved", detail=detail)
            )
            # sudo: the deciding leader may not have write rights on categories.
            category.sudo().message_post(
                body=self.env._("Lowering approved by %(user)s: %(detail)s", user=self.env.user.name, detail=detail)
            )
            category.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_reject_grade(self):
        self._check_grade_approver()
        for category in self:
            # sudo: see action_approve_grade.
            category.sudo().write(
                {"requested_grade": False, "requested_reason": False, "requested_by_id": False}
            )
            category.sudo().message_post(
                body=self.env._("Lowering rejected by %(user)s.", user=self.env.user.name)
            )
            category.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        return True
