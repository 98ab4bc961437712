# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from .attack_common import XingjiAttackCase, tagged


@tagged("post_install", "-at_install")
class TestAttackUnit(XingjiAttackCase):
    """Naming a liaison opens the unit's clues: only its head or a bureau
    leader does it, never the configuration role (over JSON-RPC)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, login="xj_atk_cfg", groups="base.group_user,xingji_linkage.group_xingji_manager"
        )
        cls.head = new_test_user(
            cls.env, login="xj_atk_head", groups="base.group_user,xingji_linkage.group_xingji_unit_manager"
        )
        cls.clerk = new_test_user(
            cls.env, login="xj_atk_clerk", groups="base.group_user,xingji_linkage.group_xingji_user"
        )
        cls.unit = cls.env["xingji.unit"].create(
            {"name": "攻击测试处", "code": "ATK-U", "kind": "enforcement", "manager_id": cls.head.id}
        )

    def test_configuration_role_cannot_name_a_liaison(self):
        # The configuration role has no access to the wizard at all.
        self.assertRpcRefused(self.manager, "xingji.unit.liaison.wizard", "create",
                              {"unit_id": self.unit.id, "liaison_ids": [(6, 0, [self.manager.id])]})
        for liaison in (self.manager, self.clerk):
            error = self.assertRpcRefused(
                self.manager, "xingji.unit", "write", [self.unit.id],
                {"liaison_ids": [(4, liaison.id)]},
                context={"xingji_clue_workflow": True, "install_mode": True},
            )
            self.assertIn(self.head.name, error.message)
        self.assertFalse(self.unit.liaison_ids)

    def test_head_names_the_liaison_and_it_is_tracked(self):
        # The head has no right to edit units: he names liaisons with the wizard.
        self.assertRpcRefused(self.head, "xingji.unit", "write", [self.unit.id], {"liaison_ids": [(4, self.clerk.id)]})
        wizard = self.rpc(self.head, "xingji.unit.liaison.wizard", "create",
                          {"unit_id": self.unit.id, "liaison_ids": [(6, 0, [self.clerk.id])]})
        self.rpc(self.head, "xingji.unit.liaison.wizard", "action_apply", [wizard])
        self.assertEqual(self.unit.liaison_ids, self.clerk)
        self.assertIn(self.clerk, self.unit.member_ids)
        tracked = self.unit.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "liaison_ids"
        )
        self.assertTrue(tracked, "naming a liaison is recorded in the unit's chatter")
