# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# Kinds of administrative power in which a clue arises (seed 000 §二).
POWER_TYPES = [
    ("license", "Administrative Licensing"),
    ("penalty", "Administrative Penalty"),
    ("coercion", "Administrative Coercion"),
    ("inspection", "Administrative Inspection"),
    ("reward", "Administrative Reward"),
    ("other", "Other Enforcement Activity"),
]


class XingjiViolationType(models.Model):
    """Catalogue of violation situations (违纪违法情形).

    Seeded from seed 000 §二 (by kind of power) and seed 001 articles 13
    (enforcement organs) and 14 (enforcement staff); admins add more.
    """

    _name = "xingji.violation.type"
    _description = "Violation Situation"
    _order = "subject, sequence, id"

    name = fields.Char(string="Situation", required=True, translate=True)
    subject = fields.Selection(
        selection=[("organ", "Enforcement Organ"), ("person", "Enforcement Staff")],
        required=True,
        default="person",
        index=True,
    )
    power_type = fields.Selection(
        selection=POWER_TYPES,
        index=True,
        help="Leave empty when the situation applies to every kind of power.",
    )
    parent_id = fields.Many2one(
        "xingji.violation.type",
        string="Parent Situation",
        index="btree_not_null",
        ondelete="restrict",
        help="The heading of seed 000 §二 this sub-case belongs to (e.g. 以罚代刑 under 行政处罚).",
    )
    child_ids = fields.One2many("xingji.violation.type", "parent_id", string="Sub-cases")
    description = fields.Text()
    source = fields.Char(help="Where the situation is defined, e.g. the article of a regulation.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
