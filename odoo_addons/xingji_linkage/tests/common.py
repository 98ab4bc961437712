# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user

# Role short name -> group XML id. The order is the order of the matrix.
ROLES = {
    "user": "xingji_linkage.group_xingji_user",
    "unit_manager": "xingji_linkage.group_xingji_unit_manager",
    "leader": "xingji_linkage.group_xingji_leader",
    "discipline": "xingji_linkage.group_xingji_discipline",
    "supervision": "xingji_linkage.group_xingji_supervision",
    "manager": "xingji_linkage.group_xingji_manager",
}


class XingjiCase(TransactionCase):
    """Fixtures shared by the linkage tests: one user per role, a few units.

    Users are fresh (not the demo ones) so the tests do not depend on demo
    data; ``cls.role_users[role]`` holds exactly that one role.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.role_users = {}
        for role, group in ROLES.items():
            cls.role_users[role] = new_test_user(
                cls.env,
                login=f"xj_test_{role}",
                name=f"Test {role}",
                groups=f"base.group_user,{group}",
            )
        cls.user_handler = cls.role_users["user"]
        cls.user_unit_manager = cls.role_users["unit_manager"]
        cls.user_leader = cls.role_users["leader"]
        cls.user_discipline = cls.role_users["discipline"]
        cls.user_supervision = cls.role_users["supervision"]
        cls.user_manager = cls.role_users["manager"]
        cls.settings_admin = new_test_user(
            cls.env,
            login="xj_test_settings_admin",
            name="Settings Admin",
            groups="base.group_user,base.group_system",
        )
        Unit = cls.env["xingji.unit"]
        cls.unit_enforcement = Unit.create(
            {
                "name": "测试执法处",
                "code": "T-ENF",
                "kind": "enforcement",
                "manager_id": cls.user_unit_manager.id,
                "member_ids": [(4, cls.user_handler.id)],
            }
        )
        cls.unit_supervision = Unit.create(
            {
                "name": "测试法规处",
                "code": "T-SUP",
                "kind": "supervision",
                "member_ids": [(4, cls.user_supervision.id)],
            }
        )
        cls.unit_discipline = Unit.create(
            {
                "name": "测试纪委",
                "code": "T-DIS",
                "kind": "discipline",
                "member_ids": [(4, cls.user_discipline.id)],
            }
        )
