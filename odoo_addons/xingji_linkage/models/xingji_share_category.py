# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

SHARE_GRADES = [
    ("full", "Full Sharing"),
    ("scoped", "Designated Scope"),
    ("gated", "Strict Approval"),
]
# Higher rank = more restricted.
GRADE_RANK = {"full": 0, "scoped": 1, "gated": 2}


class XingjiShareCategory(models.Model):
    """Category of shared information and its default grade (seed 001 art. 11).

    政策制度 / 经验做法 / 工作要求 are shared with everyone, 监督检查 / 追责问责
    within a designated scope, 问题线索 / 证据材料 only after approval.
    """

    _name = "xingji.share.category"
    _description = "Shared Information Category"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    default_grade = fields.Selection(
        SHARE_GRADES,
        required=True,
        default="full",
        tracking=True,
        help="Grade given to new items of this category. Lowering the grade of an item of a "
        "strict-approval category needs its approver.",
    )
    approver_id = fields.Many2one(
        "res.users",
        string="Named Approver",
        tracking=True,
        help="Approves access requests and grade changes for items of this category. "
        "When empty, the head of the item's owner unit approves.",
    )
    include_managers = fields.Boolean(
        string="Include Heads of Named Units",
        help="For designated-scope items: the heads of the parent units of the named units "
        "and the heads of the named users' units read the item too.",
    )
    description = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
