# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrBinary(models.AbstractModel):
    _inherit = "ir.binary"

    def _record_to_stream(self, record, field_name):
        """Write every download of a confidential record's attachment to the log."""
        stream = super()._record_to_stream(record, field_name)
        if record._name == "ir.attachment" and record.res_model and record.res_id:
            model = self.env.get(record.res_model)
            if model is not None and "scope_user_ids" in model._fields and not self.env.su:
                target = model.browse(record.res_id).exists()
                if target and target._is_access_logged():
                    self.env["xingji.access.log"]._log(
                        target, "download", detail=record.name
                    )
        return stream
