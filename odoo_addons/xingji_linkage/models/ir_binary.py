# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrBinary(models.AbstractModel):
    _inherit = "ir.binary"

    def _record_to_stream(self, record, field_name):
        """Write every download of a confidential record's attachment to the
        log. ``/web/content`` runs on a read-only cursor: the log writes
        through a short cursor of its own, the request is not replayed."""
        stream = super()._record_to_stream(record, field_name)
        if record._name == "ir.attachment" and not self.env.su:
            record.with_env(self.env)._xingji_log_download()
        return stream
