# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CADRE_RANKS = [
    ("bureau", "Bureau Level and Above"),
    ("division", "Division Level"),
    ("below_division", "Below Division Level"),
    ("none", "Other Personnel"),
]


class XingjiFinding(models.Model):
    """A problem found by a joint inspection (督查发现的问题)."""

    _name = "xingji.finding"
    _description = "Inspection Finding"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "inspection_id desc, sequence, id"

    name = fields.Char(string="Problem", required=True, tracking=True)
    sequence = fields.Integer(default=10)
    inspection_id = fields.Many2one(
        "xingji.inspection", required=True, index=True, ondelete="restrict", tracking=True
    )
    inspection_state = fields.Selection(related="inspection_id.state", string="Inspection Status")
    unit_id = fields.Many2one(
        "xingji.unit", string="Unit", required=True, index=True, tracking=True,
        help="The inspected unit where the problem was found.",
    )
    description = fields.Text(required=True)
    severity = fields.Selection(
        selection=[("general", "General"), ("major", "Major"), ("serious", "Serious")],
        required=True,
        default="general",
        tracking=True,
        index=True,
    )
    person_ids = fields.One2many("xingji.finding.person", "finding_id", string="Persons Involved")
    evidence = fields.Text()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        relation="xingji_finding_attachment_rel",
        column1="finding_id",
        column2="attachment_id",
        string="Evidence Files",
    )
    rectification_ids = fields.One2many(
        "xingji.rectification", "finding_id", string="Rectification Tasks"
    )
    rectification_count = fields.Integer(compute="_compute_rectification_state", store=True)
    state = fields.Selection(
        selection=[("open", "Open"), ("rectifying", "Rectifying"), ("resolved", "Resolved")],
        compute="_compute_rectification_state",
        store=True,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(related="inspection_id.company_id", store=True, index=True)

    @api.depends("rectification_ids.state")
    def _compute_rectification_state(self):
        for finding in self:
            tasks = finding.rectification_ids.filtered(lambda t: t.state != "cancelled")
            finding.rectification_count = len(tasks)
            if not tasks:
                finding.state = "open"
            elif all(t.state == "done" for t in tasks):
                finding.state = "resolved"
            else:
                finding.state = "rectifying"

    @api.constrains("unit_id", "inspection_id")
    def _check_unit_inspected(self):
        for finding in self:
            if finding.unit_id not in finding.inspection_id.inspected_unit_ids:
                raise ValidationError(
                    self.env._(
                        "%(unit)s is not among the inspected units of %(inspection)s.",
                        unit=finding.unit_id.name,
                        inspection=finding.inspection_id.name,
                    )
                )

    def _rectification_defaults(self):
        self.ensure_one()
        return {
            "default_source_ref": f"xingji.finding,{self.id}",
            "default_name": self.name,
            "default_responsible_unit_id": self.unit_id.id,
            "default_responsible_user_id": self.unit_id.manager_id.id,
            "default_verifier_id": self.inspection_id.leader_id.id,
            "default_issuer_unit_id": self.inspection_id.organiser_unit_ids[:1].id,
        }

    def action_create_rectification(self):
        """Open a new rectification task for this finding, pre-filled."""
        self.ensure_one()
        if self.inspection_id.state not in ("in_progress", "report", "rectification"):
            raise UserError(
                self.env._("Rectification tasks are created while the inspection is running or reporting.")
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rectification Task"),
            "res_model": "xingji.rectification",
            "view_mode": "form",
            "target": "current",
            "context": self._rectification_defaults(),
        }

    def action_view_rectifications(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rectification Tasks"),
            "res_model": "xingji.rectification",
            "view_mode": "kanban,list,form",
            "domain": [("finding_id", "=", self.id)],
            "context": self._rectification_defaults(),
        }


class XingjiFindingPerson(models.Model):
    """A person involved in a finding (same fields as a clue's 被反映人)."""

    _name = "xingji.finding.person"
    _description = "Person Involved in a Finding"
    _order = "finding_id, id"

    finding_id = fields.Many2one("xingji.finding", required=True, index=True, ondelete="cascade")
    name = fields.Char(required=True)
    employer_post = fields.Char(string="Employer and Post")
    cadre_rank = fields.Selection(selection=CADRE_RANKS, default="below_division")
    is_party_member = fields.Boolean(string="Party Member")
    cert_number = fields.Char(string="Enforcement Certificate No.")
    user_id = fields.Many2one("res.users", string="User", index="btree_not_null")
