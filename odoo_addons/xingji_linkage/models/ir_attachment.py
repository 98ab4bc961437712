# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, models
from odoo.exceptions import AccessError, UserError

from .xingji_neighbour_mixin import confidential_models

BINDING_FIELDS = ("res_model", "res_id")
# What may still change on a frozen file: the share token Odoo sets itself.
FROZEN_WRITABLE = frozenset({"access_token"})
# Reading these over RPC is a download of the file.
CONTENT_FIELDS = {"datas", "raw", "db_datas"}


class IrAttachment(models.Model):
    """Files of confidential records.

    * A file of a frozen record (a submitted clue, a gated shared item) is
      frozen with it: nobody deletes it, moves it or changes its content;
      corrections are new files, the old ones are kept.
    * Only the user's own loose uploads (no record yet) are ever bound to a
      record, and the new target is checked whenever ``res_model`` or
      ``res_id`` changes: it must exist and the user must be allowed to
      write on it.  Nothing the user cannot read is re-bound to a record he
      can read.
    * A file of a confidential record is never copied.

    A confidential model says which of its records are frozen with
    ``_xingji_attachments_frozen()`` (returns the frozen subset); a model
    without it uses :meth:`_xingji_default_frozen`.
    """

    _inherit = "ir.attachment"

    # ------------------------------------------------------------ frozen
    @api.model
    def _xingji_default_frozen(self, records):
        """Confidential records are frozen once out of draft (clues) or
        when gated (shared items)."""
        if records._name not in confidential_models(self.env):
            return records.browse()
        fields_ = records._fields

        def frozen(record):
            if "state" in fields_ and record.state and record.state != "draft":
                return True
            return "grade" in fields_ and record.grade == "gated"

        return records.filtered(frozen)

    def _xingji_bindings(self):
        """{(res_model, res_id)} of each attachment, read without rules."""
        self.env["ir.attachment"].flush_model(["res_model", "res_id", "res_field", "create_uid"])
        if not self.ids:
            return {}
        self.env.cr.execute(
            "SELECT id, res_model, res_id, res_field, create_uid FROM ir_attachment WHERE id IN %s",
            [tuple(self.ids)],
        )
        return {row[0]: row[1:] for row in self.env.cr.fetchall()}

    @api.model
    def _xingji_frozen_targets(self, pairs):
        """The (res_model, res_id) pairs of ``pairs`` that are frozen."""
        by_model = defaultdict(set)
        for model, res_id in pairs:
            if model and res_id and model in self.env:
                by_model[model].add(res_id)
        frozen = set()
        for model, ids in by_model.items():
            # sudo: the freeze holds whatever the user may read of the record.
            records = self.env[model].sudo().with_context(active_test=False).browse(ids).exists()
            hook = getattr(records, "_xingji_attachments_frozen", None)
            frozen_records = hook() if hook else self._xingji_default_frozen(records)
            frozen.update((model, rid) for rid in frozen_records.ids)
        return frozen

    def _xingji_check_not_frozen(self, bindings=None):
        bindings = bindings if bindings is not None else self._xingji_bindings()
        frozen = self._xingji_frozen_targets(
            {(model, res_id) for model, res_id, field, _uid in bindings.values() if not field}
        )
        if any((model, res_id) in frozen for model, res_id, field, _uid in bindings.values() if not field):
            raise UserError(
                self.env._(
                    "This file belongs to a submitted or strictly approved record and is kept with "
                    "it: it cannot be deleted, moved or changed. Attach a new file with the correction "
                    "instead."
                )
            )

    # ---------------------------------------------------------- targets
    @api.model
    def _xingji_check_target(self, res_model, res_id):
        """The user may bind a file to ``res_model``/``res_id``: the record
        exists and he may write on it.  Hidden and absent records get the
        same answer."""
        if not (res_model and res_id):
            return
        refused = AccessError(
            self.env._("You cannot attach a file to this record: it does not exist or you may not edit it.")
        )
        if res_model not in self.env:
            raise refused
        record = self.env[res_model].browse(res_id)
        if not record.exists() or not record.has_access("write"):
            raise refused

    # ------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for res_model, res_id in {(v.get("res_model"), v.get("res_id")) for v in vals_list}:
                self._xingji_check_target(res_model, res_id)
        return super().create(vals_list)

    def write(self, vals):
        if self.env.su or not self:
            return super().write(vals)
        bindings = self._xingji_bindings()
        if set(vals) - FROZEN_WRITABLE:
            self._xingji_check_not_frozen(bindings)
        if any(field in vals for field in BINDING_FIELDS):
            for att_id, (model, res_id, field, create_uid) in bindings.items():
                new_model = vals.get("res_model", model)
                new_id = vals.get("res_id", res_id)
                if (new_model or False, new_id or False) == (model or False, res_id or False):
                    continue
                if field:
                    raise AccessError(self.env._("The file of a field cannot be moved to another record."))
                if res_id and new_id:
                    # Re-binding a file of one record to another would carry
                    # it out of its record's knowledge scope.
                    raise UserError(
                        self.env._(
                            "A file of another record cannot be moved here: upload a copy of your own instead."
                        )
                    )
                if new_id and create_uid != self.env.uid:
                    raise UserError(self.env._("Only files you uploaded yourself can be attached."))
                self._xingji_check_target(new_model, new_id)
        return super().write(vals)

    def unlink(self):
        if not self.env.su and self:
            self._xingji_check_not_frozen()
        return super().unlink()

    def copy(self, default=None):
        if not self.env.su:
            names = set(confidential_models(self.env))
            if any(model in names for model, _rid, _f, _u in self._xingji_bindings().values()):
                raise UserError(
                    self.env._("A file of a confidential record cannot be copied: ask for access instead.")
                )
        return super().copy(default=default)

    # ---------------------------------------------------------- logging
    def _read_format(self, fnames, load="_classic_read"):
        """Reading the content of a confidential record's attachment over
        RPC (``read(['datas'])``) is a download: write it to the access log,
        one entry per file, in one insert."""
        result = super()._read_format(fnames, load=load)
        if not self.env.su and CONTENT_FIELDS & set(fnames or ()):
            self._xingji_log_download()
        return result

    def _xingji_log_download(self):
        # sudo: res_model / res_id / name of attachments the user was just
        # allowed to read.
        self.env["xingji.access.log"]._log_documents(
            [(a.res_model, a.res_id, a.name) for a in self.sudo()], "download"
        )
