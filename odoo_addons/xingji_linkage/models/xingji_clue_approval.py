# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class XingjiClueApproval(models.Model):
    """A decision taken on a clue at one approval step (审批记录).

    Written only by the clue's workflow (under sudo), never by hand.
    """

    _name = "xingji.clue.approval"
    # Reading a line directly is an opening of its clue (access log).
    _inherit = ["xingji.confidential.line.mixin"]
    _description = "Clue Approval Decision"
    _order = "clue_id, date, id"

    clue_id = fields.Many2one("xingji.clue", required=True, index=True, ondelete="cascade", readonly=True)
    step_id = fields.Many2one("xingji.approval.step", ondelete="set null", readonly=True)
    step_name = fields.Char(readonly=True)
    user_id = fields.Many2one("res.users", string="Approver", required=True, readonly=True, index=True)
    decision = fields.Selection(
        [("approve", "Approved"), ("send_back", "Sent Back")], required=True, readonly=True
    )
    comment = fields.Text(readonly=True)
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
