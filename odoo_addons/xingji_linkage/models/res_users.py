# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    xingji_unit_ids = fields.Many2many(
        "xingji.unit",
        relation="xingji_unit_member_rel",
        column1="user_id",
        column2="unit_id",
        string="Linkage Units",
    )
    xingji_managed_unit_ids = fields.One2many(
        "xingji.unit", "manager_id", string="Units Headed"
    )

    def _xingji_demo_set_lang(self, lang="zh_CN"):
        """Demo helper: switch demo users to Chinese when it is installed."""
        if self.env["res.lang"]._lang_get(lang):
            self.write({"lang": lang})

    # ------------------------------------------------- role changes logged
    @api.model
    def _xingji_groups(self):
        category = self.env.ref("xingji_linkage.module_category_xingji", raise_if_not_found=False)
        if not category:
            return self.env["res.groups"]
        # sudo: the list of linkage roles, to compare memberships.
        return self.env["res.groups"].sudo().search([("category_id", "=", category.id)])

    def _xingji_roles(self):
        groups = self._xingji_groups()
        # sudo: memberships compared before and after a change.
        return {user.id: user.sudo().groups_id & groups for user in self}

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        if self.env.registry.ready:
            self.env["xingji.access.log"]._log_config([
                (self.browse(user_id), "res.users create: " + ", ".join(roles.mapped("full_name")))
                for user_id, roles in users._xingji_roles().items()
                if roles
            ])
        return users

    def write(self, vals):
        watch = self.env.registry.ready and any(
            key == "groups_id" or key.startswith(("in_group_", "sel_groups_")) or key == "password"
            for key in vals
        )
        before = self._xingji_roles() if watch else {}
        result = super().write(vals)
        if watch:
            after = self._xingji_roles()
            changes = []
            for user in self:
                added = after[user.id] - before[user.id]
                removed = before[user.id] - after[user.id]
                parts = [f"+{name}" for name in added.mapped("full_name")]
                parts += [f"-{name}" for name in removed.mapped("full_name")]
                if parts:
                    changes.append((user, "res.users roles: " + ", ".join(parts)))
                if "password" in vals and after[user.id] and user.id != self.env.uid:
                    changes.append((user, "res.users password reset by another user"))
            self.env["xingji.access.log"]._log_config(changes)
        return result
