# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResGroups(models.Model):
    _inherit = "res.groups"

    def write(self, vals):
        """Adding users to a linkage role, or making any group imply one,
        is written to the access log and told to the leaders."""
        if not self.env.registry.ready or not ({"users", "implied_ids"} & set(vals)):
            return super().write(vals)
        roles = self.env["res.users"]._xingji_roles()
        # sudo: memberships compared before and after the change.
        before = {group.id: (group.sudo().users, group.sudo().implied_ids) for group in self}
        result = super().write(vals)
        changes = []
        for group in self.sudo():
            users_before, implied_before = before[group.id]
            parts = []
            if group in roles:
                parts += [f"+{login}" for login in (group.users - users_before).mapped("login")]
                parts += [f"-{login}" for login in (users_before - group.users).mapped("login")]
            implied_roles = (group.implied_ids - implied_before) & roles
            parts += [f"implies {role.full_name}" for role in implied_roles]
            if parts:
                changes.append((group, "res.groups: " + ", ".join(parts)))
        self.env["xingji.access.log"]._log_config(changes)
        return result
