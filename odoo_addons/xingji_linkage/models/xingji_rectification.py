# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

# Models a rectification task may come from, in this order of preference.
SOURCE_MODELS = ("xingji.finding", "xingji.notice", "xingji.meeting", "xingji.clue")
DEFAULT_DEADLINE_WORKING_DAYS = 20
# The terms of a task, set by whoever issues it: the responsible unit may not
# change them (it works on measures, result and evidence).
TERMS_FIELDS = {
    "name", "problem", "source_ref", "issuer_unit_id", "responsible_unit_id", "verifier_id",
    "date_deadline", "company_id",
}


class XingjiRectification(models.Model):
    """A rectification task (整改任务) of a unit, closed-loop (闭环管理).

    Comes from a finding, a notice, a meeting decision or a clue; the
    responsible unit works on it and submits evidence; someone outside that
    unit verifies it (销号) or sends it back.
    """

    _name = "xingji.rectification"
    _description = "Rectification Task"
    _inherit = ["mail.thread", "mail.activity.mixin", "xingji.deadline.mixin", "xingji.workflow.mixin"]
    _order = "priority desc, date_deadline, id desc"
    _xingji_workflow_fields = ("state", "date_submitted", "date_done", "verified_by_id")
    # The source's links: their names are shown only to who may read them.
    _xingji_masked_link_fields = ("finding_id", "notice_id", "meeting_id", "inspection_id", "clue_id")

    reference = fields.Char(readonly=True, copy=False, default="/", index="trigram")
    name = fields.Char(string="Task", required=True, tracking=True)
    priority = fields.Selection([("0", "Normal"), ("1", "Urgent")], default="0")
    state = fields.Selection(
        selection=[
            ("todo", "To Do"),
            ("doing", "In Progress"),
            ("submitted", "Awaiting Verification"),
            ("done", "Verified"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="todo",
        tracking=True,
        index=True,
        copy=False,
        group_expand="_group_expand_states",
    )
    source_ref = fields.Reference(
        selection="_selection_source_models", string="Source",
        help="The finding, notice, meeting or clue this task comes from.",
    )
    finding_id = fields.Many2one(
        "xingji.finding", compute="_compute_source_links", store=True, index="btree_not_null"
    )
    notice_id = fields.Many2one(
        "xingji.notice", compute="_compute_source_links", store=True, index="btree_not_null"
    )
    meeting_id = fields.Many2one(
        "xingji.meeting", compute="_compute_source_links", store=True, index="btree_not_null"
    )
    inspection_id = fields.Many2one(
        "xingji.inspection", compute="_compute_source_links", store=True, index="btree_not_null"
    )
    clue_id = fields.Many2one(
        "xingji.clue", compute="_compute_source_links", store=True, index="btree_not_null"
    )
    source_kind = fields.Selection(
        selection=[
            ("finding", "Inspection Finding"),
            ("notice", "Notice"),
            ("meeting", "Meeting"),
            ("clue", "Clue"),
            ("other", "Other"),
        ],
        compute="_compute_source_links",
        store=True,
        index=True,
    )
    issuer_unit_id = fields.Many2one(
        "xingji.unit", string="Issued By", index="btree_not_null", tracking=True,
        help="The body that set the task (inspection organiser, notice issuer, meeting organiser).",
    )
    responsible_unit_id = fields.Many2one(
        "xingji.unit", required=True, index=True, tracking=True
    )
    responsible_user_id = fields.Many2one(
        "res.users", string="Responsible", index="btree_not_null", tracking=True
    )
    verifier_id = fields.Many2one(
        "res.users", index="btree_not_null", tracking=True,
        help="Who verifies the task; must not belong to the responsible unit.",
    )
    problem = fields.Text(string="Problem to Rectify")
    measures = fields.Text(string="Rectification Measures")
    result = fields.Text(string="Rectification Result")
    evidence_note = fields.Text(string="Evidence Description")
    evidence_attachment_ids = fields.Many2many(
        "ir.attachment",
        relation="xingji_rectification_attachment_rel",
        column1="rectification_id",
        column2="attachment_id",
        string="Evidence",
    )
    date_deadline = fields.Date(
        default=lambda self: self._deadline_from_today(DEFAULT_DEADLINE_WORKING_DAYS)
    )
    date_submitted = fields.Datetime(readonly=True, copy=False)
    date_done = fields.Datetime(string="Verified On", readonly=True, copy=False)
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    verification_comment = fields.Text(
        help="Required when sending the task back; kept in the chatter."
    )
    cancel_reason = fields.Text(copy=False)
    deadline_color = fields.Integer(compute="_compute_deadline_color")
    can_edit_terms = fields.Boolean(compute="_compute_can_edit_terms")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    # -------------------------------------------------------------- helpers
    @api.model
    def _selection_source_models(self):
        models = self.env["ir.model"].sudo().search_fetch(
            [("model", "in", SOURCE_MODELS)], ["model", "name"]
        )
        # sudo: model names are public metadata needed to render the field.
        by_name = {m.model: m.name for m in models}
        return [(name, by_name[name]) for name in SOURCE_MODELS if name in by_name]

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in self._fields["state"].selection if key != "cancelled"]

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """Fold the cancelled column of the kanban: it is history, not work."""
        result = super().read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy
        )
        first = groupby[0] if isinstance(groupby, (list, tuple)) and groupby else groupby
        if first == "state":
            for line in result:
                if line.get("state") == "cancelled":
                    line["__fold"] = True
        return result

    @api.depends("source_ref")
    def _compute_source_links(self):
        kinds = {
            "xingji.finding": "finding",
            "xingji.notice": "notice",
            "xingji.meeting": "meeting",
            "xingji.clue": "clue",
        }
        for task in self:
            source = task.source_ref
            model = source._name if source else False
            task.finding_id = source if model == "xingji.finding" else False
            task.notice_id = source if model == "xingji.notice" else False
            task.meeting_id = source if model == "xingji.meeting" else False
            task.inspection_id = source.inspection_id if model == "xingji.finding" else False
            task.clue_id = source if model == "xingji.clue" else False
            task.source_kind = kinds.get(model, "other")

    @api.depends("date_deadline", "state")
    @api.depends_context("date")
    def _compute_deadline_color(self):
        """Kanban colour: red overdue, orange due within 3 days, green done."""
        today = fields.Date.context_today(self)
        for task in self:
            if task.state == "done":
                task.deadline_color = 10
            elif task.state == "cancelled" or not task.date_deadline:
                task.deadline_color = 0
            elif task.date_deadline < today:
                task.deadline_color = 1
            elif (task.date_deadline - today).days <= 3:
                task.deadline_color = 2
            else:
                task.deadline_color = 0

    @api.depends("responsible_unit_id.member_ids", "issuer_unit_id.member_ids", "create_uid")
    @api.depends_context("uid")
    def _compute_can_edit_terms(self):
        for task in self:
            task.can_edit_terms = task._user_may_edit_terms(self.env.user)

    def _user_may_edit_terms(self, user):
        """The issuer sets the terms: whoever created the task or a member
        of the issuing unit. Nobody else (an unrelated oversight user
        included) names himself verifier or changes the deadline."""
        self.ensure_one()
        if not self.id or user == self.create_uid:
            return True
        return (
            self.issuer_unit_id._has_member(user)
            and not self.responsible_unit_id._has_member(user)
        )

    # ---------------------------------------------------- deadline mixin API
    def _deadline_open_domain(self):
        return [("state", "in", ("todo", "doing"))]

    def _deadline_responsible(self):
        self.ensure_one()
        return self.responsible_user_id or self.responsible_unit_id.manager_id

    def _deadline_escalation_users(self):
        self.ensure_one()
        users = self.responsible_unit_id.manager_id | self.verifier_id | self.create_uid
        return (users - self._deadline_responsible()).filtered(lambda u: u.active and not u.share)

    def _deadline_summary(self):
        self.ensure_one()
        return self.env._(
            "Rectification due %(date)s: %(name)s", date=self.date_deadline, name=self.display_name
        )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        tasks = super().create(vals_list)
        tasks._check_verifier_outside_unit()
        return tasks

    def write(self, vals):
        changed_terms = TERMS_FIELDS & set(vals)
        if changed_terms and not self.env.su:
            for task in self:
                if not task._user_may_edit_terms(self.env.user):
                    raise UserError(
                        self.env._(
                            "The terms of %(task)s (task, problem, deadline, verifier) are set by "
                            "%(issuer)s; your unit works on the measures, the result and the evidence. "
                            "Ask the issuer if the deadline must move.",
                            task=task.display_name,
                            issuer=task.issuer_unit_id.name or task.create_uid.name,
                        )
                    )
        res = super().write(vals)
        if {"verifier_id", "responsible_unit_id"} & set(vals):
            self._check_verifier_outside_unit()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_never_after_start(self):
        if any(t.state != "todo" for t in self):
            raise UserError(
                self.env._("A rectification task under way is never deleted; cancel it with a reason.")
            )

    def _check_verifier_outside_unit(self):
        for task in self:
            if task.verifier_id and task.verifier_id in task.responsible_unit_id.member_ids:
                raise UserError(
                    self.env._(
                        "%(user)s belongs to %(unit)s and cannot verify its own rectification. "
                        "Choose a verifier from the inspecting or issuing body.",
                        user=task.verifier_id.name,
                        unit=task.responsible_unit_id.name,
                    )
                )

    # --------------------------------------------------------------- actions
    def _check_unit_member(self):
        user = self.env.user
        for task in self:
            if not self.env.su and not task.responsible_unit_id._has_member(user):
                raise UserError(
                    self.env._(
                        "Only members of %(unit)s work on and submit this rectification.",
                        unit=task.responsible_unit_id.name,
                    )
                )

    def _check_can_verify(self):
        user = self.env.user
        for task in self:
            if self.env.su:
                continue
            if task.responsible_unit_id._has_member(user):
                raise UserError(
                    self.env._(
                        "You belong to %(unit)s: a unit never verifies its own rectification. "
                        "The inspecting or issuing body verifies it.",
                        unit=task.responsible_unit_id.name,
                    )
                )
            # The verifier the issuer named; without one, the issuer side.
            allowed = user == task.verifier_id or user == task.create_uid or user.has_group(
                "xingji_linkage.group_xingji_leader"
            ) or (not task.verifier_id and task.issuer_unit_id._has_member(user))
            if not allowed:
                raise UserError(
                    self.env._(
                        "%(task)s is verified by %(verifier)s.",
                        task=task.display_name,
                        verifier=task.verifier_id.name or task.create_uid.name,
                    )
                )

    def action_start(self):
        self._check_state(["todo"])
        self._check_unit_member()
        self._xingji_workflow_write({"state": "doing"})

    def action_submit(self):
        self._check_state(["doing"])
        self._check_unit_member()
        for task in self:
            if not (task.result or "").strip():
                raise UserError(
                    self.env._("Describe the rectification result of %(task)s before submitting.", task=task.display_name)
                )
            if not task.evidence_attachment_ids and not (task.evidence_note or "").strip():
                raise UserError(
                    self.env._(
                        "Attach the evidence of %(task)s (documents, photos) or describe it before submitting.",
                        task=task.display_name,
                    )
                )
        self._xingji_workflow_write({"state": "submitted", "date_submitted": fields.Datetime.now()})
        for task in self:
            verifier = task.verifier_id or task.create_uid
            if verifier:
                task.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=verifier.id,
                    summary=self.env._("Verify rectification: %(task)s", task=task.display_name),
                )

    def action_verify(self):
        self._check_state(["submitted"])
        self._check_can_verify()
        self._xingji_workflow_write(
            {"state": "done", "date_done": fields.Datetime.now(), "verified_by_id": self.env.user.id}
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_send_back(self):
        self._check_state(["submitted"])
        self._check_can_verify()
        for task in self:
            if not (task.verification_comment or "").strip():
                raise UserError(
                    self.env._(
                        "Write in “Verification Comment” what is still missing in %(task)s, then send it back.",
                        task=task.display_name,
                    )
                )
            task.message_post(
                body=self.env._("Sent back: %(comment)s", comment=task.verification_comment)
            )
        self._xingji_workflow_write({"state": "doing"})
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_cancel(self):
        self._check_state(["todo", "doing"])
        for task in self:
            if not (task.cancel_reason or "").strip():
                raise UserError(
                    self.env._("Write the reason for cancelling %(task)s first.", task=task.display_name)
                )
            if not self.env.su and self.env.user != task.create_uid and not self.env.user.has_group(
                "xingji_linkage.group_xingji_leader"
            ):
                raise UserError(self.env._("Only the issuer of a task or a bureau leader cancels it."))
        self._xingji_workflow_write({"state": "cancelled"})

    @api.model
    def _action_view_from(self, source, field_name, context=None):
        """The tasks set from ``source`` (a finding, notice, meeting,
        inspection or clue), linked through ``field_name``."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rectification Tasks"),
            "res_model": "xingji.rectification",
            "view_mode": "kanban,list,form",
            "domain": [(field_name, "=", source.id)],
            "context": context or {},
        }

    def action_open_source(self):
        self.ensure_one()
        if not self.source_ref:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": self.source_ref._name,
            "res_id": self.source_ref.id,
            "view_mode": "form",
        }
