# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

NOTICE_TYPES_TO_UNIT = ("bulletin", "advice", "interview")
NOTICE_TYPES_TO_DISCIPLINE = ("situation", "support", "request_instruction")
DEFAULT_RESPONSE_WORKING_DAYS = 15
# What the issuing side writes; the receiving side may not change it.
ISSUER_FIELDS = {
    "name", "direction", "notice_type", "issuer_unit_id", "issuer_user_id", "target_unit_id",
    "content", "date_deadline", "date_interview", "company_id", "clue_id",
}
# What the receiving side writes.
RESPONSE_FIELDS = {"cause_analysis", "response_report", "reply"}


class XingjiNotice(models.Model):
    """A notice between a discipline body and a unit, both ways.

    * ``to_unit``: 督导通报, 纪检监察建议 or 约谈 from a discipline body
      (seed 000 §四(三)); the unit analyses the causes, sets rectification
      tasks and reports back; the issuer accepts or asks again.
    * ``to_discipline``: 重要情况通报 or 支持请求 from a unit (seed 000
      §四(二), §四(四)); the discipline body acknowledges and answers.
    """

    _name = "xingji.notice"
    _description = "Supervision Notice"
    _inherit = ["mail.thread", "mail.activity.mixin", "xingji.deadline.mixin", "xingji.workflow.mixin"]
    _order = "date_sent desc, id desc"
    _xingji_workflow_fields = (
        "state", "date_sent", "date_acknowledged", "acknowledged_by_id", "date_answered", "answered_by_id",
    )
    # The draft clue of a request for instruction: its number is shown only to who may read it.
    _xingji_masked_link_fields = ("clue_id",)

    reference = fields.Char(readonly=True, copy=False, default="/", index="trigram")
    name = fields.Char(string="Subject", required=True, tracking=True)
    direction = fields.Selection(
        selection=[("to_unit", "Discipline Body to Unit"), ("to_discipline", "Unit to Discipline Body")],
        required=True,
        default="to_unit",
        tracking=True,
        index=True,
    )
    notice_type = fields.Selection(
        selection=[
            ("bulletin", "Supervision Bulletin"),
            ("advice", "Discipline Inspection Advice"),
            ("interview", "Admonishing Talk"),
            ("situation", "Important Situation Report"),
            ("support", "Request for Support"),
            ("request_instruction", "Request for Instruction"),
        ],
        string="Type",
        required=True,
        default="bulletin",
        tracking=True,
        index=True,
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("acknowledged", "Acknowledged"),
            ("answered", "Answered"),
            ("accepted", "Accepted"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
    )
    issuer_unit_id = fields.Many2one("xingji.unit", string="Issued By", required=True, index=True, tracking=True)
    issuer_user_id = fields.Many2one(
        "res.users", string="Issuer", default=lambda self: self.env.user, index=True, tracking=True
    )
    target_unit_id = fields.Many2one("xingji.unit", string="Addressed To", required=True, index=True, tracking=True)
    clue_id = fields.Many2one(
        "xingji.clue",
        string="Draft Clue",
        index="btree_not_null",
        help="The draft clue the unit asks about when unsure whether the matter is a clue to refer "
        "(seed 000 §五(三): 把握不准的，应当及时向纪检监察部门请示).",
    )
    content = fields.Html(help="The notice as issued: facts, problems found, requirements or request.")
    date_interview = fields.Datetime(string="Talk Scheduled On")
    date_sent = fields.Datetime(readonly=True, copy=False)
    date_acknowledged = fields.Datetime(readonly=True, copy=False)
    acknowledged_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_answered = fields.Datetime(readonly=True, copy=False)
    answered_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    cause_analysis = fields.Text(help="Root causes found by the unit (查找问题根源).")
    response_report = fields.Text(string="Rectification Report", help="What the unit did and will do (整改情况汇报).")
    reply = fields.Text(string="Answer", help="The discipline body's answer to a report or a request for support.")
    reask_reason = fields.Text(string="Asked Again Because", copy=False, tracking=True)
    cancel_reason = fields.Text(copy=False)
    rectification_ids = fields.One2many("xingji.rectification", "notice_id", string="Rectification Tasks")
    rectification_count = fields.Integer(compute="_compute_rectification_count")
    is_issuer = fields.Boolean(compute="_compute_user_side")
    is_target = fields.Boolean(compute="_compute_user_side")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("rectification_ids")
    def _compute_rectification_count(self):
        for notice in self:
            notice.rectification_count = len(notice.rectification_ids)

    @api.depends("issuer_unit_id.member_ids", "target_unit_id.member_ids", "issuer_user_id")
    @api.depends_context("uid")
    def _compute_user_side(self):
        user = self.env.user
        for notice in self:
            notice.is_issuer = notice._user_is_issuer(user)
            notice.is_target = notice.target_unit_id._has_member(user)

    def _user_is_issuer(self, user):
        self.ensure_one()
        return (
            not self.id
            or user == self.issuer_user_id
            or user == self.create_uid
            or self.issuer_unit_id._has_member(user)
        )

    @api.constrains("direction", "notice_type")
    def _check_type_direction(self):
        for notice in self:
            allowed = NOTICE_TYPES_TO_UNIT if notice.direction == "to_unit" else NOTICE_TYPES_TO_DISCIPLINE
            if notice.notice_type not in allowed:
                raise ValidationError(
                    self.env._(
                        "A bulletin, advice or admonishing talk goes from a discipline body to a unit; "
                        "a situation report or a request for support goes from a unit to a discipline body."
                    )
                )

    @api.constrains("clue_id", "notice_type", "issuer_unit_id")
    def _check_instruction_clue(self):
        for notice in self.filtered("clue_id"):
            # sudo: the clue's state and unit are checked, never shown.
            clue = notice.clue_id.sudo()
            if notice.notice_type != "request_instruction":
                raise ValidationError(
                    self.env._("Only a request for instruction is linked to a draft clue.")
                )
            if notice.state == "draft" and (clue.state != "draft" or clue.source_unit_id != notice.issuer_unit_id):
                raise ValidationError(
                    self.env._(
                        "A request for instruction links a draft clue of the issuing unit: choose one of "
                        "your unit's draft clues, or leave the clue empty."
                    )
                )

    @api.onchange("direction")
    def _onchange_direction(self):
        if self.direction == "to_discipline" and self.notice_type in NOTICE_TYPES_TO_UNIT:
            self.notice_type = "situation"
        elif self.direction == "to_unit" and self.notice_type in NOTICE_TYPES_TO_DISCIPLINE:
            self.notice_type = "bulletin"

    # ---------------------------------------------------- deadline mixin API
    def _deadline_open_domain(self):
        return [("state", "in", ("sent", "acknowledged"))]

    def _deadline_responsible(self):
        self.ensure_one()
        return self.target_unit_id.manager_id or self.target_unit_id.liaison_ids

    def _deadline_escalation_users(self):
        self.ensure_one()
        return (self.issuer_user_id | self.issuer_unit_id.manager_id) - self._deadline_responsible()

    def _deadline_summary(self):
        self.ensure_one()
        return self.env._("Answer due %(date)s: %(name)s", date=self.date_deadline, name=self.display_name)

    # ------------------------------------------------------------------ CRUD
    def write(self, vals):
        if not self.env.su:
            user = self.env.user
            issuer_changes = ISSUER_FIELDS & set(vals)
            for notice in self:
                if issuer_changes and not notice._user_is_issuer(user):
                    raise UserError(
                        self.env._(
                            "The content of %(name)s is written by %(issuer)s; as the addressee you may "
                            "only answer it (cause analysis, report, rectification tasks).",
                            name=notice.display_name,
                            issuer=notice.issuer_unit_id.name,
                        )
                    )
                if issuer_changes and notice.state != "draft":
                    raise UserError(
                        self.env._(
                            "%(name)s has been sent; its content can no longer change. "
                            "Issue a new notice if needed.",
                            name=notice.display_name,
                        )
                    )
                if RESPONSE_FIELDS & set(vals) and not notice.target_unit_id._has_member(user):
                    raise UserError(
                        self.env._(
                            "Only members of %(unit)s answer %(name)s.",
                            unit=notice.target_unit_id.name,
                            name=notice.display_name,
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(n.state != "draft" for n in self):
            raise UserError(self.env._("A sent notice is never deleted; cancel it with a reason."))

    # --------------------------------------------------------------- actions
    def _check_side(self, side):
        user = self.env.user
        for notice in self:
            if self.env.su:
                continue
            if side == "issuer" and not notice._user_is_issuer(user):
                raise UserError(
                    self.env._("Only %(unit)s does this step.", unit=notice.issuer_unit_id.name)
                )
            if side == "target" and not notice.target_unit_id._has_member(user):
                raise UserError(
                    self.env._("Only %(unit)s does this step.", unit=notice.target_unit_id.name)
                )

    def action_send(self):
        self._check_state(["draft"])
        self._check_side("issuer")
        for notice in self:
            if notice.direction == "to_unit" and notice.target_unit_id.kind == "discipline":
                raise UserError(self.env._("A bulletin or advice is addressed to a unit, not a discipline body."))
            if notice.direction == "to_discipline" and notice.target_unit_id.kind != "discipline":
                raise UserError(
                    self.env._("A situation report or a request for support is addressed to a discipline body.")
                )
            vals = {"state": "sent", "date_sent": fields.Datetime.now()}
            if not notice.date_deadline:
                vals["date_deadline"] = notice._deadline_from_today(DEFAULT_RESPONSE_WORKING_DAYS)
            notice._xingji_workflow_write(vals)
            responsible = notice._deadline_responsible()
            for user in responsible:
                notice.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=notice.date_deadline,
                    user_id=user.id,
                    summary=self.env._("Answer: %(name)s", name=notice.display_name),
                )

    def action_acknowledge(self):
        self._check_state(["sent"])
        self._check_side("target")
        self._xingji_workflow_write(
            {"state": "acknowledged", "date_acknowledged": fields.Datetime.now(), "acknowledged_by_id": self.env.user.id}
        )

    def action_answer(self):
        self._check_state(["sent", "acknowledged"])
        self._check_side("target")
        for notice in self:
            if notice.direction == "to_unit":
                if not (notice.cause_analysis or "").strip() or not (notice.response_report or "").strip():
                    raise UserError(
                        self.env._(
                            "Write the cause analysis and the rectification report of %(name)s before "
                            "reporting back.",
                            name=notice.display_name,
                        )
                    )
            elif not (notice.reply or "").strip():
                raise UserError(self.env._("Write the answer to %(name)s first.", name=notice.display_name))
        self._xingji_workflow_write(
            {"state": "answered", "date_answered": fields.Datetime.now(), "answered_by_id": self.env.user.id}
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        for notice in self.filtered(lambda n: n.direction == "to_unit"):
            notice.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=notice.issuer_user_id.id,
                summary=self.env._("Review the answer: %(name)s", name=notice.display_name),
            )

    def action_accept(self):
        self._check_state(["answered"])
        self._check_side("issuer")
        if any(n.direction != "to_unit" for n in self):
            raise UserError(self.env._("Only an answer to a bulletin, advice or talk is accepted by its issuer."))
        self._xingji_workflow_write({"state": "accepted"})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_ask_again(self):
        self._check_state(["answered"])
        self._check_side("issuer")
        for notice in self:
            if notice.direction != "to_unit":
                raise UserError(self.env._("Only the issuer of a bulletin, advice or talk asks again."))
            if not (notice.reask_reason or "").strip():
                raise UserError(
                    self.env._("Write in “Asked Again Because” what the answer lacks, then ask again.")
                )
            notice.message_post(body=self.env._("Asked again: %(reason)s", reason=notice.reask_reason))
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self._xingji_workflow_write({"state": "sent"})
        for notice in self:
            for user in notice._deadline_responsible():
                notice.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=self.env._("Answer again: %(name)s", name=notice.display_name),
                )

    def action_cancel(self):
        self._check_state(["draft", "sent", "acknowledged"])
        self._check_side("issuer")
        if any(not (n.cancel_reason or "").strip() for n in self):
            raise UserError(self.env._("Write the reason for cancelling first."))
        self._xingji_workflow_write({"state": "cancelled"})

    def action_create_rectification(self):
        self.ensure_one()
        self._check_state(["sent", "acknowledged", "answered"])
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rectification Task"),
            "res_model": "xingji.rectification",
            "view_mode": "form",
            "context": {
                "default_source_ref": f"xingji.notice,{self.id}",
                "default_name": self.name,
                "default_responsible_unit_id": self.target_unit_id.id,
                "default_issuer_unit_id": self.issuer_unit_id.id,
                "default_verifier_id": self.issuer_user_id.id,
                "default_date_deadline": self.date_deadline,
            },
        }

    def action_view_rectifications(self):
        self.ensure_one()
        return self.env["xingji.rectification"]._action_view_from(self, "notice_id")
