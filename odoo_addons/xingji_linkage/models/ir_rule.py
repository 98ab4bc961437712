# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import models
from odoo.exceptions import AccessError

_logger = logging.getLogger(__name__)


class IrRule(models.Model):
    """Record rules of the confidential models change only with the module;
    other linkage-related changes are logged (see the guard mixin). A refused
    clerk reads a sentence that says what to do."""

    _name = "ir.rule"
    # The guard comes first so that its checks run before the row changes.
    _inherit = ["xingji.security.rule.guard.mixin", "ir.rule"]

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
