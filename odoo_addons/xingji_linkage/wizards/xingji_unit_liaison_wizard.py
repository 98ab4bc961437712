# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class XingjiUnitLiaisonWizard(models.TransientModel):
    """The head of a unit (or a bureau leader) names its liaisons (联络员).
    A liaison knows the unit's clues, so the configuration role does not."""

    _name = "xingji.unit.liaison.wizard"
    _description = "Name the Liaisons of a Unit"

    unit_id = fields.Many2one("xingji.unit", required=True, readonly=True, ondelete="cascade")
    liaison_ids = fields.Many2many(
        "res.users",
        relation="xingji_unit_liaison_wizard_user_rel",
        column1="wizard_id",
        column2="user_id",
        string="Liaisons",
        domain="[('xingji_role_ids', '!=', False)]",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        unit = self.env["xingji.unit"].browse(values.get("unit_id") or self.env.context.get("active_id"))
        if unit.exists():
            values["unit_id"] = unit.id
            if "liaison_ids" in fields_list:
                values["liaison_ids"] = [fields.Command.set(unit.liaison_ids.ids)]
        return values

    def action_apply(self):
        self.ensure_one()
        self.unit_id._xingji_set_liaisons(self.liaison_ids)
        return {"type": "ir.actions.act_window_close"}
