# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, models
from odoo.exceptions import AccessError

_logger = logging.getLogger(__name__)


class IrRule(models.Model):
    """Record rules of the confidential models change only with the module
    (install or upgrade); changes of other linkage-related rules are written
    to the access log and told to the bureau leaders."""

    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        """A clerk refused a linkage record reads a sentence saying what to
        do, not Odoo's joke about cookies; it names no record (not even in
        developer mode), so it says nothing of what is hidden."""
        if not records._name.startswith("xingji."):
            return super()._make_access_error(operation, records)
        _logger.info(
            "Access denied by record rules for operation: %s on record ids: %r, uid: %s, model: %s",
            operation,
            records.ids[:6],
            self.env.uid,
            records._name,
        )
        env = self.with_context(**self.env.user.context_get()).env
        document = env["ir.model"]._get(records._name).name or records._name
        if operation == "read":
            message = env._(
                "This %(document)s is not open to you: only the people working on it may read it. "
                "If your work needs it, ask the unit that owns it for access or ask your unit head.",
                document=document,
            )
        else:
            message = env._(
                "You may not change this %(document)s: only the people working on it may do so at "
                "this stage. If it needs a change, ask the person in charge of it or your unit head.",
                document=document,
            )
        return AccessError(message)

    @api.model_create_multi
    def create(self, vals_list):
        model_ids = [vals["model_id"] for vals in vals_list if vals.get("model_id")]
        # sudo: the technical names of the models the new rows are about.
        names = self.env["ir.model"].sudo().browse(model_ids).mapped("model")
        self.env["xingji.access.log"]._check_security_change(names)
        records = super().create(vals_list)
        records._xingji_log_change("create")
        return records

    def write(self, vals):
        # sudo: the technical names of the models the rows are about.
        names = self.sudo().model_id.mapped("model")
        if vals.get("model_id"):
            names += self.env["ir.model"].sudo().browse(vals["model_id"]).mapped("model")
        self.env["xingji.access.log"]._check_security_change(names)
        result = super().write(vals)
        self._xingji_log_change("write", sorted(vals))
        return result

    def unlink(self):
        # sudo: as in write.
        self.env["xingji.access.log"]._check_security_change(self.sudo().model_id.mapped("model"))
        self._xingji_log_change("unlink")
        return super().unlink()

    def _xingji_log_change(self, operation, fnames=()):
        Log = self.env["xingji.access.log"]
        # sudo: as in write.
        watched = self.sudo().filtered(lambda rec: Log._is_watched_model(rec.model_id.model))
        Log._log_config([
            (rec, f"{self._name} {operation} {rec.model_id.model} {','.join(fnames)}".strip())
            for rec in watched
        ])
