# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .xingji_statistics_table import QUARTERS, quarter_of

TABLE_STATES = [
    ("missing", "Not Prepared"),
    ("draft", "Not Submitted"),
    ("submitted", "Submitted"),
    ("received", "Received"),
]


class XingjiStatisticsSummary(models.Model):
    """Quarterly summary of all units (seed 000 §四(一): 局机关纪委 每季度汇总
    … 报分管局领导).

    The bureau's discipline committee prepares it from the units' submitted
    tables and the quarter's 沟通处置情况 (notices, meetings, rectification),
    and reports it to the bureau leader in charge, who acknowledges it.  It
    holds counts only, frozen when it is reported.
    """

    _name = "xingji.statistics.summary"
    _description = "Quarterly Linkage Statistics Summary"
    _inherit = ["xingji.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "year desc, quarter desc, id desc"
    _xingji_reference_field = None
    _xingji_workflow_fields = (
        "state", "prepared_by_id", "date_reported", "acknowledged_by_id", "date_acknowledged",
        "joint_meeting_count", "special_meeting_count", "consultation_meeting_count", "training_count",
    )

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(required=True, index=True, default=lambda self: fields.Date.context_today(self).year)
    quarter = fields.Selection(
        QUARTERS, required=True, index=True, default=lambda self: quarter_of(fields.Date.context_today(self))
    )
    state = fields.Selection(
        [("draft", "Draft"), ("reported", "Reported"), ("acknowledged", "Acknowledged")],
        required=True, default="draft", index=True, copy=False, tracking=True,
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Bureau Leader in Charge",
        tracking=True,
        domain=lambda self: [("groups_id", "in", self.env.ref("xingji_linkage.group_xingji_leader").ids)],
        default=lambda self: self._default_leader_id(),
        help="分管局领导: the summary is reported to him and he acknowledges it.",
    )
    line_ids = fields.One2many("xingji.statistics.summary.line", "summary_id", string="Units", readonly=True)
    joint_meeting_count = fields.Integer(string="Joint Meetings Held", readonly=True)
    special_meeting_count = fields.Integer(string="Special Meetings Held", readonly=True)
    consultation_meeting_count = fields.Integer(string="Consultations Held", readonly=True)
    training_count = fields.Integer(string="Trainings Held", readonly=True)
    analysis = fields.Text(help="The committee's analysis of the quarter, for the leader in charge.")
    prepared_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_reported = fields.Datetime(readonly=True, copy=False, tracking=True)
    acknowledged_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_acknowledged = fields.Datetime(readonly=True, copy=False, tracking=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)

    _sql_constraints = [
        ("quarter_uniq", "unique(company_id, year, quarter)", "There is already a summary for this quarter."),
    ]

    @api.model
    def _default_leader_id(self):
        """The committee's leader in charge when units name one."""
        committee = self.env["xingji.unit"]._statistics_receivers()
        for name in ("leader_in_charge_id", "leader_id"):
            if name in committee._fields:
                return committee[:1][name].id or False
        return False

    @api.constrains("leader_id")
    def _check_leader(self):
        group = self.env.ref("xingji_linkage.group_xingji_leader")
        for summary in self:
            if summary.leader_id and group not in summary.leader_id.groups_id:
                raise UserError(
                    self.env._("%(name)s is not a bureau leader: choose the bureau leader in charge.",
                               name=summary.leader_id.name)
                )

    @api.depends("year", "quarter")
    def _compute_name(self):
        for summary in self:
            summary.name = self.env._(
                "Linkage summary %(year)s Q%(quarter)s", year=summary.year, quarter=summary.quarter
            )

    # ------------------------------------------------------------ checks
    def _check_committee(self):
        for summary in self:
            committee = self.env["xingji.unit"]._statistics_receivers(summary.company_id)
            if self.env.user not in committee.member_ids:
                raise AccessError(
                    self.env._("Only the bureau's discipline committee (局机关纪委) prepares and reports the summary.")
                )

    def write(self, vals):
        if not self.env.su and any(summary.state != "draft" for summary in self):
            raise UserError(self.env._("A reported summary is frozen; it cannot be changed."))
        if not self.env.su and {"year", "quarter", "leader_id", "analysis"} & set(vals):
            self._check_committee()
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        summaries = super().create(vals_list)
        if not self.env.su:
            summaries._check_committee()
        return summaries

    # ------------------------------------------------------------ steps
    def action_compute(self):
        """Count the quarter: the units' tables and 沟通处置情况."""
        self._check_state(("draft",))
        self._check_committee()
        for summary in self:
            summary._fill()
        return True

    def _fill(self):
        self.ensure_one()
        Table = self.env["xingji.statistics.table"]
        start, end = Table._quarter_bounds(self.year, self.quarter)
        # sudo: the summary counts every unit's rows, notices, meetings and
        # tasks; it shows numbers only, never their content.
        env = self.sudo().env
        units = env["xingji.unit"].search([("kind", "=", "enforcement"), ("company_id", "=", self.company_id.id)])
        tables = env["xingji.statistics.table"].search(
            [("unit_id", "in", units.ids), ("year", "=", self.year), ("quarter", "=", self.quarter)]
        )
        table_of = {table.unit_id: table for table in tables}
        rows = {}
        for table, off_system, count in env["xingji.statistics.line"]._read_group(
            [("table_id", "in", tables.filtered(lambda t: t.state != "draft").ids)],
            ["table_id", "off_system"], ["__count"],
        ):
            rows[(table.unit_id, off_system)] = count
        notices = dict(
            env["xingji.notice"]._read_group(
                [("target_unit_id", "in", units.ids), ("date_sent", ">=", start), ("date_sent", "<", end)],
                ["target_unit_id"], ["__count"],
            )
        )
        task_domain = [
            ("responsible_unit_id", "in", units.ids), ("state", "!=", "cancelled"),
            ("create_date", ">=", start), ("create_date", "<", end),
        ]
        tasks = env["xingji.statistics.table"]._rectification_counts(task_domain)
        meetings = dict(
            env["xingji.meeting"]._read_group(
                [("state", "=", "held"), ("date_start", ">=", start), ("date_start", "<", end),
                 ("company_id", "=", self.company_id.id)],
                ["kind"], ["__count"],
            )
        )
        self.sudo().line_ids.unlink()
        env["xingji.statistics.summary.line"].create(
            [
                {
                    "summary_id": self.id,
                    "unit_id": unit.id,
                    "table_state": table_of[unit].state if unit in table_of else "missing",
                    "clue_count": rows.get((unit, False), 0),
                    "off_system_count": rows.get((unit, True), 0),
                    "notice_count": notices.get(unit, 0),
                    "rectification_count": tasks.get(unit, (0, 0, 0))[0],
                    "rectification_done_count": tasks.get(unit, (0, 0, 0))[1],
                    "rectification_overdue_count": tasks.get(unit, (0, 0, 0))[2],
                }
                for unit in units
            ]
        )
        self._xingji_workflow_write(
            {
                "joint_meeting_count": meetings.get("joint", 0),
                "special_meeting_count": meetings.get("special", 0),
                "consultation_meeting_count": meetings.get("consultation", 0),
                "training_count": meetings.get("training", 0),
            }
        )

    def action_report(self):
        """Report the summary to the bureau leader in charge (分管局领导)."""
        self._check_state(("draft",))
        self._check_committee()
        for summary in self:
            if not summary.leader_id:
                raise UserError(self.env._("Choose the bureau leader in charge to report the summary to."))
            summary._fill()
            summary._xingji_workflow_write(
                {"state": "reported", "prepared_by_id": self.env.uid, "date_reported": fields.Datetime.now()}
            )
            summary.activity_feedback(["xingji_reports.mail_activity_statistics_summary"])
            summary.activity_schedule(
                "xingji_reports.mail_activity_statistics_acknowledge",
                user_id=summary.leader_id.id,
                summary=self.env._("Acknowledge the quarterly linkage summary"),
            )
        return True

    def action_acknowledge(self):
        """The leader in charge acknowledges the reported summary."""
        self._check_state(("reported",))
        for summary in self:
            if self.env.user != summary.leader_id:
                raise AccessError(
                    self.env._("Only %(leader)s, to whom the summary was reported, acknowledges it.",
                               leader=summary.leader_id.name)
                )
        self._xingji_workflow_write(
            {"state": "acknowledged", "acknowledged_by_id": self.env.uid, "date_acknowledged": fields.Datetime.now()}
        )
        self.activity_feedback(["xingji_reports.mail_activity_statistics_acknowledge"])
        return True


class XingjiStatisticsSummaryLine(models.Model):
    _name = "xingji.statistics.summary.line"
    _description = "Quarterly Linkage Statistics Summary Line"
    _order = "summary_id, unit_id"

    summary_id = fields.Many2one("xingji.statistics.summary", required=True, index=True, ondelete="cascade")
    unit_id = fields.Many2one("xingji.unit", required=True, ondelete="restrict")
    table_state = fields.Selection(TABLE_STATES, string="Table")
    clue_count = fields.Integer(string="Clues Transferred")
    off_system_count = fields.Integer(string="Referred off the System")
    notice_count = fields.Integer(string="Notices Received")
    rectification_count = fields.Integer(string="Rectification Tasks")
    rectification_done_count = fields.Integer(string="Tasks Verified")
    rectification_overdue_count = fields.Integer(string="Tasks Overdue")
    company_id = fields.Many2one(related="summary_id.company_id", store=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(self.env._("The summary's lines are counted by the button “Count the Quarter”."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._("The summary's lines are counted by the button “Count the Quarter”."))
        return super().write(vals)
