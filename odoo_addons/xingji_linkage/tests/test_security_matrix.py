# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib

from odoo.tests import tagged

from .common import ROLES, XingjiCase
from .security_matrix import MATRIX

OPERATIONS = {"c": "create", "r": "read", "w": "write", "u": "unlink"}
ADDONS = ("xingji_linkage", "xingji_reports")


def full_matrix(env):
    """This addon's matrix plus those of the other installed addons."""
    matrix = dict(MATRIX)
    for addon in ADDONS[1:]:
        installed = env["ir.module.module"].search_count(
            [("name", "=", addon), ("state", "=", "installed")]
        )
        if installed:
            module = importlib.import_module(f"odoo.addons.{addon}.tests.security_matrix")
            matrix.update(module.MATRIX)
    return matrix


@tagged("post_install", "-at_install", "xingji_security")
class TestSecurityMatrix(XingjiCase):
    def test_every_model_in_matrix(self):
        """Every model (wizards included) of both addons has a matrix row."""
        matrix = full_matrix(self.env)
        models = self.env["ir.model"].search([])
        ours = set()
        for model in models:
            modules = set((model.modules or "").replace(" ", "").split(","))
            if modules & set(ADDONS) and not self.env[model.model]._abstract:
                if model.model.startswith("xingji.") or model.model.startswith("report.xingji"):
                    ours.add(model.model)
        missing = sorted(ours - set(matrix))
        self.assertFalse(missing, f"Models without a security matrix row: {missing}")
        for model_name, rows in matrix.items():
            self.assertEqual(
                set(rows), set(ROLES), f"{model_name}: the matrix row must name every role"
            )

    def test_acl_matrix(self):
        """Each role gets exactly the operations the matrix allows, no more."""
        Access = self.env["ir.model.access"]
        failures = []
        for model_name, rows in full_matrix(self.env).items():
            for role, allowed in rows.items():
                user = self.role_users[role]
                for letter, operation in OPERATIONS.items():
                    granted = Access.with_user(user).check(
                        model_name, operation, raise_exception=False
                    )
                    if granted != (letter in allowed):
                        failures.append(f"{model_name} {role} {operation}: got {granted}")
        self.assertFalse(failures, "\n".join(failures))

    def test_every_model_has_acl_rows_for_every_role(self):
        """No model is left to the ACL default: each role has an explicit line."""
        groups = {role: self.env.ref(xmlid) for role, xmlid in ROLES.items()}
        lines = self.env["ir.model.access"].search(
            [("model_id.model", "in", list(full_matrix(self.env)))]
        )
        missing = []
        for model_name in full_matrix(self.env):
            model_lines = lines.filtered(lambda a, m=model_name: a.model_id.model == m)
            for role, group in groups.items():
                if group not in model_lines.group_id:
                    missing.append(f"{model_name}/{role}")
        self.assertFalse(missing, f"ACL lines missing: {missing}")

    def test_configuration_manager_sees_no_work_menu(self):
        """A configuration manager sees configuration and audit menus only."""
        Menu = self.env["ir.ui.menu"].with_user(self.user_manager)
        root = self.env.ref("xingji_linkage.xingji_menu_root")
        allowed_sections = (
            self.env.ref("xingji_linkage.xingji_menu_config")
            | self.env.ref("xingji_linkage.xingji_menu_audit")
        )
        visible = Menu.search([("id", "child_of", root.id)])
        self.assertIn(self.env.ref("xingji_linkage.xingji_unit_menu"), visible)
        outside = visible.filtered(
            lambda m: m != root and not (m | m.parent_id) & allowed_sections
            and m.parent_id.parent_id not in allowed_sections
        )
        self.assertFalse(
            outside, f"Menus a configuration manager should not see: {outside.mapped('complete_name')}"
        )

    def test_configuration_group_implies_no_work_role(self):
        manager_group = self.env.ref("xingji_linkage.group_xingji_manager")
        implied = manager_group.trans_implied_ids
        for role, xmlid in ROLES.items():
            if role != "manager":
                self.assertNotIn(self.env.ref(xmlid), implied)
