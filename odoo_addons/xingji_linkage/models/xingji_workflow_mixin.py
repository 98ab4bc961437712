# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import UserError
from odoo.fields import Command


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
    # The field holding the reference number ("/" until numbered); None
    # (or a field the model lacks) when the model is not numbered.
    _xingji_reference_field = "reference"
    # Fields only transitions write (override: state and every stamp).
    _xingji_workflow_fields = ("state",)
    # Many2one links whose target's name is shown only to users who may
    # read the target (``read``/``web_read`` show the name as superuser).
    _xingji_masked_link_fields = ()

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

    def _xingji_check_link_vals(self, vals_list):
        """A link (many2one, reference, many2many link/set) can only be set
        to a record the user may read: otherwise the link would show its
        name to him, or let his record act on a record he cannot see."""
        if self.env.su:
            return
        targets = {}
        for vals in vals_list:
            for name, value in vals.items():
                field = self._fields.get(name)
                if not field or not value:
                    continue
                if field.type == "many2one":
                    ids = [value.id if isinstance(value, models.BaseModel) else value]
                    targets.setdefault(field.comodel_name, set()).update(ids)
                elif field.type == "reference":
                    if isinstance(value, models.BaseModel):
                        model, res_id = value._name, value.id
                    else:
                        model, _sep, res_id = str(value).partition(",")
                    if model in self.env and res_id:
                        targets.setdefault(model, set()).add(int(res_id))
                elif field.type == "many2many" and isinstance(value, (list, tuple)):
                    ids = set()
                    for command in value:
                        if not isinstance(command, (list, tuple)):
                            ids.add(command)
                        elif command[0] == Command.LINK:
                            ids.add(command[1])
                        elif command[0] == Command.SET:
                            ids.update(command[2] or ())
                    targets.setdefault(field.comodel_name, set()).update(ids)
        for model, ids in targets.items():
            records = self.env[model].browse(i for i in ids if isinstance(i, int) and i)
            existing = records.exists()
            # Hidden and absent records get the same refusal, naming nothing.
            if len(existing) != len(records) or existing._filtered_access("read") != existing:
                raise UserError(
                    self.env._(
                        "A linked record does not exist or you may not read it: choose "
                        "one you can open."
                    )
                )

    def _xingji_mask_links(self, values_list, web=False):
        """Replace, in read results, the name of a linked record the user
        may not read by a neutral label (the id alone tells nothing)."""
        if self.env.su or not self._xingji_masked_link_fields or not values_list:
            return values_list
        label = self.env._("Restricted record")
        for name in self._xingji_masked_link_fields:
            field = self._fields[name]
            ids = set()
            for values in values_list:
                value = values.get(name)
                if isinstance(value, dict):
                    ids.add(value.get("id"))
                elif isinstance(value, (list, tuple)) and value:
                    ids.add(value[0])
            ids.discard(False)
            ids.discard(None)
            if not ids:
                continue
            targets = self.env[field.comodel_name].browse(ids)
            hidden = set((targets - targets._filtered_access("read")).ids)
            if not hidden:
                continue
            for values in values_list:
                value = values.get(name)
                if isinstance(value, dict) and value.get("id") in hidden and "display_name" in value:
                    value["display_name"] = label
                elif isinstance(value, (list, tuple)) and value and value[0] in hidden:
                    values[name] = (value[0], label)
        return values_list

    def read(self, fields=None, load="_classic_read"):
        return self._xingji_mask_links(super().read(fields=fields, load=load))

    def web_read(self, specification):
        return self._xingji_mask_links(super().web_read(specification), web=True)

    def _xingji_workflow_write(self, vals):
        """Write what a transition decided, after its checks passed.

        sudo: users hold no right to write the workflow fields (the guard
        refuses them); the transition has checked the state and the user's
        role. ``sudo()`` keeps ``env.uid``, so ``write_uid`` and the tracking
        author remain the real user."""
        return self.sudo().write(vals)

    def write(self, vals):
        self._xingji_check_workflow_vals([vals])
        self._xingji_check_link_vals([vals])
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        self._xingji_check_workflow_vals(vals_list, creating=True)
        self._xingji_check_link_vals(vals_list)
        field = self._xingji_reference_field
        if field and field in self._fields:
            for vals in vals_list:
                if vals.get(field, "/") == "/":
                    vals[field] = self.env["ir.sequence"].next_by_code(self._name) or "/"
        return super().create(vals_list)

    @api.depends(lambda self: [f for f in ("reference", "name") if f in self._fields])
    def _compute_display_name(self):
        if "name" not in self._fields:
            return super()._compute_display_name()
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
