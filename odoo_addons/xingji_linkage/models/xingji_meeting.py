# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

DEFAULT_MEETING_WARN_DAYS = 30
DEFAULT_INSPECTION_WARN_DAYS = 90


class XingjiMeeting(models.Model):
    """A linkage meeting.

    ``joint`` 联席会议 (every half year, seed 001 art. 10), ``special`` 专题会议
    (proposed by the handling unit, held only after a bureau leader approves,
    seed 000 §四(二)), ``consultation`` 会商 (seed 002), ``training`` 专题授课
    / 警示教育 (seed 000 §五(二), seed 001 art. 12).
    """

    _name = "xingji.meeting"
    _description = "Linkage Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin", "xingji.workflow.mixin"]
    _order = "date_start desc, id desc"
    _xingji_workflow_fields = ("state", "approver_id", "date_approved")

    reference = fields.Char(readonly=True, copy=False, default="/", index="trigram")
    name = fields.Char(string="Subject", required=True, tracking=True)
    kind = fields.Selection(
        selection=[
            ("joint", "Joint Meeting"),
            ("special", "Special Meeting"),
            ("consultation", "Consultation"),
            ("training", "Training / Warning Education"),
        ],
        required=True,
        default="joint",
        tracking=True,
        index=True,
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("to_approve", "Awaiting Approval"),
            ("approved", "Approved"),
            ("held", "Held"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
    )
    date_start = fields.Datetime(string="Date", tracking=True, index=True)
    location = fields.Char()
    organiser_unit_id = fields.Many2one(
        "xingji.unit", string="Organiser", index=True, tracking=True,
        help="For a special meeting: the handling unit proposing it.",
    )
    chair_id = fields.Many2one("res.users", index="btree_not_null")
    participant_user_ids = fields.Many2many(
        "res.users",
        relation="xingji_meeting_participant_rel",
        column1="meeting_id",
        column2="user_id",
        string="Participants",
    )
    participant_unit_ids = fields.Many2many(
        "xingji.unit",
        relation="xingji_meeting_unit_rel",
        column1="meeting_id",
        column2="unit_id",
        string="Participating Units",
    )
    reason = fields.Text(string="Why a Special Meeting", help="The major problem or difficult case to discuss.")
    agenda = fields.Html()
    minutes = fields.Html()
    approver_id = fields.Many2one("res.users", string="Approved By", readonly=True, copy=False, tracking=True)
    date_approved = fields.Datetime(readonly=True, copy=False)
    approval_comment = fields.Text(copy=False)
    cancel_reason = fields.Text(copy=False)
    decision_ids = fields.One2many("xingji.meeting.decision", "meeting_id", string="Decisions")
    rectification_ids = fields.One2many("xingji.rectification", "meeting_id", string="Rectification Tasks")
    rectification_count = fields.Integer(compute="_compute_rectification_count")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("rectification_ids")
    def _compute_rectification_count(self):
        for meeting in self:
            meeting.rectification_count = len(meeting.rectification_ids)

    def write(self, vals):
        if vals.get("kind") == "special" and any(m.state in ("approved", "held") for m in self):
            raise UserError(self.env._("A meeting already approved or held cannot become a special meeting."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(m.state != "draft" for m in self):
            raise UserError(self.env._("A meeting submitted or held is never deleted; cancel it with a reason."))

    # --------------------------------------------------------------- actions
    def action_submit(self):
        """Ask bureau leadership to approve a special meeting."""
        self._check_state(["draft"])
        if any(m.kind != "special" for m in self):
            raise UserError(self.env._("Only a special meeting needs leadership approval."))
        for meeting in self:
            if not (meeting.reason or "").strip():
                raise UserError(
                    self.env._("Explain why %(name)s is needed before asking for approval.", name=meeting.display_name)
                )
        self._xingji_workflow_write({"state": "to_approve"})
        leaders = self.env.ref("xingji_linkage.group_xingji_leader").users.filtered(
            lambda u: u.active and not u.share
        )
        for meeting in self:
            for leader in leaders:
                meeting.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=leader.id,
                    summary=self.env._("Approve special meeting: %(name)s", name=meeting.display_name),
                )

    def action_approve(self):
        self._check_state(["to_approve"])
        if not self.env.user.has_group("xingji_linkage.group_xingji_leader"):
            raise UserError(self.env._("Only a bureau leader approves a special meeting."))
        self._xingji_workflow_write(
            {"state": "approved", "approver_id": self.env.user.id, "date_approved": fields.Datetime.now()}
        )
        self.activity_unlink(["mail.mail_activity_data_todo"])

    def action_refuse(self):
        self._check_state(["to_approve"])
        if not self.env.user.has_group("xingji_linkage.group_xingji_leader"):
            raise UserError(self.env._("Only a bureau leader decides on a special meeting."))
        for meeting in self:
            if not (meeting.approval_comment or "").strip():
                raise UserError(self.env._("Write in “Approval Comment” why the meeting is not approved."))
            meeting.message_post(body=self.env._("Not approved: %(comment)s", comment=meeting.approval_comment))
        self._xingji_workflow_write({"state": "draft"})
        self.activity_unlink(["mail.mail_activity_data_todo"])

    def action_hold(self):
        """Record the meeting as held (minutes written)."""
        for meeting in self:
            if meeting.kind == "special" and meeting.state != "approved":
                raise UserError(
                    self.env._(
                        "%(name)s is a special meeting: a bureau leader must approve it before it is held.",
                        name=meeting.display_name,
                    )
                )
        self._check_state(["draft", "approved"])
        for meeting in self:
            if not (meeting.participant_user_ids or meeting.participant_unit_ids):
                raise UserError(self.env._("Add the participants of %(name)s first.", name=meeting.display_name))
        vals = {"state": "held"}
        self._xingji_workflow_write(vals)
        self.filtered(lambda m: not m.date_start).date_start = fields.Datetime.now()

    def action_cancel(self):
        self._check_state(["draft", "to_approve", "approved"])
        if any(not (m.cancel_reason or "").strip() for m in self):
            raise UserError(self.env._("Write the reason for cancelling first."))
        self._xingji_workflow_write({"state": "cancelled"})

    def action_apply_decisions(self):
        """Turn the pending decisions into rectification tasks or activities."""
        self._check_state(["held"])
        self.decision_ids.filtered(lambda d: not d.applied)._apply()

    def action_view_rectifications(self):
        self.ensure_one()
        return self.env["xingji.rectification"]._action_view_from(self, "meeting_id")

    # ------------------------------------------------------------------ cron
    @api.model
    def _linkage_warning_recipients(self):
        # sudo: the cron looks up the heads of every discipline and
        # supervision body, whatever the rights of the cron user.
        units = self.env["xingji.unit"].sudo().search([("kind", "in", ("discipline", "supervision"))])
        return units.filtered("manager_id")

    @api.model
    def _warn_units(self, units, subject, body):
        """Notify each unit's head once per ``subject`` (the period is in it)."""
        # sudo: the cron checks every unit's messages to warn only once a period.
        Message = self.env["mail.message"].sudo()
        already = Message.search_fetch(
            [("model", "=", "xingji.unit"), ("res_id", "in", units.ids), ("subject", "=", subject)],
            ["res_id"],
        )
        done = set(already.mapped("res_id"))
        warned = self.env["xingji.unit"]
        for unit in units.filtered(lambda u: u.id not in done):
            unit.message_notify(
                partner_ids=unit.manager_id.partner_id.ids,
                subject=subject,
                body=body,
            )
            warned |= unit
        return warned

    @api.model
    def _cron_linkage_warnings(self):
        """Warn when no joint meeting was held this half year, or no joint
        inspection this calendar year, as the end of the period nears."""
        # sudo: system parameters are readable by administrators only.
        params = self.env["ir.config_parameter"].sudo()
        meeting_days = int(params.get_param("xingji_linkage.joint_meeting_warn_days", DEFAULT_MEETING_WARN_DAYS))
        inspection_days = int(
            params.get_param("xingji_linkage.joint_inspection_warn_days", DEFAULT_INSPECTION_WARN_DAYS)
        )
        today = fields.Date.context_today(self)
        units = self._linkage_warning_recipients()
        warned = {"meeting": self.env["xingji.unit"], "inspection": self.env["xingji.unit"]}
        half_start = date(today.year, 1 if today.month <= 6 else 7, 1)
        half_end = half_start + relativedelta(months=6) - timedelta(days=1)
        half = 1 if today.month <= 6 else 2
        if (half_end - today).days < meeting_days:
            # sudo: counts every unit's meetings, whatever the cron user may read.
            held = self.sudo().search_count(
                [
                    ("kind", "=", "joint"),
                    ("state", "=", "held"),
                    ("date_start", ">=", fields.Datetime.to_datetime(half_start)),
                    ("date_start", "<", fields.Datetime.to_datetime(half_end + timedelta(days=1))),
                ],
                limit=1,
            )
            if not held:
                subject = self.env._(
                    "No joint meeting held in %(year)s H%(half)s", year=today.year, half=half
                )
                body = self.env._(
                    "The joint meeting is held every half year; none has been held since %(start)s. "
                    "Convene it before %(end)s.",
                    start=half_start,
                    end=half_end,
                )
                warned["meeting"] = self._warn_units(units, subject, body)
        year_end = date(today.year, 12, 31)
        if (year_end - today).days < inspection_days:
            # sudo: counted for every body, whatever the cron user may read.
            inspected = self.env["xingji.inspection"].sudo().search_count(
                [
                    ("state", "not in", ("plan", "cancelled")),
                    ("date_start", ">=", date(today.year, 1, 1)),
                    ("date_start", "<=", year_end),
                ],
                limit=1,
            )
            if not inspected:
                subject = self.env._("No joint inspection carried out in %(year)s", year=today.year)
                body = self.env._(
                    "A joint rule-of-law inspection is carried out at least once a year; none has "
                    "started in %(year)s. Plan and start it before %(end)s.",
                    year=today.year,
                    end=year_end,
                )
                warned["inspection"] = self._warn_units(units, subject, body)
        return warned


class XingjiMeetingDecision(models.Model):
    """A decision of a meeting, turned into a rectification task or an activity."""

    _name = "xingji.meeting.decision"
    _description = "Meeting Decision"
    _order = "meeting_id, sequence, id"

    meeting_id = fields.Many2one("xingji.meeting", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Decision", required=True)
    action_type = fields.Selection(
        selection=[("rectification", "Rectification Task"), ("activity", "Activity")],
        required=True,
        default="rectification",
    )
    responsible_unit_id = fields.Many2one("xingji.unit")
    user_id = fields.Many2one("res.users", string="Responsible")
    date_deadline = fields.Date(string="Deadline")
    rectification_id = fields.Many2one("xingji.rectification", readonly=True, copy=False)
    applied = fields.Boolean(readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        self._check_apply_fields(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_apply_fields([vals])
        if not self.env.su and self.filtered("applied"):
            raise UserError(
                self.env._("A decision already turned into a task or an activity is kept as it was decided.")
            )
        return super().write(vals)

    def _check_apply_fields(self, vals_list):
        if not self.env.su and any({"applied", "rectification_id"} & set(vals) for vals in vals_list):
            raise UserError(
                self.env._("A decision is applied only by the “Turn Decisions into Tasks” button of its meeting.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_never_applied(self):
        if any(d.applied for d in self):
            raise UserError(
                self.env._("A decision already turned into a task or an activity is kept on the minutes.")
            )

    def _apply(self):
        task_vals = []
        tasks_for = self.env["xingji.meeting.decision"]
        for decision in self:
            if decision.action_type == "rectification":
                if not decision.responsible_unit_id:
                    raise UserError(
                        self.env._("Name the responsible unit of the decision “%(name)s”.", name=decision.name)
                    )
                meeting = decision.meeting_id
                verifier = meeting.chair_id or meeting.create_uid
                if verifier in decision.responsible_unit_id.member_ids:
                    verifier = self.env["res.users"]
                task_vals.append(
                    {
                        "name": decision.name.splitlines()[0][:120],
                        "problem": decision.name,
                        "source_ref": f"xingji.meeting,{meeting.id}",
                        "responsible_unit_id": decision.responsible_unit_id.id,
                        "responsible_user_id": decision.user_id.id,
                        "issuer_unit_id": meeting.organiser_unit_id.id,
                        "verifier_id": verifier.id,
                        **({"date_deadline": decision.date_deadline} if decision.date_deadline else {}),
                    }
                )
                tasks_for |= decision
            else:
                user = decision.user_id or decision.responsible_unit_id.manager_id
                if not user:
                    raise UserError(
                        self.env._("Name who carries out the decision “%(name)s”.", name=decision.name)
                    )
                decision.meeting_id.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=decision.date_deadline or fields.Date.context_today(self),
                    user_id=user.id,
                    summary=decision.name.splitlines()[0][:120],
                    note=decision.name,
                )
        tasks = self.env["xingji.rectification"].create(task_vals)
        # sudo: "applied" and the task link are written only here, after the
        # meeting's state was checked by action_apply_decisions.
        for decision, task in zip(tasks_for, tasks):
            decision.sudo().rectification_id = task
        self.sudo().write({"applied": True})
