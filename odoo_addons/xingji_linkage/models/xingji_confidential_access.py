# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class XingjiConfidentialMixin(models.AbstractModel):
    """Access requests on any confidential record (shares and clues alike).

    A user outside the knowledge scope asks through ``xingji.share.request``;
    the approvers of ``_get_access_approvers`` decide; an approval creates a
    time-limited ``xingji.access.grant``.
    """

    _inherit = "xingji.confidential.mixin"

    def _get_access_revokers(self):
        """Users who may end a grant on this record early (override)."""
        self.ensure_one()
        return self._get_access_approvers()

    def _access_request_open_to_outsiders(self):
        """Whether a user outside the scope may ask access for themselves.

        False by default: the record is unknown outside its scope, so a
        member of the scope asks for a colleague.  Shared items listed in
        the directory return True.
        """
        return False

    def action_request_access(self):
        """Open a new access request for this record (for a colleague when
        the current user is already in the scope)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request Access"),
            "res_model": "xingji.share.request",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_user_id": False if self._in_scope() else self.env.uid,
            },
        }

    def action_view_access_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "xingji_linkage.xingji_share_request_action_all"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = {"default_res_model": self._name, "default_res_id": self.id}
        return action
