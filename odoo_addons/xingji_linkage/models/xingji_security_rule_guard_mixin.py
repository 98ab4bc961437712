# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class XingjiSecurityRuleGuardMixin(models.AbstractModel):
    """What record rules (``ir.rule``) and access rows (``ir.model.access``)
    share: rows of the confidential models change only with the module
    (install or upgrade), whatever context the client sends; changes of
    other linkage-related rows are written to the access log and told to
    the bureau leaders. Both models inherit it (they have ``model_id``)."""

    _name = "xingji.security.rule.guard.mixin"
    _description = "Linkage Security Configuration Guard"

    @api.model_create_multi
    def create(self, vals_list):
        model_ids = [vals["model_id"] for vals in vals_list if vals.get("model_id")]
        # sudo: the technical names of the models the new rows are about.
        names = self.env["ir.model"].sudo().browse(model_ids).mapped("model")
        self.env["xingji.access.log"]._check_security_change(names)
        records = super().create(vals_list)
        records._xingji_log_change("create")
        return records

    def write(self, vals):
        # sudo: the technical names of the models the rows are about.
        names = self.sudo().model_id.mapped("model")
        if vals.get("model_id"):
            names += self.env["ir.model"].sudo().browse(vals["model_id"]).mapped("model")
        self.env["xingji.access.log"]._check_security_change(names)
        result = super().write(vals)
        self._xingji_log_change("write", sorted(vals))
        return result

    def unlink(self):
        # sudo: as in write.
        self.env["xingji.access.log"]._check_security_change(self.sudo().model_id.mapped("model"))
        self._xingji_log_change("unlink")
        return super().unlink()

    def _xingji_log_change(self, operation, fnames=()):
        Log = self.env["xingji.access.log"]
        # sudo: as in write.
        watched = self.sudo().filtered(lambda rec: Log._is_watched_model(rec.model_id.model))
        Log._log_config([
            (rec, f"{self._name} {operation} {rec.model_id.model} {','.join(fnames)}".strip())
            for rec in watched
        ])
