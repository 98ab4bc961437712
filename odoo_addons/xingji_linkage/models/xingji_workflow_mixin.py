# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError


class XingjiWorkflowMixin(models.AbstractModel):
    """What the linkage's workflow documents share: a reference number from
    the ``ir.sequence`` whose code is the model name, a display name made of
    that reference (``reference``, when the model has one) and ``name``, one
    refusal for a step taken in the wrong ``state``, and one guard on the
    fields only the workflow writes.

    The guard: ``state`` and the fields a transition stamps (dates, decider,
    verifier, reasons — ``_xingji_workflow_fields``) are never written by a
    user, whatever the client sends (arguments or context). A transition
    checks the state and the user's role, then writes them with
    :meth:`_xingji_workflow_write` (``sudo()``, which keeps ``env.uid``: the
    real user stays ``write_uid`` and the author of the tracking). No context
    key opens the guard; only code running as superuser passes it.
    """

    _name = "xingji.workflow.mixin"
    _description = "Linkage Workflow Document"
    # The field holding the reference number ("/" until numbered).
    _xingji_reference_field = "reference"
    # Fields only transitions write (override: state and every stamp).
    _xingji_workflow_fields = ("state",)

    # ------------------------------------------------------------ guard
    def _xingji_check_workflow_vals(self, vals_list, creating=False):
        """Refuse values of workflow fields sent by a user. On create, a
        value equal to the field's default (what a form sends) passes."""
        if self.env.su:
            return
        guarded = set(self._xingji_workflow_fields)
        for vals in vals_list:
            touched = guarded.intersection(vals)
            if creating and touched:
                defaults = self.default_get(list(touched))
                touched = {
                    name
                    for name in touched
                    if vals[name] not in (False, None) and vals[name] != defaults.get(name)
                }
            if touched:
                labels = "、".join(
                    sorted(self._fields[name]._description_string(self.env) for name in touched)
                )
                raise UserError(
                    self.env._(
                        "%(fields)s change only through the buttons of the %(document)s; "
                        "use the button for the step you want to take.",
                        fields=labels,
                        document=self._description,
                    )
                )

    def _xingji_workflow_write(self, vals):
        """Write what a transition decided, after its checks passed.

        sudo: users hold no right to write the workflow fields (the guard
        refuses them); the transition has checked the state and the user's
        role. ``sudo()`` keeps ``env.uid``, so ``write_uid`` and the tracking
        author remain the real user."""
        return self.sudo().write(vals)

    def write(self, vals):
        self._xingji_check_workflow_vals([vals])
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        self._xingji_check_workflow_vals(vals_list, creating=True)
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
