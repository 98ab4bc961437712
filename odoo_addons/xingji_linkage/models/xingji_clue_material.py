# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


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
        clue's need-to-know rule guards every download.

        Only the user's own loose uploads are bound to the clue; a file of
        another record (another clue, a shared item he was granted) is never
        pulled in: it would outlive its own record's knowledge scope.
        """
        for material in self:
            clue = material.clue_id
            # sudo: the binding of the linked files is read whatever the
            # user's rights on them; nothing is shown.
            files = material.sudo().attachment_ids.filtered(
                lambda a, c=clue: (a.res_model, a.res_id) != (c._name, c.id)
            )
            if not files:
                continue
            # The upload widget binds a new file to the line itself.
            own_line = files.filtered(lambda a, m=material: (a.res_model, a.res_id) == (m._name, m.id))
            if (files - own_line).filtered(lambda a: a.res_id or a.res_field):
                raise ValidationError(
                    self.env._(
                        "A file of another record cannot be listed in the materials of %(clue)s: "
                        "upload a copy of your own instead.",
                        clue=clue.name,
                    )
                )
            if not self.env.su and files.filtered(lambda a: a.create_uid != self.env.user):
                raise ValidationError(self.env._("Only files you uploaded yourself can be attached."))
            loose = (files - own_line).sudo(False)
            if loose:
                # As the user: ir.attachment checks the target clue.
                loose.write({"res_model": clue._name, "res_id": clue.id})
            if own_line:
                # sudo: a file uploaded on this line moves to its clue, which
                # the user may edit (checked by the write of the line above);
                # ir.attachment never lets a bound file move by itself.
                own_line.write({"res_model": clue._name, "res_id": clue.id})
