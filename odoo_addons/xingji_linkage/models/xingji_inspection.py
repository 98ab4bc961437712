# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets

from odoo import api, fields, models
from odoo.exceptions import UserError

INSPECTION_STATES = [
    ("plan", "Plan"),
    ("in_progress", "In Progress"),
    ("report", "Report"),
    ("rectification", "Rectification"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
# The inspected units learn of an inspection once its report is written:
# an unannounced check (暗访, 四不两直) is not disclosed in advance.
DISCLOSED_STATES = ("report", "rectification", "closed")
# Who runs the inspection: named by its organisers, never by himself.
ROLE_FIELDS = {"organiser_unit_ids", "leader_id", "team_user_ids", "inspected_unit_ids"}
# What a recorded random draw decides: changed only by a re-draw.
DRAWN_FIELDS = {"inspection_type", "inspected_unit_ids", "team_user_ids"}


class XingjiInspection(models.Model):
    """A joint rule-of-law inspection (联合法治督查, seed 001 arts. 8-9).

    Run together by an enforcement-supervision body and a discipline body,
    at least once a year, as a special check (专项检查), a random sampling
    (随机抽查, 双随机) or an unannounced visit (暗访, 四不两直).
    """

    _name = "xingji.inspection"
    _description = "Joint Inspection"
    _inherit = ["mail.thread", "mail.activity.mixin", "xingji.workflow.mixin"]
    _xingji_reference_field = "name"
    _xingji_workflow_fields = ("state", "date_end")
    _order = "date_start desc, id desc"

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    title = fields.Char(required=True, tracking=True)
    inspection_type = fields.Selection(
        selection=[
            ("special", "Special Inspection"),
            ("random", "Random Sampling"),
            ("unannounced", "Unannounced Visit"),
        ],
        string="Type",
        required=True,
        default="special",
        tracking=True,
        index=True,
    )
    state = fields.Selection(
        selection=INSPECTION_STATES,
        required=True,
        default="plan",
        tracking=True,
        index=True,
        copy=False,
    )
    organiser_unit_ids = fields.Many2many(
        "xingji.unit",
        relation="xingji_inspection_organiser_rel",
        column1="inspection_id",
        column2="unit_id",
        string="Organisers",
        domain=[("kind", "in", ("supervision", "discipline"))],
        help="The enforcement-supervision body and the discipline body running the inspection together.",
    )
    leader_id = fields.Many2one(
        "res.users", string="Team Leader", tracking=True, index="btree_not_null",
        default=lambda self: self.env.user,
    )
    team_user_ids = fields.Many2many(
        "res.users",
        relation="xingji_inspection_team_rel",
        column1="inspection_id",
        column2="user_id",
        string="Inspection Team",
    )
    inspected_unit_ids = fields.Many2many(
        "xingji.unit",
        relation="xingji_inspection_inspected_rel",
        column1="inspection_id",
        column2="unit_id",
        string="Inspected Units",
    )
    plan = fields.Html(help="Purpose, method, schedule and division of work.")
    scope = fields.Text(help="Enforcement activities, period and matters covered.")
    date_start = fields.Date(string="Start", tracking=True, index=True)
    date_end = fields.Date(string="End", tracking=True)
    report_summary = fields.Html(string="Summary")
    report_findings = fields.Html(string="Findings Overview")
    report_conclusion = fields.Html(string="Conclusions")
    cancel_reason = fields.Text(copy=False, tracking=True)
    draw_ids = fields.One2many("xingji.inspection.draw", "inspection_id", string="Draws")
    draw_id = fields.Many2one(
        "xingji.inspection.draw", string="Current Draw", compute="_compute_draw_id"
    )
    draw_count = fields.Integer(compute="_compute_draw_id")
    finding_ids = fields.One2many("xingji.finding", "inspection_id", string="Findings")
    finding_count = fields.Integer(compute="_compute_finding_count")
    rectification_ids = fields.One2many(
        "xingji.rectification", "inspection_id", string="Rectification Tasks"
    )
    rectification_count = fields.Integer(compute="_compute_finding_count")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("draw_ids")
    def _compute_draw_id(self):
        for inspection in self:
            inspection.draw_id = inspection.draw_ids.sorted("id")[-1:]
            inspection.draw_count = len(inspection.draw_ids)

    @api.depends("finding_ids", "rectification_ids")
    def _compute_finding_count(self):
        for inspection in self:
            inspection.finding_count = len(inspection.finding_ids)
            inspection.rectification_count = len(inspection.rectification_ids)

    # ------------------------------------------------------------------ CRUD
    def _user_organises(self, user):
        """Organisers' members and the team leader run the inspection."""
        self.ensure_one()
        return self.organiser_unit_ids._has_member(user) or user == self.leader_id

    def _check_organiser(self):
        user = self.env.user
        for inspection in self:
            if not self.env.su and not inspection._user_organises(user):
                raise UserError(
                    self.env._(
                        "Only the organisers of %(name)s (%(units)s) and its team leader do this.",
                        name=inspection.name,
                        units="、".join(inspection.organiser_unit_ids.mapped("name")) or "-",
                    )
                )

    def write(self, vals):
        if not self.env.su:
            if DRAWN_FIELDS & set(vals):
                drawn = self.filtered("draw_ids")
                if drawn:
                    raise UserError(
                        self.env._(
                            "The type, the inspected units and the team of %(name)s come from a "
                            "recorded random draw. Use “Draw” again, with a reason, to change them.",
                            name=drawn[0].name,
                        )
                    )
            if ROLE_FIELDS & set(vals):
                self._check_organiser()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_plans(self):
        if any(i.state != "plan" or i.draw_ids for i in self):
            raise UserError(
                self.env._("An inspection that has started or been drawn is never deleted; cancel it with a reason.")
            )

    # --------------------------------------------------------------- actions
    def action_start(self):
        self._check_state(["plan"])
        self._check_organiser()
        for inspection in self:
            kinds = set(inspection.organiser_unit_ids.mapped("kind"))
            if not {"supervision", "discipline"} <= kinds:
                raise UserError(
                    self.env._(
                        "A joint inspection is organised by an enforcement-supervision body and a "
                        "discipline body together: add both to the organisers of %(name)s.",
                        name=inspection.name,
                    )
                )
            if not inspection.inspected_unit_ids:
                raise UserError(
                    self.env._("Choose or draw the inspected units of %(name)s first.", name=inspection.name)
                )
            if not inspection.team_user_ids:
                raise UserError(
                    self.env._("Choose or draw the inspection team of %(name)s first.", name=inspection.name)
                )
        self._xingji_workflow_write({"state": "in_progress"})
        self.filtered(lambda i: not i.date_start).date_start = fields.Date.context_today(self)

    def action_to_report(self):
        self._check_state(["in_progress"])
        self._check_organiser()
        self._xingji_workflow_write({"state": "report", "date_end": fields.Date.context_today(self)})

    def action_to_rectification(self):
        self._check_state(["report"])
        self._check_organiser()
        for inspection in self:
            if not inspection.report_summary or not inspection.report_conclusion:
                raise UserError(
                    self.env._(
                        "Write the summary and the conclusions of the report of %(name)s first.",
                        name=inspection.name,
                    )
                )
        self._xingji_workflow_write({"state": "rectification"})

    def action_close(self):
        self._check_state(["rectification"])
        self._check_organiser()
        open_tasks = self.rectification_ids.filtered(lambda t: t.state not in ("done", "cancelled"))
        if open_tasks:
            raise UserError(
                self.env._(
                    "%(count)s rectification task(s) are not verified yet, e.g. %(task)s. "
                    "Close the inspection once every task is done.",
                    count=len(open_tasks),
                    task=open_tasks[0].display_name,
                )
            )
        self._xingji_workflow_write({"state": "closed"})

    def action_cancel(self):
        self._check_state(["plan", "in_progress", "report"])
        self._check_organiser()
        for inspection in self:
            if not inspection.cancel_reason:
                raise UserError(
                    self.env._("Write the reason for cancelling %(name)s first.", name=inspection.name)
                )
        self._xingji_workflow_write({"state": "cancelled"})

    def action_open_draw_wizard(self):
        self.ensure_one()
        self._check_state(["plan"])
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Random Draw"),
            "res_model": "xingji.inspection.draw.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_inspection_id": self.id},
        }

    def _draw_random(self, unit_pool, inspector_pool, unit_count, inspector_count, seed=None, reason=None,
                     operator=None):
        """Draw the inspected units and the team (双随机) and record the draw.

        A first draw needs no reason; any later one does, and is added next
        to the earlier draws (never silent).  ``operator`` defaults to the
        current user (demo data passes the demo operator).
        """
        self.ensure_one()
        self._check_state(["plan"])
        self._check_organiser()
        if self.draw_ids and not (reason or "").strip():
            raise UserError(
                self.env._(
                    "%(name)s was already drawn on %(date)s. A re-draw is recorded: give its reason.",
                    name=self.name,
                    date=self.draw_id.date_draw,
                )
            )
        if unit_count < 1 or unit_count > len(unit_pool):
            raise UserError(
                self.env._(
                    "Draw between 1 and %(count)s units: that is the size of the unit pool.",
                    count=len(unit_pool),
                )
            )
        if inspector_count < 1:
            raise UserError(self.env._("Draw at least one inspector."))
        operator = operator or self.env.user
        seed = (seed or "").strip() or secrets.token_hex(8)
        # sudo: draws are recorded only here, after the checks above
        # (``operator_id`` names the real user).
        Draw = self.env["xingji.inspection.draw"].sudo()
        units, excluded, inspectors = Draw._draw(seed, unit_pool, inspector_pool, unit_count, inspector_count)
        draw = Draw.create(
            {
                "inspection_id": self.id,
                "sequence": len(self.draw_ids) + 1,
                "seed": seed,
                "date_draw": fields.Datetime.now(),
                "operator_id": operator.id,
                "unit_pool_ids": [fields.Command.set(unit_pool.ids)],
                "inspector_pool_ids": [fields.Command.set(inspector_pool.ids)],
                "unit_count": unit_count,
                "inspector_count": inspector_count,
                "drawn_unit_ids": [fields.Command.set(units.ids)],
                "excluded_inspector_ids": [fields.Command.set(excluded.ids)],
                "drawn_inspector_ids": [fields.Command.set(inspectors.ids)],
                "reason": reason,
            }
        )
        # sudo: a drawn inspection's type, units and team are written only
        # here, after the checks above, next to the recorded draw.
        self.sudo().write(
            {
                "inspection_type": "random",
                "inspected_unit_ids": [fields.Command.set(units.ids)],
                "team_user_ids": [fields.Command.set(inspectors.ids)],
            }
        )
        body = self.env._(
            "Draw %(number)s (seed %(seed)s) by %(operator)s: units %(units)s; inspectors %(inspectors)s; "
            "excluded for conflict of interest: %(excluded)s.",
            number=draw.sequence,
            seed=seed,
            operator=operator.name,
            units="、".join(units.mapped("name")),
            inspectors="、".join(inspectors.mapped("name")),
            excluded="、".join(excluded.mapped("name")) or "-",
        )
        if reason:
            body += " " + self.env._("Reason for re-draw: %(reason)s", reason=reason)
        self.message_post(body=body)
        return draw

    def action_view_findings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Findings"),
            "res_model": "xingji.finding",
            "view_mode": "list,form",
            "domain": [("inspection_id", "=", self.id)],
            "context": {"default_inspection_id": self.id},
        }

    def action_view_rectifications(self):
        self.ensure_one()
        return self.env["xingji.rectification"]._action_view_from(self, "inspection_id")
