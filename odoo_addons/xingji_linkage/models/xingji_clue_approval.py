# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class XingjiClueApproval(models.Model):
    """A decision taken on a clue at one approval step (审批记录).

    Written only by the clue's workflow (under sudo), never by hand: no
    user creates, changes or deletes a decision, whatever the client sends.
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

    def _check_workflow_only(self):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "Approval decisions are recorded by the Approve and Send Back buttons of the clue "
                    "and never changed afterwards."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_workflow_only()
        return super().create(vals_list)

    def write(self, vals):
        self._check_workflow_only()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        self._check_workflow_only()
