# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

CADRE_RANKS = [
    ("bureau", "Bureau Level and Above"),
    ("division", "Division Level"),
    ("below_division", "Below Division Level"),
    ("none", "Other Personnel"),
]

CLUE_DIRECTIONS = [
    ("to_discipline", "Enforcement to Discipline Inspection"),
    ("to_supervision", "Discipline Inspection to Enforcement Supervision"),
]


class XingjiRoutingRule(models.Model):
    """Which body receives a clue (seed 000 §三: 按照涉及人员管理权限).

    For each reported person the first matching rule (by sequence) gives a
    receiving body and, optionally, the body the clue passes through (e.g.
    局机关纪委 transmits to 驻局纪检监察组).  With several persons, the rule
    of highest seniority wins.
    """

    _name = "xingji.routing.rule"
    _description = "Clue Routing Rule"
    # Every change is tracked: the rule decides which body learns of a clue.
    _inherit = ["mail.thread"]
    _order = "direction, sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    direction = fields.Selection(
        CLUE_DIRECTIONS, required=True, default="to_discipline", index=True, tracking=True
    )
    cadre_rank = fields.Selection(
        CADRE_RANKS, help="Leave empty to match every rank of the reported person.", tracking=True
    )
    party_member = fields.Selection(
        [("any", "Any"), ("yes", "Party Member"), ("no", "Not a Party Member")],
        string="Party Membership",
        required=True,
        default="any",
        tracking=True,
    )
    receiving_unit_id = fields.Many2one(
        "xingji.unit",
        string="Receiving Body",
        ondelete="restrict",
        domain="[('kind', 'in', ['discipline', 'supervision'])]",
        help="The discipline inspection or supervision body that receives the clue.",
        tracking=True,
    )
    transit_unit_id = fields.Many2one(
        "xingji.unit",
        string="Transmitted Via",
        ondelete="restrict",
        domain="[('kind', '=', 'discipline')]",
        help="Body through which the clue is transmitted, e.g. 局机关纪委 for 驻局纪检监察组.",
        tracking=True,
    )
    seniority = fields.Integer(
        default=10,
        help="When a clue reports several persons, the rule with the highest seniority decides the receiving body.",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True, tracking=True
    )
    note = fields.Text(tracking=True)

    def _matches_person(self, person):
        self.ensure_one()
        if self.cadre_rank and person.cadre_rank != self.cadre_rank:
            return False
        if self.party_member == "yes" and not person.is_party_member:
            return False
        if self.party_member == "no" and person.is_party_member:
            return False
        return True

    @api.model
    def _route(self, direction, persons, company=None):
        """The winning rule for a direction and the reported persons.

        Returns an empty recordset when nothing matches.  Rules are read
        with sudo: they are configuration every clue depends on.
        """
        company = company or self.env.company
        rules = self.sudo().search(
            [("direction", "=", direction), ("company_id", "in", [False, company.id])]
        )
        if not rules:
            return self
        if not persons:
            generic = rules.filtered(lambda r: not r.cadre_rank and r.party_member == "any")
            return generic[:1]
        best = self.sudo().browse()
        for person in persons:
            match = next((rule for rule in rules if rule._matches_person(person)), None)
            if match and (not best or match.seniority > best.seniority):
                best = match
        return best
