# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models


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

    # ------------------------------------------------ linkage roles (daily)
    # The roles do not imply each other in a chain, so Odoo would show them
    # as check boxes in developer mode only: this field shows them on the
    # user form for an administrator without developer mode.
    xingji_role_ids = fields.Many2many(
        "res.groups",
        string="Linkage Roles",
        compute="_compute_xingji_role_ids",
        inverse="_inverse_xingji_role_ids",
        search="_search_xingji_role_ids",
        domain=lambda self: [("category_id", "=", self.env.ref("xingji_linkage.module_category_xingji").id)],
        help="What the user does in the linkage: draft clues, head a unit, approve as a bureau leader, "
        "receive clues as discipline inspection or enforcement supervision, configure.",
    )

    def _xingji_roles(self):
        category = self.env.ref("xingji_linkage.module_category_xingji")
        # sudo: the roles are configuration; reading them grants nothing.
        return self.env["res.groups"].sudo().search([("category_id", "=", category.id)]).with_env(self.env)

    @api.depends("groups_id")
    def _compute_xingji_role_ids(self):
        roles = self._xingji_roles()
        for user in self:
            user.xingji_role_ids = user.groups_id & roles

    def _inverse_xingji_role_ids(self):
        roles = self._xingji_roles()
        for user in self:
            wanted = user.xingji_role_ids & roles
            commands = [Command.unlink(g.id) for g in roles - wanted] + [Command.link(g.id) for g in wanted]
            user.write({"groups_id": commands})

    def _search_xingji_role_ids(self, operator, value):
        # Pickers offer the users with a linkage role: ('xingji_role_ids', '!=', False).
        roles = self._xingji_roles()
        if operator in ("=", "!=") and not value:
            inside = [("groups_id", "in", roles.ids)]
            return inside if operator == "!=" else [("id", "not in", self._search(inside))]
        return [("groups_id", operator, value), ("groups_id", "in", roles.ids)]

    def _xingji_linkage_users(self):
        """The users of ``self`` who hold a linkage role (roles looked up once)."""
        roles = self._xingji_roles()
        return self.filtered(lambda user: user.groups_id & roles)

    # ---------------------------------- defaults of a linkage user (daily)
    # NOTE for merges: this class has one create() and one write(); any
    # other override of them here must be merged into these bodies.
    def _xingji_apply_linkage_defaults(self, keep=()):
        """A user who gets a linkage role is told in the Odoo inbox (a bureau
        often has no mail server) and lands on his linkage home page.
        ``keep``: the fields the caller set explicitly (left as they are)."""
        home = self.env.ref("xingji_linkage.xingji_home_action", raise_if_not_found=False)
        for user in self:
            vals = {}
            if user.notification_type != "inbox" and "notification_type" not in keep:
                vals["notification_type"] = "inbox"
            # The configuration manager has no work to list: no home page.
            worker = user.has_group("xingji_linkage.group_xingji_user")
            if home and worker and not user.action_id and "action_id" not in keep:
                vals["action_id"] = home.id
            if vals:
                # sudo: the defaults follow the role given by whoever may give it.
                user.sudo().write(vals)

    # ------------------------------------------------- role changes logged
    def _xingji_role_map(self):
        """{user id: his linkage roles}, to compare before and after a change."""
        roles = self._xingji_roles()
        # sudo: memberships compared before and after a change.
        return {user.id: user.sudo().groups_id & roles for user in self}

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        linkage = users._xingji_linkage_users()
        for user, vals in zip(users, vals_list):
            if user in linkage:
                user._xingji_apply_linkage_defaults(keep=set(vals))
        if self.env.registry.ready:
            # A new user with a linkage role is a security-configuration
            # change: logged and told to the bureau leaders.
            self.env["xingji.access.log"]._log_config([
                (self.browse(user_id), "res.users create: " + ", ".join(roles.mapped("full_name")))
                for user_id, roles in users._xingji_role_map().items()
                if roles
            ])
        return users

    def write(self, vals):
        groups_change = any(key == "groups_id" or key.startswith(("in_group_", "sel_groups_")) for key in vals)
        watch = self.env.registry.ready and (groups_change or "password" in vals)
        before = self._xingji_role_map() if watch else {}
        linkage_before = self._xingji_linkage_users() if groups_change else self
        result = super().write(vals)
        if groups_change:
            (self - linkage_before)._xingji_linkage_users()._xingji_apply_linkage_defaults(keep=set(vals))
        if watch:
            after = self._xingji_role_map()
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

    def _xingji_demo_set_inbox(self):
        """Demo helper: the demo linkage users read their notifications in
        Odoo and land on the linkage home page."""
        self._xingji_linkage_users()._xingji_apply_linkage_defaults()
