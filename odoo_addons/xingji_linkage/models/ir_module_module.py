# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrModuleModule(models.Model):
    """A module runs its code as superuser: installing, upgrading or
    uninstalling one from the Apps menu is written to the access log and
    told to the bureau leaders."""

    _inherit = "ir.module.module"

    def _xingji_log_module(self, operation):
        self.env["xingji.access.log"]._log_config(
            [(module, f"{self._name} {operation} {module.name}") for module in self.sudo()]
        )

    def button_install(self):
        self._xingji_log_module("install")
        return super().button_install()

    def button_upgrade(self):
        self._xingji_log_module("upgrade")
        return super().button_upgrade()

    def button_uninstall(self):
        self._xingji_log_module("uninstall")
        return super().button_uninstall()
