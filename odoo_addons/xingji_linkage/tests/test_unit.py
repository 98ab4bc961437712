# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import XingjiCase


@tagged("post_install", "-at_install", "xingji_unit")
class TestUnit(XingjiCase):
    def test_manager_creates_and_edits_unit_in_form(self):
        with Form(self.env["xingji.unit"].with_user(self.user_manager)) as form:
            form.name = "药品安全稽查处"
            form.code = "T-JCC"
            form.kind = "enforcement"
            form.parent_id = self.unit_enforcement
            form.manager_id = self.user_unit_manager
        unit = form.record
        self.assertEqual(unit.complete_name, "测试执法处 / 药品安全稽查处")
        self.assertIn(self.user_unit_manager, unit.member_ids, "the head is always a member")
        # Liaisons are named by the head (the configuration role may not).
        with self.assertRaises(UserError):
            unit.with_user(self.user_manager).write({"liaison_ids": [(4, self.user_handler.id)]})
        wizard = (
            self.env["xingji.unit.liaison.wizard"]
            .with_user(self.user_unit_manager)
            .with_context(active_id=unit.id)
            .create({"liaison_ids": [(4, self.user_handler.id)]})
        )
        wizard.action_apply()
        self.assertIn(self.user_handler, unit.member_ids, "a liaison is always a member")
        self.assertIn(unit, self.user_handler.xingji_unit_ids)

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_work_roles_cannot_edit_units(self):
        for role in ("user", "unit_manager", "leader", "discipline", "supervision"):
            with self.subTest(role=role), self.assertRaises(AccessError):
                self.unit_enforcement.with_user(self.role_users[role]).write({"name": "X"})

    def test_work_roles_read_units(self):
        units = self.env["xingji.unit"].with_user(self.user_handler).search(
            [("code", "in", ["T-ENF", "T-DIS"])]
        )
        self.assertEqual(len(units), 2)

    def test_unit_cannot_be_its_own_parent(self):
        child = self.env["xingji.unit"].create(
            {"name": "子单位", "parent_id": self.unit_enforcement.id}
        )
        with self.assertRaises(UserError):
            self.unit_enforcement.parent_id = child

    def test_code_unique(self):
        from psycopg2 import IntegrityError

        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["xingji.unit"].create({"name": "重复", "code": "T-ENF"})
            self.env.flush_all()

    def test_units_of_user(self):
        self.assertEqual(
            self.env["xingji.unit"]._get_units_of_user(self.user_handler), self.unit_enforcement
        )

    def test_violation_catalogue_seeded(self):
        VT = self.env["xingji.violation.type"]
        self.assertEqual(VT.search_count([("subject", "=", "organ")]), 11, "seed 001 art. 13")
        self.assertGreaterEqual(VT.search_count([("subject", "=", "person")]), 16)
        for power in ("license", "penalty", "coercion", "inspection", "reward", "other"):
            self.assertTrue(VT.search_count([("power_type", "=", power)]), power)
