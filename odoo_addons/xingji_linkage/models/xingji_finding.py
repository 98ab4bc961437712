# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .xingji_routing_rule import CADRE_RANKS


class XingjiFinding(models.Model):
    """A problem found by a joint inspection (督查发现的问题)."""

    _name = "xingji.finding"
    _description = "Inspection Finding"
    # A finding that names persons is confidential once serious or referred
    # (xingji.confidential.mixin, first so that its follower and
    # notification filters run before mail.thread's).
    _inherit = ["xingji.confidential.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "inspection_id desc, sequence, id"

    name = fields.Char(string="Problem", required=True, tracking=True)
    sequence = fields.Integer(default=10)
    inspection_id = fields.Many2one(
        "xingji.inspection", required=True, index=True, ondelete="restrict", tracking=True
    )
    inspection_state = fields.Selection(related="inspection_id.state", string="Inspection Status")
    unit_id = fields.Many2one(
        "xingji.unit", required=True, index=True, tracking=True,
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
    is_referred = fields.Boolean(
        string="Referred", readonly=True, copy=False,
        help="A clue was started from this finding.",
    )
    is_confidential = fields.Boolean(
        compute="_compute_is_confidential",
        store=True,
        index=True,
        help="A finding that names persons and is serious or referred follows the need-to-know and "
        "回避 rules of a clue: only the inspection's organisers and team and the clue's knowledge "
        "scope read it, never a named person.",
    )
    # No One2many to the clues: a clue is confidential, and an x2many would
    # bypass its need-to-know rule; the count and the button search instead.
    clue_count = fields.Integer(compute="_compute_clue_count")
    company_id = fields.Many2one(related="inspection_id.company_id", store=True, index=True)

    @api.depends("severity", "is_referred", "person_ids")
    def _compute_is_confidential(self):
        for finding in self:
            finding.is_confidential = bool(finding.person_ids) and (
                finding.severity == "serious" or finding.is_referred
            )

    # ------------------------------------------------- knowledge scope
    def _scope_depends(self):
        return super()._scope_depends() + [
            "is_confidential",
            "person_ids.user_id",
            "inspection_id.team_user_ids",
            "inspection_id.leader_id",
            "inspection_id.organiser_unit_ids.member_ids",
        ]

    def _finding_clues(self):
        # sudo: the scope of the clues started from the finding is read to
        # compute the finding's own scope, never shown.
        return self.env["xingji.clue"].sudo().with_context(active_test=False).search(
            [("finding_id", "=", self.id)]
        )

    def _get_scope_users(self):
        users = super()._get_scope_users()
        inspection = self.inspection_id
        users |= inspection.team_user_ids | inspection.leader_id | inspection.organiser_unit_ids.member_ids
        if self.id:
            users |= self._finding_clues().scope_user_ids
        return users

    def _get_scope_excluded_users(self):
        excluded = super()._get_scope_excluded_users()
        # sudo: 回避 holds even for a user who cannot read the person lines.
        excluded |= self.sudo().person_ids.user_id
        if self.id:
            excluded |= self._finding_clues().person_ids.user_id
        return excluded

    def _is_access_logged(self):
        self.ensure_one()
        return self.is_confidential

    def _xingji_attachments_frozen(self):
        """Files of a confidential finding are kept with it."""
        return self.filtered("is_confidential")

    def _xingji_open_records(self):
        """Only a confidential finding limits its followers and recipients."""
        return self.filtered(lambda finding: not finding.is_confidential)

    def _unsubscribe_outside_scope(self):
        """A finding that became confidential loses its followers outside
        the scope (the named persons, the inspected unit)."""
        for finding in self.filtered("is_confidential"):
            # sudo: followers are read and removed whatever the user's rights
            # on them; the scope decides.
            outside = finding.sudo().message_partner_ids - finding._scope_partners()
            if outside:
                finding.sudo().message_unsubscribe(partner_ids=outside.ids)

    @api.model_create_multi
    def create(self, vals_list):
        findings = super().create(vals_list)
        findings._unsubscribe_outside_scope()
        return findings

    def write(self, vals):
        res = super().write(vals)
        # Only what makes a finding confidential or moves its scope can leave
        # a follower outside it: not every edit re-reads the followers.
        if set(vals) & {"severity", "is_referred", "person_ids", "inspection_id"}:
            self._unsubscribe_outside_scope()
        return res

    @api.depends_context("uid")
    def _compute_clue_count(self):
        # Only the clues the user may see (need-to-know rule) are counted:
        # a search, so that the clue's record rules apply.
        counts = dict(
            self.env["xingji.clue"]._read_group(
                [("finding_id", "in", self.ids)], ["finding_id"], ["__count"]
            )
        )
        for finding in self:
            finding.clue_count = counts.get(finding._origin, 0)

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
            if finding.inspection_id.state in ("plan", "closed", "cancelled"):
                raise ValidationError(
                    self.env._(
                        "Findings are recorded once %(inspection)s has started and until it is closed.",
                        inspection=finding.inspection_id.name,
                    )
                )
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

    def _clue_values(self):
        """A clue pre-filled from this finding (移送纪检监察)."""
        self.ensure_one()
        inspection = self.inspection_id
        user_units = self.env["xingji.unit"]._get_units_of_user(self.env.user)
        organisers = inspection.organiser_unit_ids
        source_unit = (
            (organisers & user_units)[:1]
            or organisers.filtered(lambda u: u.kind == "supervision")[:1]
            or organisers[:1]
        )
        return {
            "direction": "to_discipline",
            "finding_id": self.id,
            "source": "inspection",
            "source_detail": self.env._(
                "%(inspection)s %(title)s: finding on %(unit)s",
                inspection=inspection.name,
                title=inspection.title,
                unit=self.unit_id.name,
            ),
            "source_unit_id": source_unit.id,
            "date_discovered": inspection.date_start or fields.Date.context_today(self),
            "main_problem": self.description,
            "evidence": self.evidence,
            "person_ids": [
                fields.Command.create(
                    {
                        "name": person.name,
                        "employer_post": person.employer_post,
                        "cadre_rank": person.cadre_rank or "below_division",
                        "is_party_member": person.is_party_member,
                        "cert_number": person.cert_number,
                        "user_id": person.user_id.id,
                    }
                )
                for person in self.person_ids
            ],
        }

    def action_create_clue(self):
        """Serious finding: start a clue referral to the discipline body."""
        self.ensure_one()
        if self.severity != "serious":
            raise UserError(
                self.env._(
                    "Only a serious finding is referred as a clue; rectification handles the others. "
                    "Raise the severity first if the facts justify it."
                )
            )
        # sudo: count clues of this finding the user may not see (another
        # team member's draft) so that no duplicate referral is started.
        if self.env["xingji.clue"].sudo().search_count(
            [("finding_id", "=", self.id), ("state", "!=", "cancelled")], limit=1
        ):
            raise UserError(
                self.env._("A clue was already started from %(name)s.", name=self.name)
            )
        clue = self.env["xingji.clue"].create(self._clue_values())
        # sudo: the referral marks the finding; the user started it above.
        self.sudo().is_referred = True
        self._refresh_scope()
        self.message_post(
            body=self.env._("Clue %(clue)s started from this finding.", clue=clue.name)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "xingji.clue",
            "res_id": clue.id,
            "view_mode": "form",
        }

    def action_view_clues(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Clues"),
            "res_model": "xingji.clue",
            "view_mode": "list,form",
            "domain": [("finding_id", "=", self.id)],
        }

    def action_view_rectifications(self):
        self.ensure_one()
        return self.env["xingji.rectification"]._action_view_from(self, "finding_id", self._rectification_defaults())


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
    user_id = fields.Many2one("res.users", index="btree_not_null")
