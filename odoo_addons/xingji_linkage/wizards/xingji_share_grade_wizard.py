# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.xingji_share_category import SHARE_GRADES


class XingjiShareGradeWizard(models.TransientModel):
    """Change the grade of a shared item, with the reason on record.

    Lowering a strict-approval grade is allowed to the item's approver only
    (``xingji.share._change_grade``).  For a category (its default
    grade), lowering a strict-approval category waits for a bureau leader.
    """

    _name = "xingji.share.grade.wizard"
    _description = "Change Grade of Shared Information"

    share_id = fields.Many2one("xingji.share", ondelete="cascade")
    category_id = fields.Many2one("xingji.share.category", ondelete="cascade")
    current_grade = fields.Selection(SHARE_GRADES, compute="_compute_current_grade")
    grade = fields.Selection(SHARE_GRADES, string="New Grade", required=True)
    reason = fields.Text(required=True)

    @api.depends("share_id", "category_id")
    def _compute_current_grade(self):
        for wizard in self:
            wizard.current_grade = wizard.share_id.grade or wizard.category_id.default_grade

    def action_confirm(self):
        self.ensure_one()
        if self.category_id:
            self.category_id._change_default_grade(self.grade, self.reason)
            return {"type": "ir.actions.act_window_close"}
        self.share_id._change_grade(self.grade, self.reason)
        return {"type": "ir.actions.act_window_close"}
