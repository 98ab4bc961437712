# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tools import SQL

from .xingji_routing_rule import CLUE_DIRECTIONS
from .xingji_violation_type import POWER_TYPES

CLUE_STATES = [
    ("draft", "Draft"),
    ("review", "Unit Review"),
    ("approval", "Leadership Approval"),
    ("transferred", "Transferred"),
    ("accepted", "Accepted / Under Verification"),
    ("returned", "Returned"),
    ("fed_back", "Fed Back"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
OPEN_STATES = ["draft", "review", "approval", "transferred", "accepted", "fed_back"]
# How a transit body delivered a clue it forwarded (转送方式).
FORWARD_METHODS = [
    ("system", "Through This System"),
    ("confidential_mail", "Confidential Mail (机要件)"),
    ("by_hand", "Delivered by Hand"),
    ("other", "Other"),
]
# Activities of seed 000 §三¶2 in which a violation may arise (权力运行环节).
ENFORCEMENT_ACTIVITIES = [
    ("tender", "Government Tendering"),
    ("construction", "Construction Projects"),
    ("recruitment", "Staff Recruitment"),
    ("testing", "Inspection and Testing"),
    ("technical_review", "Technical Review"),
    ("onsite_inspection", "On-site Inspection"),
    ("other", "Other"),
]
# 问题性质 of a clue; the quarterly table's rows (附件1) use the same keys.
CLUE_NATURES = [
    ("party_discipline", "Suspected Party Discipline Violation"),
    ("duty_violation", "Suspected Duty Violation"),
    ("duty_crime", "Suspected Duty Crime"),
    ("other", "Other"),
]
# States in which the receiving body knows of the clue.
RECEIVED_STATES = ["transferred", "accepted", "returned", "fed_back", "closed"]

# Fields only the workflow writes (never a user through the form or RPC):
# the workflow mixin's guard refuses them unless the transition writes them
# with ``_xingji_workflow_write`` (sudo). The number (``name``) is given at
# creation and never changed by a user either.
CLUE_WORKFLOW_FIELDS = (
    "state",
    "date_submitted",
    "date_transferred",
    "date_accepted",
    "date_fed_back",
    "date_closed",
    "date_deadline",
    "return_reason",
    "cancel_reason",
    "pass_on_reason",
    "current_step_id",
    "route_step_ids",
    "pending_approver_ids",
    "approval_line_ids",
    "parent_id",
    # 转送 by the transit body (seed 000 §三) and the referral rounds.
    "transit_state",
    "date_forwarded",
    "forward_number",
    "forward_method",
    "forwarded_by_id",
    "referral_round",
    "origin_clue_id",
)
WORKFLOW_FIELDS = set(CLUE_WORKFLOW_FIELDS) | {"name"}
# Content of the referral form, frozen once submitted.
CONTENT_FIELDS = {
    "direction",
    "date_discovered",
    "date_received",
    "source",
    "source_detail",
    "person_ids",
    "main_problem",
    "violation_facts",
    "power_type",
    "power_activity",
    "enforcement_activity",
    "subject_kind",
    "subject_unit_id",
    "violation_type_ids",
    "evidence",
    "material_ids",
    "handler_id",
    "handler_phone",
    "nature",
    "source_unit_id",
    "no_proposal_confirmed",
    "company_id",
}
# What may still change in each state after submission (besides the workflow).
EDITABLE_AFTER_SUBMIT = {
    "review": {
        "receiving_unit_id", "routing_override_reason", "is_major", "unit_opinion",
        "proposed_opinion", "leader_instruction", "note", "extra_scope_user_ids",
    },
    "approval": {
        "receiving_unit_id", "routing_override_reason", "is_major", "unit_opinion",
        "proposed_opinion", "leader_instruction", "note", "extra_scope_user_ids",
    },
    "transferred": {"note", "extra_scope_user_ids"},
    "accepted": {
        "disposal", "result", "clear_name", "verification_result", "handling_result",
        "note", "extra_scope_user_ids",
    },
    "fed_back": {"note", "extra_scope_user_ids"},
    "returned": {"note", "extra_scope_user_ids"},
    "closed": {"note", "extra_scope_user_ids"},
    "cancelled": {"note"},
}
APPROVER_FIELDS = {
    "receiving_unit_id", "routing_override_reason", "is_major", "unit_opinion",
    "proposed_opinion", "leader_instruction",
}
RECEIVER_FIELDS = {"disposal", "result", "clear_name", "verification_result", "handling_result"}
GUARDED_FIELDS = (
    WORKFLOW_FIELDS
    | CONTENT_FIELDS
    | {
        "receiving_unit_id", "routing_override_reason", "is_major", "unit_opinion",
        "proposed_opinion", "leader_instruction", "note", "extra_scope_user_ids", "disposal",
        "result", "clear_name", "verification_result", "handling_result", "transit_unit_id",
    }
)
# Earliest date a clue can have been discovered or received.
DATE_FLOOR = date(2000, 1, 1)
# Longest text accepted in one field of the referral form.
TEXT_LIMIT = 20000
TEXT_FIELDS = (
    "main_problem", "violation_facts", "evidence", "unit_opinion", "proposed_opinion",
    "leader_instruction", "note", "result", "verification_result", "handling_result",
    "routing_override_reason", "source_detail", "power_activity", "handler_phone",
    "return_reason", "cancel_reason", "pass_on_reason",
)


class XingjiClue(models.Model):
    """A problem clue referred between enforcement and discipline (问题线索移送).

    ``to_discipline``: an enforcement unit refers a clue of suspected
    violations to a discipline inspection body (seed 000 附件2);
    ``to_supervision``: a discipline body refers an enforcement fault to
    the enforcement-supervision body (seed 001 arts. 6-7).
    """

    _name = "xingji.clue"
    _description = "Problem Clue"
    # The confidential mixin comes FIRST: Odoo puts the first parent first in
    # the MRO, and mail.thread's message_subscribe / _notify_get_recipients
    # do not call super, so a mixin listed after mail.thread is never reached.
    _inherit = [
        "xingji.confidential.mixin",
        "xingji.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "xingji.deadline.mixin",
    ]
    _order = "id desc"
    _rec_names_search = ["name", "main_problem"]
    _check_company_auto = True
    _mail_post_access = "read"
    # The workflow mixin numbers ``name`` only if the clue did not (it does,
    # per direction, in ``create``).
    _xingji_reference_field = "name"
    _xingji_workflow_fields = CLUE_WORKFLOW_FIELDS
    # Reading any of these is an opening, written to the access log.
    _xingji_content_fields = (
        "main_problem", "violation_facts", "evidence", "person_ids", "material_ids",
        "source_detail", "power_activity", "unit_opinion", "proposed_opinion",
        "leader_instruction", "note", "result", "verification_result", "handling_result",
        "approval_line_ids", "routing_override_reason", "pass_on_reason", "return_reason",
        "cancel_reason",
    )

    # ------------------------------------------------------------ header
    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    direction = fields.Selection(
        CLUE_DIRECTIONS,
        required=True,
        default=lambda self: self._default_direction(),
        tracking=True,
        index=True,
    )
    state = fields.Selection(
        CLUE_STATES,
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    is_major = fields.Boolean(
        string="Major Clue",
        tracking=True,
        help="Major or sensitive clue (重大问题线索): may need extra approval steps.",
    )
    parent_id = fields.Many2one(
        "xingji.clue", string="Split From", readonly=True, copy=False, index="btree_not_null"
    )

    # ------------------------------------------------------- paper form
    source_unit_id = fields.Many2one(
        "xingji.unit",
        string="Referring Unit",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
        default=lambda self: self._default_source_unit(),
        help="The unit that fills in and refers the clue (填表单位).",
    )
    date_discovered = fields.Date(
        string="Discovered On",
        tracking=True,
        default=fields.Date.context_today,
        help="The referral is due within the configured working days of discovery.",
    )
    date_received = fields.Date(
        string="Clue Received On", tracking=True, default=fields.Date.context_today
    )
    source = fields.Selection(
        [
            ("supervision", "Routine Supervision"),
            ("inspection", "Supervisory Inspection"),
            ("complaint", "Complaint or Report"),
            ("petition", "Petition"),
            ("case", "Case Handling"),
            ("audit", "Audit or Inspection Tour"),
            ("review", "Enforcement Supervision or Administrative Review"),
            ("other", "Other"),
        ],
        string="Clue Source",
        tracking=True,
        index=True,
    )
    source_detail = fields.Char(string="Source Details")
    person_ids = fields.One2many("xingji.clue.person", "clue_id", string="Reported Persons")
    person_names = fields.Char(
        string="Reported Persons (names)", compute="_compute_person_names", store=True
    )
    main_problem = fields.Text(string="Main Problem Reported", tracking=True)
    violation_facts = fields.Text(string="Facts and Provisions Violated", tracking=True)
    power_type = fields.Selection(POWER_TYPES, tracking=True, index=True)
    power_activity = fields.Char(
        string="Activity Details",
        help="Free-text details of the activity (the column of earlier versions is kept here).",
    )
    enforcement_activity = fields.Selection(
        ENFORCEMENT_ACTIVITIES,
        tracking=True,
        index=True,
        help="Activity in which the problem arose (seed 000 §三¶2: 招标、工程建设、招聘、检验检测、技术审评、现场检查).",
    )
    subject_kind = fields.Selection(
        [("person", "Persons"), ("organ", "An Enforcement Organ")],
        string="Clue Concerns",
        # Not required in the database: rows written by SQL (bulk imports,
        # statistics fixtures) are about persons unless they say otherwise.
        default="person",
        tracking=True,
        help="A clue may concern persons or an enforcement organ (seed 001 art. 13).",
    )
    subject_unit_id = fields.Many2one(
        "xingji.unit",
        string="Organ Concerned",
        tracking=True,
        index="btree_not_null",
        help="The enforcement organ (unit) the clue concerns, for the situations of seed 001 art. 13.",
    )
    violation_type_ids = fields.Many2many(
        "xingji.violation.type",
        relation="xingji_clue_violation_type_rel",
        column1="clue_id",
        column2="type_id",
        string="Violation Situations",
    )
    evidence = fields.Text(string="Evidence Leads")
    material_ids = fields.One2many("xingji.clue.material", "clue_id", string="Material List")
    material_count = fields.Integer(compute="_compute_material_count")
    scope_count = fields.Integer(
        string="People Who Know of the Clue",
        compute="_compute_scope_count",
        help="Size of the knowledge scope; the button opens who they are.",
    )
    unit_opinion = fields.Text(tracking=True)
    proposed_opinion = fields.Text(string="Proposed Handling of the Referral", tracking=True)
    leader_instruction = fields.Text(tracking=True)
    note = fields.Text(string="Remarks")
    handler_id = fields.Many2one(
        "res.users",
        tracking=True,
        index=True,
        default=lambda self: self.env.user,
    )
    handler_phone = fields.Char(string="Phone")
    nature = fields.Selection(
        CLUE_NATURES,
        string="Nature of the Problem",
        tracking=True,
        index=True,
    )
    no_proposal_confirmed = fields.Boolean(
        string="No Handling Proposal for the Reported Persons",
        tracking=True,
        help="I confirm that this referral makes no proposal on how to handle the reported persons (seed 000 §五(三)).",
    )

    # ----------------------------------------------------------- routing
    routing_rule_id = fields.Many2one(
        "xingji.routing.rule",
        compute="_compute_routing",
        store=True,
        compute_sudo=True,
    )
    routed_unit_id = fields.Many2one(
        "xingji.unit",
        string="Receiving Body by Rule",
        compute="_compute_routing",
        store=True,
        compute_sudo=True,
    )
    receiving_unit_id = fields.Many2one(
        "xingji.unit",
        string="Receiving Body",
        compute="_compute_receiving_unit_id",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
        check_company=True,
        help="Computed from the routing rules; change it only with a reason.",
    )
    transit_unit_id = fields.Many2one(
        "xingji.unit",
        string="Transmitted Via",
        compute="_compute_transit_unit_id",
        store=True,
        tracking=True,
        index="btree_not_null",
    )
    is_routing_overridden = fields.Boolean(compute="_compute_is_routing_overridden")
    routing_override_reason = fields.Text(string="Reason for Changing the Receiving Body", tracking=True)
    pass_on_reason = fields.Text(string="Reason for Passing On", readonly=True, tracking=True, copy=False)
    transit_state = fields.Selection(
        [("pending", "Awaiting Forwarding"), ("forwarded", "Forwarded")],
        string="Forwarding",
        readonly=True,
        copy=False,
        tracking=True,
        help="A clue routed through a transit body (e.g. 局机关纪委) waits until that body forwards it (转送).",
    )
    date_forwarded = fields.Date(string="Forwarded On", readonly=True, copy=False, tracking=True)
    forward_number = fields.Char(string="Forwarding Document No.", readonly=True, copy=False, tracking=True)
    forward_method = fields.Selection(
        FORWARD_METHODS, string="Delivered", readonly=True, copy=False, tracking=True
    )
    forwarded_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    receiver_offline = fields.Boolean(
        string="Receiving Body Outside the System",
        compute="_compute_receiver_offline",
        help="The receiving body has no account in this system: the transit body records the transfer "
        "and enters the body's feedback.",
    )
    referral_round = fields.Integer(
        default=1, readonly=True, copy=False,
        help="Raised each time a returned clue is corrected and referred again.",
    )
    origin_clue_id = fields.Many2one(
        "xingji.clue", string="Copied From", readonly=True, copy=False, index="btree_not_null"
    )

    # ---------------------------------------------------------- approval
    route_step_ids = fields.Many2many(
        "xingji.approval.step",
        relation="xingji_clue_route_step_rel",
        column1="clue_id",
        column2="step_id",
        string="Approval Route",
        readonly=True,
        copy=False,
    )
    current_step_id = fields.Many2one(
        "xingji.approval.step", readonly=True, copy=False, tracking=True
    )
    pending_approver_ids = fields.Many2many(
        "res.users",
        relation="xingji_clue_pending_approver_rel",
        column1="clue_id",
        column2="user_id",
        string="Awaiting Decision Of",
        readonly=True,
        copy=False,
        help="Who may decide the current step, fixed when the clue entered it: later changes "
        "to the approval steps do not change it.",
    )
    pending_approver_names = fields.Char(
        string="Awaiting the Decision Of",
        compute="_compute_pending_approver_names",
        help="Who may decide the current step (names as shown on the form).",
    )
    approval_line_ids = fields.One2many(
        "xingji.clue.approval", "clue_id", string="Approval Record", readonly=True, copy=False
    )

    # -------------------------------------------------------- knowledge
    extra_scope_user_ids = fields.Many2many(
        "res.users",
        relation="xingji_clue_extra_scope_rel",
        column1="clue_id",
        column2="user_id",
        string="Also Informed",
        tracking=True,
        help="Users explicitly added to the knowledge scope (知悉范围).",
    )

    # ---------------------------------------------------- disposal/result
    disposal = fields.Selection(
        [
            ("talk_inquiry", "Talk or Written Inquiry"),
            ("preliminary", "Preliminary Verification"),
            ("suspended", "Suspended Pending Investigation"),
            ("no_action", "Closed without Action"),
            ("case_filed", "Case Filed for Review and Investigation"),
        ],
        tracking=True,
        index=True,
    )
    result = fields.Text(string="Handling Result", tracking=True)
    clear_name = fields.Boolean(
        string="Name Cleared", tracking=True, help="The reported cadre was cleared (澄清正名)."
    )
    verification_result = fields.Text(tracking=True)
    handling_result = fields.Text(string="Disposal Result", tracking=True)

    # ------------------------------------------------------------ dates
    date_submitted = fields.Datetime(string="Submitted On", readonly=True, copy=False, index=True)
    date_transferred = fields.Datetime(string="Transferred On", readonly=True, copy=False, index=True)
    date_accepted = fields.Datetime(string="Accepted On", readonly=True, copy=False)
    date_fed_back = fields.Datetime(string="Fed Back On", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)
    return_reason = fields.Text(string="Reason for Return", readonly=True, copy=False, tracking=True)
    cancel_reason = fields.Text(string="Reason for Cancellation", readonly=True, copy=False, tracking=True)

    # --------------------------------------------------------- UX flags
    can_submit = fields.Boolean(compute="_compute_can")
    can_approve = fields.Boolean(compute="_compute_can")
    can_receive = fields.Boolean(compute="_compute_can")
    can_cancel = fields.Boolean(compute="_compute_can")
    can_forward = fields.Boolean(compute="_compute_can")
    can_rerefer = fields.Boolean(compute="_compute_can")

    # ==================================================================
    # defaults
    # ==================================================================
    @api.model
    def _default_direction(self):
        user = self.env.user
        if user.has_group("xingji_linkage.group_xingji_discipline") and not user.has_group(
            "xingji_linkage.group_xingji_unit_manager"
        ):
            units = self.env["xingji.unit"]._get_units_of_user(user)
            if units and all(u.kind == "discipline" for u in units):
                return "to_supervision"
        return "to_discipline"

    @api.model
    def _default_source_unit(self):
        return self.env["xingji.unit"]._get_units_of_user(self.env.user)[:1]

    # ==================================================================
    # computes
    # ==================================================================
    @api.depends("person_ids.name")
    def _compute_person_names(self):
        for clue in self:
            clue.person_names = "、".join(p.name for p in clue.person_ids if p.name)

    @api.depends("material_ids")
    def _compute_material_count(self):
        for clue in self:
            clue.material_count = len(clue.material_ids)

    @api.depends("pending_approver_ids")
    def _compute_pending_approver_names(self):
        # sudo: the names of who must decide the step are part of the clue
        # for whoever reads it; as text, the form does not run the res.users
        # access rules for a list of users on every opening (scripts/bench).
        for clue in self:
            clue.pending_approver_names = "、".join(clue.sudo().pending_approver_ids.mapped("name"))

    @api.depends("scope_user_ids")
    def _compute_scope_count(self):
        # One grouped count on the scope relation: the form shows the size
        # and opens the list in a dialog (action_open_scope), instead of
        # reading every scope user, with the res.users access rules, on
        # each opening of the form.
        field = self._fields["scope_user_ids"]
        ids = tuple(rid for rid in self._ids if isinstance(rid, int))
        counts = {}
        if ids:
            self.flush_model(["scope_user_ids"])
            counts = dict(self.env.execute_query(SQL(
                "SELECT %s, count(*) FROM %s WHERE %s IN %s GROUP BY 1",
                SQL.identifier(field.column1), SQL.identifier(field.relation),
                SQL.identifier(field.column1), ids,
            )))
        for clue in self:
            clue.scope_count = counts.get(clue.id, 0)

    @api.depends(
        "direction", "company_id", "person_ids.cadre_rank", "person_ids.is_party_member"
    )
    def _compute_routing(self):
        Rule = self.env["xingji.routing.rule"]
        for clue in self:
            rule = Rule._route(clue.direction, clue.person_ids, clue.company_id)
            clue.routing_rule_id = rule
            clue.routed_unit_id = rule.receiving_unit_id

    @api.depends("routed_unit_id")
    def _compute_receiving_unit_id(self):
        for clue in self:
            if clue.state in ("draft", "review", "approval") or not clue.receiving_unit_id:
                clue.receiving_unit_id = clue.routed_unit_id

    @api.depends("receiving_unit_id", "routing_rule_id")
    def _compute_transit_unit_id(self):
        for clue in self:
            # sudo: routing rules are configuration; the transit body follows from them.
            rule = clue.sudo().routing_rule_id
            if rule and clue.receiving_unit_id == rule.receiving_unit_id:
                clue.transit_unit_id = rule.transit_unit_id
            else:
                clue.transit_unit_id = False

    @api.depends("receiving_unit_id", "routed_unit_id")
    def _compute_is_routing_overridden(self):
        for clue in self:
            clue.is_routing_overridden = bool(
                clue.receiving_unit_id and clue.receiving_unit_id != clue.routed_unit_id
            )

    @api.depends_context("uid")
    @api.depends("state", "pending_approver_ids", "receiving_unit_id")
    def _compute_can(self):
        user = self.env.user
        for clue in self:
            clue.can_submit = clue.state == "draft" and clue._is_source_side(user)
            clue.can_approve = clue.state in ("review", "approval") and user in clue.pending_approver_ids
            clue.can_receive = clue.state in ("transferred", "accepted", "fed_back") and clue._is_receiver(user)
            clue.can_cancel = clue.state in ("draft", "review", "approval") and clue._is_source_side(user)
            clue.can_forward = (
                clue.state == "transferred" and clue.transit_state == "pending" and clue._is_transit_member(user)
            )
            clue.can_rerefer = clue.state == "returned" and clue._is_source_side(user)

    @api.depends("receiving_unit_id.member_ids", "direction")
    def _compute_receiver_offline(self):
        for clue in self:
            # sudo: whether the body has a receiving account decides who
            # records its answer; no member is shown (and no res.users rule
            # is run for each member on every form read).
            clue.receiver_offline = bool(clue.receiving_unit_id) and not clue.sudo()._receiver_users()

    # ==================================================================
    # knowledge scope (xingji.confidential.mixin)
    # ==================================================================
    def _scope_depends(self):
        return super()._scope_depends() + [
            "state",
            "transit_state",
            "handler_id",
            # People of the units on the route as they were when each unit
            # entered it (source head, receiving and transit members): never
            # the live membership, so configuring a unit opens no past clue.
            "route_user_ids",
            # Approvers as fixed when a step was entered or decided, never
            # the live step configuration (editing a step informs nobody).
            "pending_approver_ids",
            "approval_line_ids.user_id",
            # The liaisons (联络员) collect, manage and analyse their unit's
            # clues and file its quarterly table (seed 000 §四(一)).
            "source_unit_id.liaison_ids",
            "receiving_unit_id.liaison_ids",
            "transit_unit_id.liaison_ids",
            "extra_scope_user_ids",
            "person_ids.user_id",
        ]

    def _get_scope_users(self):
        users = super()._get_scope_users()
        # sudo: the snapshot is read to compute the scope, never shown.
        users |= self.handler_id | self.sudo().route_user_ids | self.extra_scope_user_ids
        users |= self.approval_line_ids.user_id | self.pending_approver_ids
        if self.state != "draft" or self.date_submitted:
            users |= self.source_unit_id.liaison_ids
        users |= (self._route_units() - self.source_unit_id).liaison_ids
        return users

    def _route_units(self):
        """Units the clue has reached: its source unit; once transferred (or
        cancelled after transfer) the transit body and, unless the transit
        body still holds it (转送 pending), the receiving body."""
        self.ensure_one()
        units = self.source_unit_id
        if self.state in RECEIVED_STATES or (self.state == "cancelled" and self.date_transferred):
            units |= self.transit_unit_id
            # Through a transit body (转送), the receiving body knows the
            # clue only once the transit body has forwarded it.
            if self.transit_state != "pending":
                units |= self.receiving_unit_id
        return units

    def _get_scope_excluded_users(self):
        return super()._get_scope_excluded_users() | self._reported_users()

    def _get_access_approvers(self):
        self.ensure_one()
        heads = self.source_unit_id.manager_id
        if self.state in RECEIVED_STATES and self.receiving_unit_id.manager_id:
            heads = self.receiving_unit_id.manager_id
        return heads - self._reported_users()

    def _reported_users(self):
        # sudo: 回避 must hold even for a user who cannot read the person lines.
        return self.sudo().person_ids.user_id

    def _recused_approvers(self):
        """Who never decides a step of this clue: the reported persons (回避)
        and, four eyes, its drafter and its handler."""
        self.ensure_one()
        return self._reported_users() | self.create_uid | self.handler_id

    # ==================================================================
    # constraints
    # ==================================================================
    @api.constrains("extra_scope_user_ids", "person_ids")
    def _check_extra_scope_recusal(self):
        for clue in self:
            conflict = clue.extra_scope_user_ids & clue._reported_users()
            if conflict:
                raise ValidationError(
                    self.env._(
                        "%(names)s is reported in clue %(clue)s and must recuse (回避): "
                        "remove them from the users informed of it.",
                        names="、".join(conflict.mapped("name")),
                        clue=clue.name,
                    )
                )

    @api.constrains("disposal", "clear_name")
    def _check_clear_name(self):
        for clue in self:
            if clue.clear_name and clue.disposal == "case_filed":
                raise ValidationError(
                    self.env._(
                        "A clue filed as a case cannot record that the reported person's name was cleared."
                    )
                )

    # ==================================================================
    # CRUD
    # ==================================================================
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_input(vals)
        if not self.env.su:
            for vals in vals_list:
                if vals.get("state", "draft") != "draft":
                    raise UserError(self.env._("A new clue always starts as a draft."))
                if vals.get("name", "/") not in ("/", False):
                    raise UserError(
                        self.env._("The number of a clue is given by the system when it is created.")
                    )
        for vals in vals_list:
            if vals.get("name", "/") in ("/", False):
                direction = vals.get("direction") or self._default_direction()
                code = f"xingji.clue.{direction}"
                # sudo: users hold no rights on ir.sequence; numbering is the system's.
                vals["name"] = self.env["ir.sequence"].sudo().next_by_code(code) or "/"
        clues = super().create(vals_list)
        for clue in clues.filtered(lambda c: c.state == "draft" and c.date_discovered):
            clue._xingji_workflow_write({"date_deadline": clue._stage_deadline()})
        return clues

    def write(self, vals):
        self._check_input(vals)
        if not self.env.su:
            self._check_write_allowed(vals)
        res = super().write(vals)
        if "direction" in vals:
            # A draft whose direction changes takes a number of the other series.
            Sequence = self.env["ir.sequence"].sudo()
            prefix = "JC-" if vals["direction"] == "to_supervision" else "XS-"
            for clue in self.filtered(lambda c: c.state == "draft" and not c.name.startswith(prefix)):
                super(XingjiClue, clue).write(
                    {"name": Sequence.next_by_code(f"xingji.clue.{clue.direction}") or clue.name}
                )
        if "date_discovered" in vals:
            for clue in self.filtered(lambda c: c.state == "draft"):
                clue._xingji_workflow_write({"date_deadline": clue._stage_deadline()})
        return res

    def copy(self, default=None):
        """Clues are never duplicated: a copy would start outside the
        clue's history and let its author choose who is informed of the
        reported problem. Splitting by jurisdiction is done by passing on."""
        if not self.env.su:
            raise UserError(
                self.env._(
                    "A clue cannot be duplicated. Create a new clue, or, once the clue is received, "
                    "split it by jurisdiction (拆分) with “Pass On” and choose the persons passed on."
                )
            )
        return super().copy(default)

    def _check_input(self, vals):
        """Refuse impossible dates and overlong texts with a clear message,
        before the database or the date parser answers with a raw error."""
        today = fields.Date.context_today(self)
        for fname in ("date_discovered", "date_received"):
            value = vals.get(fname)
            if not value:
                continue
            label = self._fields[fname]._description_string(self.env)
            try:
                day = fields.Date.to_date(value)
            except (ValueError, TypeError, OverflowError):
                day = None
            if not day:
                raise ValidationError(
                    self.env._(
                        "%(field)s: “%(value)s” is not a valid date; enter it as YYYY-MM-DD.",
                        field=label,
                        value=str(value)[:40],
                    )
                )
            if day < DATE_FLOOR or day > today:
                raise ValidationError(
                    self.env._(
                        "%(field)s must lie between %(floor)s and today (%(today)s); %(value)s is not possible.",
                        field=label,
                        floor=DATE_FLOOR,
                        today=today,
                        value=day,
                    )
                )
        for fname in TEXT_FIELDS:
            value = vals.get(fname)
            if isinstance(value, str) and len(value) > TEXT_LIMIT:
                raise ValidationError(
                    self.env._(
                        "%(field)s is too long (%(length)s characters; at most %(limit)s). "
                        "Shorten it and put the details in the material list.",
                        field=self._fields[fname]._description_string(self.env),
                        length=len(value),
                        limit=TEXT_LIMIT,
                    )
                )

    def _check_write_allowed(self, vals):
        guarded = set(vals) & GUARDED_FIELDS
        if not guarded:
            return
        refused_workflow = guarded & WORKFLOW_FIELDS
        if refused_workflow:
            raise UserError(
                self.env._(
                    "%(fields)s change only through the buttons of the clue (submit, approve, accept, "
                    "return, feed back, close, cancel).",
                    fields=self._field_labels(refused_workflow),
                )
            )
        for clue in self:
            clue._check_write_role(guarded)
            if clue.state == "draft":
                continue
            refused = guarded - EDITABLE_AFTER_SUBMIT.get(clue.state, set())
            if refused:
                raise UserError(
                    self.env._(
                        "Clue %(clue)s is %(state)s: %(fields)s can no longer be changed. "
                        "Ask an approver to send it back if the referral must be corrected.",
                        clue=clue.name,
                        state=clue._state_label(),
                        fields=self._field_labels(refused),
                    )
                )

    def _check_write_role(self, fnames):
        """Who may change what: opinions and routing belong to the approvers,
        the disposal to the receiving body, the scope to the heads."""
        self.ensure_one()
        user = self.env.user
        refused = set()
        if self.state != "draft":
            if fnames & APPROVER_FIELDS and user not in self.pending_approver_ids:
                refused |= fnames & APPROVER_FIELDS
            if fnames & RECEIVER_FIELDS and not self._is_receiver(user):
                refused |= fnames & RECEIVER_FIELDS
        # Widening the knowledge scope is for the heads, in draft as later.
        if "extra_scope_user_ids" in fnames:
            heads = self.source_unit_id.manager_id | self.pending_approver_ids
            if self.state in RECEIVED_STATES:
                heads |= self.receiving_unit_id.manager_id
            if user not in heads - self._reported_users():
                refused.add("extra_scope_user_ids")
        if refused:
            raise UserError(
                self.env._(
                    "You cannot change %(fields)s of clue %(clue)s: opinions and the receiving body are "
                    "for the approver of the current step, the disposal and results for the receiving "
                    "body, the users informed for the heads of the units concerned.",
                    fields=self._field_labels(refused),
                    clue=self.name,
                )
            )

    def export_data(self, fields_to_export):
        res = super().export_data(fields_to_export)
        if not self.env.su:
            self.env["xingji.access.log"]._log(self, "export")
        return res

    def _check_content_editable(self):
        """Reported persons and materials are frozen once submitted; only
        the workflow itself (superuser) changes them after that."""
        if self.env.su:
            return
        for clue in self:
            if clue.state != "draft":
                raise UserError(
                    self.env._(
                        "Clue %(clue)s is %(state)s: its reported persons and material list can no "
                        "longer be changed.",
                        clue=clue.name,
                        state=clue._state_label(),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_never_submitted(self):
        for clue in self:
            if clue.state != "draft" or clue.date_submitted:
                raise UserError(
                    self.env._(
                        "Clue %(clue)s has been submitted and can never be deleted. "
                        "Cancel it with a reason instead.",
                        clue=clue.name,
                    )
                )

    # ==================================================================
    # helpers
    # ==================================================================
    def _field_labels(self, names):
        return "、".join(sorted(self._fields[n]._description_string(self.env) for n in names))

    def _creation_message(self):
        """A code term, translated from the module's .po even while the
        module's own data (the demo clues) is loaded, before the model's
        translated name is: never "Problem Clue 创建" in the chatter."""
        self.ensure_one()
        return self.env._("Clue %(name)s drafted.", name=self.name)

    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _is_source_side(self, user):
        self.ensure_one()
        if user in self._reported_users():
            return False
        return (
            user == self.create_uid
            or user == self.handler_id
            or user == self.source_unit_id.manager_id
            or self.source_unit_id._has_member(user)
        )

    def _receiver_group(self):
        self.ensure_one()
        if self.direction == "to_supervision":
            return "xingji_linkage.group_xingji_supervision"
        return "xingji_linkage.group_xingji_discipline"

    def _is_receiver(self, user):
        """A member of the receiving body with the receiving role; or, when
        that body has no account in this system (an external 驻组 or county
        纪委监委) and the clue went through a transit body, a member of the
        transit body, who records the body's answer (seed 000 §三)."""
        self.ensure_one()
        if user in self._reported_users():
            return False
        if self.receiving_unit_id._has_member(user) and user.has_group(self._receiver_group()):
            return True
        return (
            self.transit_state == "forwarded"
            and not self._receiver_users()
            and self._is_transit_member(user)
        )

    def _is_transit_member(self, user):
        self.ensure_one()
        return (
            bool(self.transit_unit_id)
            and self.transit_unit_id._has_member(user)
            and user not in self._reported_users()
            and user.has_group("xingji_linkage.group_xingji_discipline")
        )

    def _forwards_via_transit(self):
        """The clue goes through its transit body, unless every member of
        that body must recuse (回避): then it goes straight to the receiver."""
        self.ensure_one()
        return bool(self.transit_unit_id and self._transit_users())

    def _transit_users(self):
        self.ensure_one()
        return self.transit_unit_id.member_ids.filtered(
            lambda u: u.has_group("xingji_linkage.group_xingji_discipline")
        ) - self._reported_users()

    def _check_clue_state(self, states, action):
        for clue in self:
            if clue.state not in states:
                labels = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "Clue %(clue)s is %(state)s: you cannot %(action)s it now (only when %(allowed)s).",
                        clue=clue.name,
                        state=clue._state_label(),
                        action=action,
                        allowed="、".join(labels[s] for s in states),
                    )
                )

    def _check_not_reported(self, action):
        """回避: a reported person never acts on their own clue."""
        self.ensure_one()
        if self.env.user in self._reported_users():
            raise UserError(
                self.env._(
                    "You are reported in clue %(clue)s and must recuse (回避): you cannot %(action)s it.",
                    clue=self.name,
                    action=action,
                )
            )

    def _check_source_side(self, action):
        for clue in self:
            clue._check_not_reported(action)
            if not clue._is_source_side(self.env.user):
                raise UserError(
                    self.env._(
                        "Only the drafter, the handler or a member of %(unit)s can %(action)s clue %(clue)s.",
                        unit=clue.source_unit_id.display_name,
                        action=action,
                        clue=clue.name,
                    )
                )

    def _check_receiver(self, action):
        for clue in self:
            clue._check_not_reported(action)
            if not clue._is_receiver(self.env.user):
                raise UserError(
                    self.env._(
                        "Only a member of the receiving body %(unit)s with the %(role)s role can %(action)s "
                        "clue %(clue)s.",
                        unit=clue.receiving_unit_id.display_name,
                        role=self.env.ref(clue._receiver_group()).name,
                        action=action,
                        clue=clue.name,
                    )
                )

    def _check_submission_complete(self):
        self.ensure_one()
        missing = []
        required = [
            "source_unit_id", "date_received", "date_discovered", "source", "main_problem", "handler_id",
        ]
        if self.direction == "to_discipline":
            required.append("nature")
        else:
            required.append("violation_facts")
        strict = self._requires_full_content()
        if strict:
            # Seed 001 art. 4 (and arts. 6-7 the other way): the facts with the
            # provisions violated and the evidence are part of the referral.
            required += [f for f in ("violation_facts",) if f not in required]
        for fname in required:
            if not self[fname]:
                missing.append(self._fields[fname]._description_string(self.env))
        if strict and not (self.evidence or self.material_ids):
            missing.append(self._fields["evidence"]._description_string(self.env))
        if self.subject_kind == "organ":
            if not self.subject_unit_id:
                missing.append(self._fields["subject_unit_id"]._description_string(self.env))
        elif not self.person_ids:
            missing.append(self._fields["person_ids"]._description_string(self.env))
        elif strict:
            Person = self.env["xingji.clue.person"]
            for person in self.person_ids:
                gaps = [
                    Person._fields[f]._description_string(self.env)
                    for f in ("employer_post", "cert_number")
                    if not person[f]
                ]
                if gaps:
                    missing.append(
                        self.env._("%(fields)s of %(person)s", fields="、".join(gaps), person=person.name)
                    )
        if missing:
            raise UserError(
                self.env._(
                    "Clue %(clue)s cannot be submitted yet. Please fill in: %(fields)s.",
                    clue=self.name,
                    fields="、".join(missing),
                )
            )
        if not self.no_proposal_confirmed:
            raise UserError(
                self.env._(
                    "Please confirm that the referral makes no proposal on how to handle the reported "
                    "persons (移送问题线索时，不对问题线索涉及人员提出具体处理意见) before submitting."
                )
            )
        if self.direction == "to_supervision" and self.source_unit_id.kind != "discipline":
            raise UserError(
                self.env._(
                    "Enforcement-fault clues are referred by a discipline inspection body; %(unit)s is not one.",
                    unit=self.source_unit_id.display_name,
                )
            )

    def _signed_decision(self, comment_field):
        """The decision that signs a box of the paper form (处室（单位）意见,
        局领导批示): the latest decision of the current round on a step
        whose comment fills that box."""
        self.ensure_one()
        # sudo: the decision lines of a clue the user may read (the report
        # checks the clue first); only the decider's name and date are shown.
        lines = self.sudo().approval_line_ids.filtered(
            lambda line: line.step_id.comment_field == comment_field
            and line.decision in ("approve", "send_back")
            and (not self.date_submitted or line.date >= self.date_submitted)
        )
        return lines.sorted(lambda line: (line.date, line.id))[-1:]

    def _requires_full_content(self):
        """Referrals between a supervision body and a discipline body name,
        for each person, the post and the enforcement certificate number,
        the facts with the provisions violated and the evidence (seed 001
        arts. 4, 6-7)."""
        self.ensure_one()
        return self.direction == "to_supervision" or self.source_unit_id.kind in ("supervision", "discipline")

    def _check_routing(self):
        self.ensure_one()
        if not self.receiving_unit_id:
            if not self.routing_rule_id:
                raise UserError(
                    self.env._(
                        "No routing rule matches clue %(clue)s (its direction and the rank and party "
                        "membership of its reported persons). Choose the receiving body yourself and give "
                        "a reason, or ask the configuration manager to add a rule under "
                        "Configuration > Routing Rules.",
                        clue=self.name,
                    )
                )
            raise UserError(
                self.env._(
                    "The routing rule %(rule)s names no receiving body yet. Choose the receiving body and "
                    "give a reason, or ask the configuration manager to complete the rule.",
                    rule=self.routing_rule_id.name,
                )
            )
        expected_kind = "supervision" if self.direction == "to_supervision" else "discipline"
        if self.receiving_unit_id.kind != expected_kind:
            raise UserError(
                self.env._(
                    "%(unit)s cannot receive this clue: choose a body of the kind %(kind)s.",
                    unit=self.receiving_unit_id.display_name,
                    kind=dict(self.env["xingji.unit"]._fields["kind"]._description_selection(self.env))[
                        expected_kind
                    ],
                )
            )
        if self.is_routing_overridden and not (self.routing_override_reason or "").strip():
            raise UserError(
                self.env._(
                    "The receiving body %(unit)s differs from the one the routing rules give (%(routed)s). "
                    "Give the reason for the change.",
                    unit=self.receiving_unit_id.display_name,
                    routed=self.routed_unit_id.display_name or "-",
                )
            )

    def _notify_users(self, users, body, subtype="mail.mt_comment"):
        """Post on the clue, notifying the given users who may know of it.

        A partner named on a message can read that message whatever the
        clue's scope: only scope users (never a reported person) are named."""
        users = (users - self.env.user) & self._scope_users()
        self.message_subscribe(partner_ids=users.partner_id.ids)
        self.message_post(
            body=body,
            partner_ids=users.partner_id.ids,
            subtype_xmlid=subtype,
            message_type="comment",
        )

    @api.returns("mail.message", lambda value: value.id)
    def _source_users(self):
        self.ensure_one()
        return (self.create_uid | self.handler_id | self.source_unit_id.manager_id) - self._reported_users()

    def _receiver_users(self):
        self.ensure_one()
        return self.receiving_unit_id.member_ids.filtered(
            lambda u: u.has_group(self._receiver_group())
        ) - self._reported_users()

    def _scope_users(self):
        self.ensure_one()
        # sudo: the scope is read to filter recipients, never shown.
        return self.sudo().scope_user_ids - self._reported_users()

    def _schedule(self, users, summary, date_deadline=None):
        self.ensure_one()
        # An activity shows the clue to its assignee: only scope users get one.
        for user in users & self._scope_users():
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=date_deadline or self.date_deadline or fields.Date.context_today(self),
                summary=summary,
                user_id=user.id,
            )

    def _clear_activities(self):
        self.activity_unlink(["mail.mail_activity_data_todo"])

    # ==================================================================
    # deadlines (xingji.deadline.mixin)
    # ==================================================================
    def _stage_deadline(self):
        self.ensure_one()
        Deadline = self.env["xingji.clue.deadline"]
        if self.state == "draft":
            days = Deadline._days_for(self.direction, "draft")
            if self.date_discovered and days is not None:
                return self.env["xingji.holiday"].add_working_days(self.date_discovered, days)
            return False
        if self.state in ("review", "approval"):
            days = self.current_step_id.deadline_days
            return self._deadline_from_today(days) if days else False
        if self.state in ("transferred", "accepted", "fed_back"):
            days = Deadline._days_for(self.direction, self.state)
            return self._deadline_from_today(days) if days is not None else False
        return False

    def _deadline_open_domain(self):
        return [("state", "in", OPEN_STATES)]

    def _deadline_responsible(self):
        self.ensure_one()
        if self.state == "draft":
            return (self.handler_id or self.create_uid) - self._reported_users()
        if self.state in ("review", "approval"):
            return self.pending_approver_ids
        if self.state == "transferred" and self.transit_state == "pending" or (
            self.state in ("transferred", "accepted", "fed_back") and self.receiver_offline and self.transit_unit_id
        ):
            head = self.transit_unit_id.manager_id - self._reported_users()
            return head or self._transit_users()
        if self.state in ("transferred", "accepted", "fed_back"):
            head = self.receiving_unit_id.manager_id - self._reported_users()
            return head or self._receiver_users()
        return self.env["res.users"]

    def _deadline_escalation_users(self):
        self.ensure_one()
        responsible = self._deadline_responsible()
        users = super()._deadline_escalation_users()
        if self.state == "draft":
            users |= self.source_unit_id.manager_id
        elif self.state in ("review", "approval"):
            users |= (self.source_unit_id.manager_id | self.source_unit_id.parent_id.manager_id)
        else:
            users |= self.receiving_unit_id.manager_id | self.receiving_unit_id.parent_id.manager_id
        # Only someone who may know of the clue is told about it.
        users = (users - responsible) & self.sudo().scope_user_ids
        return users or responsible

    def _deadline_summary(self):
        self.ensure_one()
        summaries = {
            "draft": self.env._("Refer clue %(name)s by %(date)s"),
            "review": self.env._("Review clue %(name)s by %(date)s"),
            "approval": self.env._("Approve clue %(name)s by %(date)s"),
            "transferred": self.env._("Accept or return clue %(name)s by %(date)s"),
            "accepted": self.env._("Feed back the result of clue %(name)s by %(date)s"),
            "fed_back": self.env._("Close clue %(name)s by %(date)s"),
        }
        template = summaries.get(self.state)
        if not template:
            return super()._deadline_summary()
        return template % {"name": self.name, "date": self.date_deadline}

    # ==================================================================
    # workflow
    # ==================================================================
    def _check_submittable(self):
        """Every check of the submission, writing nothing; returns the
        approval steps of the route."""
        self.ensure_one()
        self._check_clue_state(["draft"], self.env._("submit"))
        self._check_source_side(self.env._("submit"))
        self._check_submission_complete()
        self._check_routing()
        steps = self.env["xingji.approval.step"]._applicable_steps(self)
        recused = self._recused_approvers()
        for step in steps:
            if not step._candidate_approvers(self) - recused:
                raise UserError(self._no_approver_message(step))
        # The transit body forwards the clue and, for a body outside the
        # system, records its answer; without it, the receiving body must
        # have a member who can act.
        if not self._forwards_via_transit() and not self._receiver_users():
            raise UserError(
                self.env._(
                    "The receiving body %(unit)s has no member who can handle this clue without a "
                    "conflict (回避). Choose another body and give a reason.",
                    unit=self.receiving_unit_id.display_name,
                )
            )
        return steps

    def action_open_scope(self):
        """Who knows of the clue (知悉范围) and the users the unit head
        informed, in a dialog of their own (the stat button of the form)."""
        self.ensure_one()
        # A hidden clue and an absent one answer alike (never "the record
        # does not exist"): the search applies the record rules to both.
        if not self.search([("id", "=", self.id)]):
            raise self.env["ir.rule"]._make_access_error("read", self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Knowledge Scope: %(name)s", name=self.name),
            "res_model": "xingji.clue",
            "res_id": self.id,
            "views": [(self.env.ref("xingji_linkage.xingji_clue_view_form_scope").id, "form")],
            "target": "new",
        }

    def action_open_submit(self):
        """The Submit button: check everything first, then ask to confirm
        (the content is frozen once submitted) — a clerk is never asked to
        confirm a submission that would then be refused."""
        self.ensure_one()
        self._check_submittable()
        return self._open_decision("submit")

    def action_submit(self):
        for clue in self:
            steps = clue._check_submittable()
            clue._xingji_workflow_write(
                {
                    "route_step_ids": [Command.set(steps.ids)],
                    "date_submitted": fields.Datetime.now(),
                }
            )
            clue._clear_activities()
            # 回避: a reported person who followed the draft follows no more.
            reported = clue._reported_users().partner_id
            if reported:
                clue.message_unsubscribe(partner_ids=reported.ids)
            clue.message_post(
                body=self.env._(
                    "Submitted for approval. Route: %(route)s.",
                    route=" → ".join(steps.mapped("name")) or "-",
                )
            )
            if steps:
                clue._enter_step(steps[0])
            else:
                clue._transfer()
        return True

    def _enter_step(self, step):
        """Wait for ``step``. Its approvers are fixed now (the knowledge
        scope follows this snapshot, not the live step configuration)."""
        self.ensure_one()
        approvers = step._candidate_approvers(self) - self._recused_approvers()
        if not approvers:
            raise UserError(self._no_approver_message(step))
        self._xingji_workflow_write(
            {
                "current_step_id": step.id,
                "state": step.stage,
                "pending_approver_ids": [Command.set(approvers.ids)],
            }
        )
        self._xingji_workflow_write({"date_deadline": self._stage_deadline()})
        self._schedule(
            approvers,
            self.env._("%(step)s: decide on clue %(clue)s", step=step.name, clue=self.name),
        )

    def _no_approver_message(self, step):
        self.ensure_one()
        return self.env._(
            "Nobody can decide the step %(step)s for clue %(clue)s: its approvers are missing, "
            "reported in the clue (回避), or the clue's own drafter or handler (who never approve "
            "their own referral). Ask the configuration manager to complete the approval route.",
            step=step.name,
            clue=self.name,
        )

    def _next_step(self):
        self.ensure_one()
        steps = self.route_step_ids.sorted(lambda s: (s.sequence, s.id))
        current = self.current_step_id
        later = steps.filtered(lambda s: (s.sequence, s.id) > (current.sequence, current.id))
        return later[:1]

    def _lock_for_decision(self):
        """Two approvers deciding the same step at the same moment: the row
        lock makes the second wait for the first; PostgreSQL then refuses
        the second (serialization failure) and Odoo replays its request,
        which finds the step decided. No step is ever decided twice."""
        self.env.cr.execute(
            SQL("SELECT id FROM xingji_clue WHERE id IN %s FOR UPDATE", tuple(self.ids))
        )

    def _approve(self, comment=None):
        self._lock_for_decision()
        for clue in self:
            clue._check_clue_state(["review", "approval"], self.env._("approve"))
            if self.env.user in clue._reported_users():
                raise UserError(
                    self.env._(
                        "You are reported in clue %(clue)s and must recuse (回避): you cannot approve it.",
                        clue=clue.name,
                    )
                )
            if self.env.user not in clue.pending_approver_ids:
                raise UserError(
                    self.env._(
                        "Clue %(clue)s waits for %(step)s; only %(users)s can decide on it.",
                        clue=clue.name,
                        step=clue.current_step_id.name,
                        users="、".join(clue.pending_approver_ids.mapped("name")) or "-",
                    )
                )
            clue._check_routing()
            step = clue.current_step_id
            clue._record_decision(step, "approve", comment)
            if comment and step.comment_field in ("unit_opinion", "leader_instruction"):
                clue._xingji_workflow_write({step.comment_field: comment})
            clue._clear_activities()
            clue.message_post(
                body=self.env._(
                    "%(step)s approved by %(user)s. %(comment)s",
                    step=step.name,
                    user=self.env.user.name,
                    comment=comment or "",
                )
            )
            next_step = clue._next_step()
            if next_step:
                clue._enter_step(next_step)
            else:
                clue._transfer()
        return True

    def _send_back(self, comment):
        if not (comment or "").strip():
            raise UserError(self.env._("Say why you send the clue back, so the handler can correct it."))
        self._lock_for_decision()
        for clue in self:
            clue._check_clue_state(["review", "approval"], self.env._("send back"))
            if self.env.user not in clue.pending_approver_ids:
                raise UserError(
                    self.env._(
                        "Clue %(clue)s waits for %(step)s; only %(users)s can decide on it.",
                        clue=clue.name,
                        step=clue.current_step_id.name,
                        users="、".join(clue.pending_approver_ids.mapped("name")) or "-",
                    )
                )
            step = clue.current_step_id
            clue._record_decision(step, "send_back", comment)
            if step.comment_field in ("unit_opinion", "leader_instruction"):
                clue._xingji_workflow_write({step.comment_field: comment})
            clue._xingji_workflow_write(
                {"state": "draft", "current_step_id": False, "pending_approver_ids": [Command.clear()]}
            )
            clue._xingji_workflow_write({"date_deadline": clue._stage_deadline()})
            clue._clear_activities()
            clue._notify_users(
                clue._source_users(),
                self.env._(
                    "%(step)s: sent back by %(user)s for correction: %(comment)s",
                    step=step.name,
                    user=self.env.user.name,
                    comment=comment,
                ),
            )
            clue._schedule(
                (clue.handler_id or clue.create_uid) - clue._reported_users(),
                self.env._("Correct and resubmit clue %(clue)s", clue=clue.name),
            )
        return True

    def _record_decision(self, step, decision, comment):
        self.ensure_one()
        self._check_input({"unit_opinion": comment})
        # sudo: decisions are written by the workflow only; users have no
        # create right on the approval record so that none can be forged.
        self.env["xingji.clue.approval"].sudo().create(
            {
                "clue_id": self.id,
                "step_id": step.id,
                "step_name": step.name,
                "user_id": self.env.user.id,
                "decision": decision,
                "comment": comment or False,
            }
        )

    def _check_route_approved(self):
        self.ensure_one()
        # sudo: decision lines are written by the workflow only; the check reads them all.
        lines = self.sudo().approval_line_ids.filtered(
            lambda line: line.decision == "approve"
            and (not self.date_submitted or line.date >= self.date_submitted)
        )
        missing = self.route_step_ids - lines.step_id
        if missing:
            raise UserError(
                self.env._(
                    "Clue %(clue)s cannot be transferred: %(steps)s not approved yet.",
                    clue=self.name,
                    steps="、".join(missing.mapped("name")),
                )
            )

    def _transfer(self):
        self.ensure_one()
        self._check_route_approved()
        self._check_routing()
        now = fields.Datetime.now()
        self._xingji_workflow_write(
            {
                "state": "transferred",
                "current_step_id": False,
                "pending_approver_ids": [Command.clear()],
                "date_transferred": now,
                "transit_state": "pending" if self._forwards_via_transit() else False,
            }
        )
        if self.transit_state == "pending":
            # Seed 000 §三: 局机关纪委 itself forwards (转送) the clue to the
            # receiving body, with its own date and document number.
            transit = self._transit_users()
            self._notify_users(
                transit | self._source_users(),
                self.env._(
                    "Clue %(clue)s transferred to %(transit)s, to be forwarded to %(unit)s.",
                    clue=self.name,
                    transit=self.transit_unit_id.display_name,
                    unit=self.receiving_unit_id.display_name,
                ),
            )
            self._xingji_workflow_write({"date_deadline": self._stage_deadline()})
            head = self.transit_unit_id.manager_id - self._reported_users()
            self._schedule(
                head or transit,
                self.env._("Forward clue %(clue)s to %(unit)s (转送)", clue=self.name, unit=self.receiving_unit_id.display_name),
            )
            return
        receivers = self._receiver_users()
        body = self.env._(
            "Clue %(clue)s transferred to %(unit)s%(via)s.",
            clue=self.name,
            unit=self.receiving_unit_id.display_name,
            via=self.env._(" via %(unit)s", unit=self.transit_unit_id.display_name)
            if self.transit_unit_id
            else "",
        )
        self._notify_users(receivers | self.transit_unit_id.member_ids | self._source_users(), body)
        if self.direction == "to_supervision":
            # Seed 001 art. 7: the supervision body starts verifying at once.
            self._xingji_workflow_write({"state": "accepted", "date_accepted": now})
            self.message_post(body=self.env._("Verification started at once (立即启动核查程序)."))
        self._xingji_workflow_write({"date_deadline": self._stage_deadline()})
        head = self.receiving_unit_id.manager_id - self._reported_users()
        self._schedule(
            head or receivers,
            self.env._("Verify and feed back clue %(clue)s", clue=self.name)
            if self.state == "accepted"
            else self.env._("Accept or return clue %(clue)s", clue=self.name),
        )

    def _forward(self, date_forwarded, number, method):
        """The transit body forwards (转送) the clue to the receiving body:
        through the system, or, for a body outside it, recorded here."""
        if not (number or "").strip():
            raise UserError(self.env._("Enter the document number (文号) of the forwarding letter."))
        if not method:
            raise UserError(self.env._("Say how the clue was delivered to the receiving body."))
        day = fields.Date.to_date(date_forwarded) if date_forwarded else fields.Date.context_today(self)
        if day > fields.Date.context_today(self):
            raise UserError(self.env._("The forwarding date cannot lie in the future."))
        self._check_input({"source_detail": number})
        for clue in self:
            clue._check_clue_state(["transferred"], self.env._("forward"))
            clue._check_not_reported(self.env._("forward"))
            if clue.transit_state != "pending":
                raise UserError(
                    self.env._("Clue %(clue)s does not wait to be forwarded.", clue=clue.name)
                )
            if not clue._is_transit_member(self.env.user):
                raise UserError(
                    self.env._(
                        "Only a member of the transit body %(unit)s with the discipline role can forward clue %(clue)s.",
                        unit=clue.transit_unit_id.display_name,
                        clue=clue.name,
                    )
                )
            if clue.date_transferred and day < clue.date_transferred.date():
                raise UserError(self.env._("The clue cannot be forwarded before it was transferred."))
            offline = clue.receiver_offline
            if method == "system" and offline:
                raise UserError(
                    self.env._(
                        "%(unit)s has no account in this system: record how the clue was delivered "
                        "(confidential mail, by hand ...).",
                        unit=clue.receiving_unit_id.display_name,
                    )
                )
            clue._xingji_workflow_write(
                {
                    "transit_state": "forwarded",
                    "date_forwarded": day,
                    "forward_number": number.strip(),
                    "forward_method": method,
                    "forwarded_by_id": self.env.user.id,
                }
            )
            clue._clear_activities()
            body = self.env._(
                "Clue %(clue)s forwarded by %(transit)s to %(unit)s on %(date)s, document No. %(number)s.",
                clue=clue.name,
                transit=clue.transit_unit_id.display_name,
                unit=clue.receiving_unit_id.display_name,
                date=day,
                number=number.strip(),
            )
            if offline:
                body += " " + self.env._(
                    "The receiving body has no account in this system: %(transit)s records its answer here.",
                    transit=clue.transit_unit_id.display_name,
                )
            receivers = clue._receiver_users()
            clue._notify_users(receivers | clue._transit_users() | clue._source_users(), body)
            clue._xingji_workflow_write({"date_deadline": clue._stage_deadline()})
            head = clue.receiving_unit_id.manager_id - clue._reported_users()
            clue._schedule(
                (head if receivers else clue._transit_users()) or receivers,
                self.env._("Accept or return clue %(clue)s", clue=clue.name),
            )
        return True

    def _check_forwarded(self, action):
        for clue in self:
            if clue.transit_state == "pending":
                raise UserError(
                    self.env._(
                        "Clue %(clue)s has not been forwarded by %(transit)s yet: you cannot %(action)s it.",
                        clue=clue.name,
                        transit=clue.transit_unit_id.display_name,
                        action=action,
                    )
                )

    def action_accept(self):
        for clue in self:
            clue._check_clue_state(["transferred"], self.env._("accept"))
            clue._check_forwarded(self.env._("accept"))
            clue._check_receiver(self.env._("accept"))
            clue._xingji_workflow_write({"state": "accepted", "date_accepted": fields.Datetime.now()})
            clue._xingji_workflow_write({"date_deadline": clue._stage_deadline()})
            clue._clear_activities()
            clue._notify_users(
                clue._source_users(),
                self.env._("Clue %(clue)s accepted by %(unit)s.", clue=clue.name, unit=clue.receiving_unit_id.display_name),
            )
        return True

    def _return(self, reason):
        if not (reason or "").strip():
            raise UserError(
                self.env._("Give the reason for returning the clue, e.g. why it is not within your jurisdiction.")
            )
        for clue in self:
            clue._check_clue_state(["transferred"], self.env._("return"))
            clue._check_forwarded(self.env._("return"))
            clue._check_receiver(self.env._("return"))
            clue._xingji_workflow_write({"state": "returned", "return_reason": reason, "date_deadline": False})
            clue._clear_activities()
            clue._notify_users(
                clue._source_users(),
                self.env._(
                    "Clue %(clue)s returned by %(unit)s: %(reason)s",
                    clue=clue.name,
                    unit=clue.receiving_unit_id.display_name,
                    reason=reason,
                ),
            )
        return True

    def _pass_on(self, unit, reason, persons=None):
        """Pass the clue on to the competent body (监察法实施条例 第一百七十一条),
        or, with a subset of the reported persons, split it by jurisdiction."""
        self.ensure_one()
        self._check_clue_state(["transferred", "accepted"], self.env._("pass on"))
        self._check_forwarded(self.env._("pass on"))
        self._check_receiver(self.env._("pass on"))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for passing the clue on to another body."))
        if not unit or unit == self.receiving_unit_id:
            raise UserError(self.env._("Choose the competent body the clue is passed on to."))
        expected_kind = "supervision" if self.direction == "to_supervision" else "discipline"
        if unit.kind != expected_kind:
            raise UserError(
                self.env._("%(unit)s cannot receive this clue: it is not a body of the right kind.", unit=unit.display_name)
            )
        if not (unit.member_ids - self._reported_users()):
            raise UserError(
                self.env._("%(unit)s has no member who can handle this clue without a conflict (回避).", unit=unit.display_name)
            )
        persons = persons or self.person_ids
        if persons == self.person_ids:
            old = self.receiving_unit_id
            self._clear_activities()
            # sudo: the acting body leaves the knowledge scope with this
            # very write; the rest of the hand-over is done on its behalf.
            clue = self.sudo()
            clue.write(
                {
                    "receiving_unit_id": unit.id,
                    "pass_on_reason": reason,
                    "state": "transferred",
                    "date_accepted": False,
                }
            )
            clue.write({"date_deadline": clue._stage_deadline()})
            clue._notify_users(
                clue._receiver_users() | clue._source_users(),
                self.env._(
                    "Clue %(clue)s passed on from %(old)s to %(new)s: %(reason)s",
                    clue=self.name,
                    old=old.display_name,
                    new=unit.display_name,
                    reason=reason,
                ),
            )
            head = unit.manager_id - clue._reported_users()
            clue._schedule(head or clue._receiver_users(), self.env._("Accept or return clue %(clue)s", clue=self.name))
            # The former body (the poster included) no longer follows a clue it may not read.
            gone = old.member_ids - clue.scope_user_ids
            if gone:
                clue.message_unsubscribe(partner_ids=gone.partner_id.ids)
            return self
        # Split by jurisdiction: the chosen persons go to a new clue.
        # sudo: users never copy a clue (see copy); the split is the workflow's.
        new = self.sudo().copy(
            {
                "parent_id": self.id,
                "person_ids": [Command.create(vals) for vals in persons.copy_data({"clue_id": False})],
            }
        )
        # sudo: the split clue keeps the route and history of its origin.
        new.sudo().write(
            {
                "state": "transferred",
                "receiving_unit_id": unit.id,
                "pass_on_reason": reason,
                "date_submitted": self.date_submitted,
                "date_transferred": fields.Datetime.now(),
                "route_step_ids": [Command.set(self.route_step_ids.ids)],
            }
        )
        new._xingji_workflow_write({"date_deadline": new._stage_deadline()})
        names = "、".join(persons.mapped("name"))
        self._xingji_workflow_write({"person_ids": [Command.unlink(p.id) for p in persons]})
        self.message_post(
            body=self.env._(
                "Split by jurisdiction: %(persons)s passed on to %(unit)s as clue %(new)s: %(reason)s",
                persons=names,
                unit=unit.display_name,
                new=new.name,
                reason=reason,
            )
        )
        new._notify_users(
            new._receiver_users() | new._source_users(),
            self.env._(
                "Clue %(new)s split from %(clue)s and passed on to %(unit)s: %(reason)s",
                new=new.name,
                clue=self.name,
                unit=unit.display_name,
                reason=reason,
            ),
        )
        return new.sudo(False)

    def action_feedback(self):
        for clue in self:
            clue._check_clue_state(["accepted"], self.env._("feed back"))
            clue._check_receiver(self.env._("feed back"))
            if clue.direction == "to_supervision":
                required = ["verification_result", "handling_result"]
            else:
                required = ["disposal", "result"]
            missing = [clue._fields[f]._description_string(self.env) for f in required if not clue[f]]
            if missing:
                raise UserError(
                    self.env._(
                        "Before feeding back clue %(clue)s, fill in: %(fields)s.",
                        clue=clue.name,
                        fields="、".join(missing),
                    )
                )
            now = fields.Datetime.now()
            vals = {"state": "fed_back", "date_fed_back": now}
            if clue.direction == "to_supervision":
                # Seed 001 art. 7: the written feedback of verification and
                # disposal results ends the referral.
                vals.update(state="closed", date_closed=now)
            clue._xingji_workflow_write(vals)
            clue._xingji_workflow_write({"date_deadline": clue._stage_deadline()})
            clue._clear_activities()
            if not clue.receiving_unit_id._has_member(self.env.user):
                clue.message_post(
                    body=self.env._(
                        "Feedback of %(unit)s entered by %(user)s of %(transit)s (the body has no account here).",
                        unit=clue.receiving_unit_id.display_name,
                        user=self.env.user.name,
                        transit=clue.transit_unit_id.display_name,
                    )
                )
            clue._notify_users(
                clue._source_users(),
                self.env._(
                    "Result of clue %(clue)s fed back by %(unit)s.",
                    clue=clue.name,
                    unit=clue.receiving_unit_id.display_name,
                ),
            )
        return True

    def action_close(self):
        for clue in self:
            clue._check_clue_state(["fed_back"], self.env._("close"))
            clue._check_receiver(self.env._("close"))
            clue._xingji_workflow_write({"state": "closed", "date_closed": fields.Datetime.now(), "date_deadline": False})
            clue._clear_activities()
            clue.message_post(body=self.env._("Clue %(clue)s closed.", clue=clue.name))
        return True

    def action_rerefer(self):
        """A returned clue is corrected and referred again: a new round on
        the same record. The decisions of the earlier rounds stay on record."""
        for clue in self:
            clue._check_clue_state(["returned"], self.env._("refer again"))
            clue._check_source_side(self.env._("refer again"))
            clue._xingji_workflow_write(
                {
                    "state": "draft",
                    "referral_round": clue.referral_round + 1,
                    "transit_state": False,
                    "date_forwarded": False,
                    "forward_number": False,
                    "forward_method": False,
                    "forwarded_by_id": False,
                    "date_transferred": False,
                    "date_accepted": False,
                }
            )
            clue._xingji_workflow_write({"date_deadline": clue._stage_deadline()})
            clue.message_post(
                body=self.env._(
                    "Round %(round)s: returned by %(unit)s (%(reason)s); reopened by %(user)s to be corrected "
                    "and referred again. The decisions of the earlier rounds stay in the approval record.",
                    round=clue.referral_round,
                    unit=clue.receiving_unit_id.display_name,
                    reason=clue.return_reason or "-",
                    user=self.env.user.name,
                )
            )
        return True

    def action_copy_returned(self):
        """A returned clue is copied into a new draft of the same referring
        unit, with its content, persons (and so their 回避) and materials."""
        self.ensure_one()
        self._check_clue_state(["returned"], self.env._("copy"))
        self._check_source_side(self.env._("copy"))
        # sudo: users never copy a clue (see copy); this is the workflow's copy,
        # checked above to be made by the source side of a returned clue.
        source = self.sudo()
        default = {
            "origin_clue_id": self.id,
            "person_ids": [Command.create(vals) for vals in source.person_ids.copy_data({"clue_id": False})],
            "violation_type_ids": [Command.set(source.violation_type_ids.ids)],
            "extra_scope_user_ids": [Command.set(source.extra_scope_user_ids.ids)],
            # The approvers' boxes and the receiving body's answer start empty.
            "unit_opinion": False,
            "leader_instruction": False,
            "disposal": False,
            "result": False,
            "clear_name": False,
            "verification_result": False,
            "handling_result": False,
        }
        new = source.copy(default)
        # The files are copied too, bound to the new clue (its scope guards them).
        material_vals = []
        for material in source.material_ids:
            files = material.attachment_ids.copy({"res_model": new._name, "res_id": new.id})
            material_vals.append(
                Command.create(
                    {
                        "name": material.name,
                        "sequence": material.sequence,
                        "pages": material.pages,
                        "note": material.note,
                        "attachment_ids": [Command.set(files.ids)],
                    }
                )
            )
        if material_vals:
            new.write({"material_ids": material_vals})
        new._xingji_workflow_write({"date_deadline": new._stage_deadline()})
        new.message_post(body=self.env._("Copied from the returned clue %(clue)s.", clue=self.name))
        self.message_post(body=self.env._("Copied into the new clue %(new)s to be referred again.", new=new.name))
        new = new.sudo(False)
        return {
            "type": "ir.actions.act_window",
            "res_model": "xingji.clue",
            "res_id": new.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_open_forward(self):
        self.ensure_one()
        action = self._open_decision("forward")
        action["context"]["default_forward_method"] = "other" if self.receiver_offline else "system"
        return action

    def _cancel(self, reason):
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for cancelling the clue."))
        for clue in self:
            clue._check_clue_state(["draft", "review", "approval"], self.env._("cancel"))
            clue._check_source_side(self.env._("cancel"))
            clue._xingji_workflow_write(
                {
                    "state": "cancelled",
                    "cancel_reason": reason,
                    "current_step_id": False,
                    "pending_approver_ids": [Command.clear()],
                    "date_deadline": False,
                }
            )
            clue._clear_activities()
            clue.message_post(body=self.env._("Cancelled: %(reason)s", reason=reason))
        return True

    # ------------------------------------------------------ dialog openers
    def _open_decision(self, action):
        self.ensure_one()
        Wizard = self.env["xingji.clue.decision.wizard"]
        labels = dict(Wizard._fields["action"]._description_selection(self.env))
        return {
            "type": "ir.actions.act_window",
            # The dialog's title names the decision (without it: "Odoo").
            "name": self.env._("%(decision)s: %(clue)s", decision=labels.get(action, action), clue=self.name),
            "res_model": "xingji.clue.decision.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_clue_id": self.id, "default_action": action},
        }

    def action_open_approve(self):
        return self._open_decision("approve")

    def action_open_send_back(self):
        return self._open_decision("send_back")

    def action_open_return(self):
        return self._open_decision("return")

    def action_open_pass_on(self):
        return self._open_decision("pass_on")

    def action_open_cancel(self):
        return self._open_decision("cancel")

    # ------------------------------------------------------------- demo
    @api.model
    def _demo_create_clues(self):
        from . import xingji_clue_demo

        return xingji_clue_demo.create_demo_clues(self.env)
