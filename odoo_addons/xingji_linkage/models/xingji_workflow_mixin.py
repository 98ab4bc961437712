# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class XingjiWorkflowMixin(models.AbstractModel):
    """What the linkage's workflow documents share: a display name made of
    their reference number (``reference``, when the model has one) and
    ``name``, and one refusal for a step taken in the wrong ``state``."""

    _name = "xingji.workflow.mixin"
    _description = "Linkage Workflow Document"

    @api.depends(lambda self: [f for f in ("reference", "name") if f in self._fields])
    def _compute_display_name(self):
        has_reference = "reference" in self._fields
        for record in self:
            reference = record.reference if has_reference else False
            record.display_name = (
                f"{reference} {record.name}" if reference not in (False, "/") else record.name
            )

    def _check_state(self, allowed):
        """Refuse the step unless every record is in one of ``allowed``."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for record in self:
            if record.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(name)s is “%(state)s”; this step is not possible now.",
                        name=record.display_name,
                        state=labels[record.state],
                    )
                )
