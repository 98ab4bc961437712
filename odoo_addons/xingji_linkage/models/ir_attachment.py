# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

CONTENT_FIELDS = {"datas", "raw", "db_datas"}


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _read_format(self, fnames, load="_classic_read"):
        """Reading the content of a confidential record's attachment over
        RPC (``read(['datas'])``) is a download: write it to the access log,
        one entry per file, in one insert."""
        result = super()._read_format(fnames, load=load)
        if not self.env.su and CONTENT_FIELDS & set(fnames or ()):
            self._xingji_log_download()
        return result

    def _xingji_log_download(self):
        entries = []
        # sudo: res_model / res_id / name of attachments the user was just
        # allowed to read.
        for attachment in self.sudo():
            if not (attachment.res_model and attachment.res_id):
                continue
            model = self.env.get(attachment.res_model)
            if model is None or "scope_user_ids" not in model._fields:
                continue
            target = model.browse(attachment.res_id).exists()
            if target and target._is_access_logged():
                entries.append((target, "download", attachment.name))
        if entries:
            self.env["xingji.access.log"]._log_entries(entries)
