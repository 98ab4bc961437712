# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class XingjiShareRequestDecision(models.TransientModel):
    """Approve, reject or revoke an access request with a comment."""

    _name = "xingji.share.request.decision"
    _description = "Access Request Decision"

    request_id = fields.Many2one("xingji.share.request", required=True, ondelete="cascade")
    decision = fields.Selection(
        [("approve", "Approve"), ("reject", "Reject"), ("revoke", "Revoke")], required=True
    )
    comment = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        request = self.request_id
        if self.decision == "approve":
            request.action_approve(comment=self.comment)
        elif self.decision == "reject":
            request.action_reject(comment=self.comment)
        else:
            request.action_revoke(reason=self.comment)
        return {"type": "ir.actions.act_window_close"}
