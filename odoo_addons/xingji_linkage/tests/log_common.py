# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the access-log tests, usable by an HttpCase (which cannot
inherit the TransactionCase fixtures of ``common`` / ``clue_common``):
one user per role, the test bodies, a transferred clue whose reported
person is a leader with an account, and an auditor outside its scope."""
import base64

from odoo.fields import Command
from odoo.tests import new_test_user

from .common import ROLES


def setup_log_fixture(cls):
    env = cls.env
    cls.role_users = {
        role: new_test_user(
            env, login=f"xj_log_{role}", name=f"Log {role}", groups=f"base.group_user,{group}"
        )
        for role, group in ROLES.items()
    }
    cls.user_handler = cls.role_users["user"]
    cls.user_unit_manager = cls.role_users["unit_manager"]
    cls.user_leader = cls.role_users["leader"]
    cls.user_discipline = cls.role_users["discipline"]
    cls.user_manager = cls.role_users["manager"]
    cls.user_discipline2 = new_test_user(
        env, login="xj_log_discipline2", name="Log discipline group",
        groups="base.group_user,xingji_linkage.group_xingji_discipline",
    )
    # A leader who is reported in the clue (回避) and an auditor of another body.
    cls.user_reported = new_test_user(
        env, login="xj_log_reported", name="Log reported leader",
        groups="base.group_user,xingji_linkage.group_xingji_leader",
    )
    cls.user_outsider = new_test_user(
        env, login="xj_log_outsider", name="Log outside auditor",
        groups="base.group_user,xingji_linkage.group_xingji_discipline",
    )
    cls.settings_admin = new_test_user(
        env, login="xj_log_admin", name="Log settings admin", groups="base.group_user,base.group_system"
    )
    Unit = env["xingji.unit"]
    cls.unit_enforcement = Unit.create({
        "name": "日志测试执法处", "code": "L-ENF", "kind": "enforcement",
        "manager_id": cls.user_unit_manager.id,
        "member_ids": [Command.link(cls.user_handler.id), Command.link(cls.user_reported.id)],
    })
    cls.unit_discipline = Unit.create({
        "name": "日志测试纪委", "code": "L-DIS", "kind": "discipline",
        "manager_id": cls.user_discipline.id, "member_ids": [Command.link(cls.user_discipline.id)],
    })
    cls.unit_group = Unit.create({
        "name": "日志测试纪检组", "code": "L-ZJZ", "kind": "discipline",
        "manager_id": cls.user_discipline2.id,
    })
    cls.unit_other = Unit.create({
        "name": "日志测试县纪委", "code": "L-OUT", "kind": "discipline",
        "manager_id": cls.user_outsider.id, "member_ids": [Command.link(cls.user_outsider.id)],
    })
    ref = env.ref
    for xmlid in ("routing_rule_bureau", "routing_rule_division", "routing_rule_below_division_non_party"):
        ref(f"xingji_linkage.{xmlid}").write(
            {"receiving_unit_id": cls.unit_group.id, "transit_unit_id": cls.unit_discipline.id}
        )
    ref("xingji_linkage.routing_rule_other_cadres").write(
        {"receiving_unit_id": cls.unit_discipline.id, "transit_unit_id": False}
    )
    clue = env["xingji.clue"].with_user(cls.user_handler).create({
        "direction": "to_discipline",
        "source_unit_id": cls.unit_enforcement.id,
        "date_discovered": "2026-03-02",
        "source": "inspection",
        "nature": "duty_violation",
        "main_problem": "检查中接受企业宴请",
        "handler_id": cls.user_handler.id,
        "no_proposal_confirmed": True,
        "person_ids": [Command.create({
            "name": "王某", "cadre_rank": "below_division", "is_party_member": True,
            "user_id": cls.user_reported.id,
        })],
    })
    clue.action_submit()
    clue.with_user(cls.user_unit_manager)._approve("同意移送")
    clue.with_user(cls.user_leader)._approve("同意")
    cls.clue = clue.sudo()
    # sudo: the fixture attaches a file as the drafter's tool would.
    cls.attachment = env["ir.attachment"].sudo().create({
        "name": "证据.txt", "res_model": "xingji.clue", "res_id": clue.id,
        "datas": base64.b64encode(b"evidence"),
    })
