# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextvars

from odoo import models

# Set while a confidential record's own reading (already logged) reads its
# lines: a server-side marker, out of the client's reach.
PARENT_READING = contextvars.ContextVar("xingji_parent_reading", default=False)


class XingjiConfidentialLineMixin(models.AbstractModel):
    """Lines of a confidential record (reported persons, materials,
    decisions) are its content: reading them directly over RPC is an
    opening of the record, written to the access log. Read as part of the
    record's form, they are covered by the record's own entry."""

    _name = "xingji.confidential.line.mixin"
    _description = "Line of a Need-to-know Confidential Record"

    # The many2one to the confidential record (override).
    _xingji_parent_field = "clue_id"

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if not self.env.su and not PARENT_READING.get():
            # Onchange reads unsaved lines (NewId): nothing to log.
            lines = self.browse([rid for rid in self._ids if isinstance(rid, int)])
            # sudo: the parent of lines the user was just allowed to read.
            parents = lines.sudo()[self._xingji_parent_field].with_env(self.env)
            logged = parents.filtered(lambda p: isinstance(p.id, int) and p._is_access_logged())
            if logged:
                self.env["xingji.access.log"]._log(logged, "open", self._description)
        return result
