# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class XingjiAccessGrant(models.Model):
    """Time-limited access to one confidential record for one user.

    Grants are created by an approved access request and end at
    ``date_end`` (a cron deactivates them) or when revoked early.  Any
    change refreshes the knowledge scope of the record concerned.
    """

    _name = "xingji.access.grant"
    _description = "Confidential Access Grant"
    _inherit = ["xingji.workflow.mixin"]
    _order = "id desc"
    _xingji_reference_field = None
    # A grant is made by an approved request and ended by expiry or
    # revocation: none of its fields is written by a user.
    _xingji_workflow_fields = ("res_model", "res_id", "user_id", "date_end", "active", "reason", "request_id")

    res_model = fields.Char(string="Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", required=True, index=True, readonly=True
    )
    user_id = fields.Many2one(
        "res.users", required=True, index=True, ondelete="cascade", readonly=True
    )
    date_end = fields.Date(string="Valid Until", required=True, index=True)
    active = fields.Boolean(default=True, index=True)
    reason = fields.Char()
    request_id = fields.Many2one(
        "xingji.share.request", index="btree_not_null", readonly=True,
        ondelete="restrict",
    )

    @api.model
    def _current_grant_users(self, records):
        """Dict record id -> users holding an active grant, in one query."""
        if not records or not records.ids:
            return {}
        # sudo: grants are read only to compute the scope of records the
        # ORM is already recomputing.
        groups = self.sudo()._read_group(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("active", "=", True),
                ("date_end", ">=", fields.Date.context_today(self)),
            ],
            ["res_id"],
            ["user_id:recordset"],
        )
        return dict(groups)

    def _targets(self):
        by_model = {}
        for grant in self:
            by_model.setdefault(grant.res_model, set()).add(grant.res_id)
        return [self.env[model].browse(ids).exists() for model, ids in by_model.items()]

    @api.model_create_multi
    def create(self, vals_list):
        grants = super().create(vals_list)
        for records in grants._targets():
            records._refresh_scope()
        return grants

    def write(self, vals):
        targets_before = self._targets()
        res = super().write(vals)
        for records in targets_before + self._targets():
            records._refresh_scope()
        return res

    @api.model
    def _cron_expire_grants(self):
        """Deactivate grants whose end date is past; the scope shrinks."""
        expired = self.search(
            [("active", "=", True), ("date_end", "<", fields.Date.context_today(self))]
        )
        for grant in expired:
            self.env["xingji.access.log"]._log(
                self.env[grant.res_model].browse(grant.res_id).exists(),
                "expire",
                detail=grant.user_id.name,
            )
        expired._xingji_workflow_write({"active": False})
        expired.request_id._mark_expired()
        return expired
