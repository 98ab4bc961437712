# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class XingjiWorkflowMixin(models.AbstractModel):
    """What the linkage's workflow documents share: a reference number from
    the ``ir.sequence`` whose code is the model name, a display name made of
    that reference (``reference``, when the model has one) and ``name``, and
    one refusal for a step taken in the wrong ``state``."""

    _name = "xingji.workflow.mixin"
    _description = "Linkage Workflow Document"
    # The field holding the reference number ("/" until numbered).
    _xingji_reference_field = "reference"

    @api.model_create_multi
    def create(self, vals_list):
        field = self._xingji_reference_field
        for vals in vals_list:
            if vals.get(field, "/") == "/":
                vals[field] = self.env["ir.sequence"].next_by_code(self._name) or "/"
        return super().create(vals_list)

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
