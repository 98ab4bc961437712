# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class XingjiUnit(models.Model):
    """An organisation unit taking part in the linkage (机构).

    Enforcement units (局机关处室, 检查分局, 直属单位) refer clues; supervision
    and discipline bodies receive them.  Users belong to units through
    ``member_ids``; the manager and liaisons are always members.
    """

    _name = "xingji.unit"
    _description = "Linkage Unit"
    _inherit = ["mail.thread"]
    _parent_store = True
    _order = "sequence, complete_name, id"
    _rec_names_search = ["complete_name", "code"]

    name = fields.Char(required=True, tracking=True)
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True, index="trigram"
    )
    code = fields.Char(tracking=True, index=True)
    kind = fields.Selection(
        selection=[
            ("enforcement", "Enforcement Unit"),
            ("supervision", "Enforcement Supervision Body"),
            ("discipline", "Discipline Inspection Body"),
        ],
        required=True,
        default="enforcement",
        tracking=True,
        index=True,
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    parent_id = fields.Many2one(
        "xingji.unit",
        string="Parent Unit",
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("xingji.unit", "parent_id", string="Sub-units")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Head",
        tracking=True,
        index="btree_not_null",
        help="Head of the unit (部门负责人): reviews the unit's clues and accepts its rectification work.",
    )
    leader_in_charge_id = fields.Many2one(
        "res.users",
        string="Leader in Charge",
        tracking=True,
        index="btree_not_null",
        help="The bureau leader in charge of the unit (分管局领导): approves its clues when the approval "
        "step says so, and receives its quarterly summary.",
    )
    liaison_ids = fields.Many2many(
        "res.users",
        relation="xingji_unit_liaison_rel",
        column1="unit_id",
        column2="user_id",
        string="Liaisons",
        tracking=True,
        help="Designated liaisons (联络员) who collect clues and submit the quarterly statistics table. "
        "They know the unit's clues, so they are named by the head of the unit or a bureau leader.",
    )
    member_ids = fields.Many2many(
        "res.users",
        relation="xingji_unit_member_rel",
        column1="unit_id",
        column2="user_id",
        string="Members",
        tracking=True,
    )
    member_count = fields.Integer(compute="_compute_member_count")
    phone = fields.Char()
    note = fields.Html(string="Notes")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The unit code must be unique within a company.",
        ),
    ]

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for unit in self:
            if unit.parent_id:
                unit.complete_name = f"{unit.parent_id.complete_name} / {unit.name}"
            else:
                unit.complete_name = unit.name

    @api.depends("member_ids")
    def _compute_member_count(self):
        for unit in self:
            unit.member_count = len(unit.member_ids)

    @api.model_create_multi
    def create(self, vals_list):
        units = super().create(vals_list)
        units._sync_members()
        return units

    def write(self, vals):
        if "liaison_ids" in vals:
            self._check_may_name_liaisons()
        res = super().write(vals)
        if {"manager_id", "liaison_ids", "member_ids"} & set(vals):
            self._sync_members()
        return res

    def _check_may_name_liaisons(self):
        """A liaison knows every clue of his unit (seed 000 §四(一)): naming
        one opens them, so it is a decision of the unit's head or a bureau
        leader, never of the configuration role."""
        # The superuser (code, data files; he cannot log in) passes.
        if self.env.su or self.env.user._is_superuser():
            return
        if self.env.user.has_group("xingji_linkage.group_xingji_leader"):
            return
        for unit in self:
            if unit.manager_id != self.env.user:
                raise UserError(
                    self.env._(
                        "The liaisons of %(unit)s are named by its head or a bureau leader, because a "
                        "liaison knows the unit's clues. Ask %(head)s to name them.",
                        unit=unit.display_name,
                        head=unit.manager_id.name or self.env._("the head of the unit"),
                    )
                )

    def _xingji_set_liaisons(self, users):
        """Name the liaisons of one unit, by its head or a bureau leader."""
        self.ensure_one()
        self._check_may_name_liaisons()
        # sudo: heads and leaders hold no write right on units (configuration);
        # the check above is the right to name liaisons.
        self.sudo().write({"liaison_ids": [fields.Command.set(users.ids)]})

    def _sync_members(self):
        """The head and the liaisons of a unit are always among its members."""
        for unit in self:
            missing = (unit.manager_id | unit.liaison_ids) - unit.member_ids
            if missing:
                unit.member_ids = [fields.Command.link(u.id) for u in missing]

    def _has_member(self, user):
        """Whether ``user`` is a member of one of these units.

        Read from the user's side (his few units, one small query cached
        for the request) rather than loading every member of the unit with
        the access rules of ``res.users``: forms ask this for each button.
        sudo: membership decides what the user may do and is never shown;
        archived units count, as they do in ``member_ids``."""
        if not self or not user:
            return False
        return bool(self & user.sudo().with_context(active_test=False).xingji_unit_ids)

    @api.model
    def _get_units_of_user(self, user=None):
        """Units the given user (default: current) is a member of."""
        user = user or self.env.user
        return self.search([("member_ids", "in", user.ids)])
