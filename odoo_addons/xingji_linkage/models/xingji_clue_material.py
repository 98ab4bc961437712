# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class XingjiClueMaterial(models.Model):
    """A line of the material list (材料清单) of a clue, with its files."""

    _name = "xingji.clue.material"
    # Reading a line directly is an opening of its clue (access log).
    _inherit = ["xingji.confidential.line.mixin"]
    _description = "Clue Material"
    _order = "clue_id, sequence, id"

    clue_id = fields.Many2one("xingji.clue", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Material", required=True)
    pages = fields.Integer()
    note = fields.Char()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        relation="xingji_clue_material_attachment_rel",
        column1="material_id",
        column2="attachment_id",
        string="Files",
    )

    @api.model_create_multi
    def create(self, vals_list):
        clue_ids = [vals.get("clue_id") for vals in vals_list if vals.get("clue_id")]
        self.env["xingji.clue"].browse(clue_ids)._check_content_editable()
        materials = super().create(vals_list)
        materials._attach_to_clue()
        return materials

    def write(self, vals):
        self.clue_id._check_content_editable()
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._attach_to_clue()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_draft(self):
        self.clue_id._check_content_editable()

    def _attach_to_clue(self):
        """Files of the material list belong to the clue itself, so that the
        clue's need-to-know rule guards every download."""
        for material in self:
            files = material.attachment_ids.filtered(
                lambda a, c=material.clue_id: a.res_model != c._name or a.res_id != c.id
            )
            if files:
                # sudo: re-parenting attachments the user just uploaded; the
                # clue's own access was checked by the write above.
                files.sudo().write({"res_model": material.clue_id._name, "res_id": material.clue_id.id})
