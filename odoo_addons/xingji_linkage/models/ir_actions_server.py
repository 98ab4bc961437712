# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrActionsServer(models.Model):
    """Python code in a server action or a scheduled action runs with the
    rights the code gives itself (``env.sudo()``): its writing or change by
    a Settings administrator is written to the access log and told to the
    bureau leaders (Odoo cannot forbid it without removing the feature)."""

    _inherit = "ir.actions.server"

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions.filtered(lambda a: a.state == "code" and a.code)._xingji_log_code("create")
        return actions

    def write(self, vals):
        result = super().write(vals)
        if "code" in vals or vals.get("state") == "code":
            self.filtered(lambda a: a.state == "code")._xingji_log_code("write")
        return result

    def _xingji_log_code(self, operation):
        if self and self.env.registry.ready:
            self.env["xingji.access.log"]._log_config([
                (action, f"{self._name} {operation} {action.model_id.model or ''}: {(action.code or '')[:200]}")
                for action in self.sudo()
            ])
