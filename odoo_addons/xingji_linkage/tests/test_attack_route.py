# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Attacks over JSON-RPC on the transitions of issue 11: the 转送 by the
transit body, the answer of an external body, re-referral and copy of a
returned clue, the clue linked to a request for instruction."""
from odoo import fields
from odoo.fields import Command
from odoo.tests import new_test_user

from .attack_common import RpcError, XingjiAttackCase, tagged
from .clue_common import XingjiClueCase

HOSTILE = {"xingji_clue_workflow": True, "active_test": False}


@tagged("post_install", "-at_install", "xingji_clue", "xingji_security")
class TestAttackRoute(XingjiAttackCase, XingjiClueCase):
    def _pending(self):
        clue = self._new_clue(
            person_ids=[Command.create({"name": "刘某", "cadre_rank": "below_division", "is_party_member": False})]
        )
        return self._to_transferred(clue)

    def _forward_rpc(self, user, clue, method="system"):
        wizard = self.rpc(
            user, "xingji.clue.decision.wizard", "create",
            {"clue_id": clue.id, "action": "forward", "forward_number": "测纪〔2026〕9号",
             "forward_method": method, "forward_date": fields.Date.to_string(fields.Date.today())},
            context=HOSTILE,
        )
        return self.rpc(user, "xingji.clue.decision.wizard", "action_confirm", [wizard], context=HOSTILE)

    def test_only_the_transit_body_forwards(self):
        clue = self._pending()
        for user in (self.user_discipline2, self.user_handler, self.user_unit_manager):
            with self.subTest(user=user.login):
                wizard = self.rpc(
                    user, "xingji.clue.decision.wizard", "create",
                    {"clue_id": clue.id, "action": "forward", "forward_number": "测纪〔2026〕9号",
                     "forward_method": "system"},
                    context=HOSTILE,
                )
                self.assertRpcRefused(user, "xingji.clue.decision.wizard", "action_confirm", [wizard], context=HOSTILE)
        for vals in ({"transit_state": "forwarded"}, {"forward_number": "伪造文号"},
                     {"date_forwarded": "2026-03-01"}, {"forwarded_by_id": self.user_discipline.id}):
            with self.subTest(vals=vals):
                self.assertRpcRefused(self.user_discipline, "xingji.clue", "write", [clue.id], vals, context=HOSTILE)
        # The receiving body cannot accept what was not forwarded yet.
        self.assertRpcRefused(self.user_discipline2, "xingji.clue", "action_accept", [clue.id], context=HOSTILE)
        clue.invalidate_recordset()
        self.assertEqual(clue.sudo().transit_state, "pending")
        self._forward_rpc(self.user_discipline, clue)
        clue.invalidate_recordset()
        self.assertEqual(clue.sudo().transit_state, "forwarded")

    def test_nobody_but_the_transit_body_answers_for_an_external_body(self):
        external = self.env["xingji.unit"].create({"name": "外部纪检监察组", "code": "T-EXT2", "kind": "discipline"})
        self.env.ref("xingji_linkage.routing_rule_below_division_non_party").receiving_unit_id = external
        clue = self._pending()
        self._forward_rpc(self.user_discipline, clue, method="by_hand")
        for user in (self.user_handler, self.user_discipline2, self.user_leader):
            with self.subTest(user=user.login):
                self.assertRpcRefused(user, "xingji.clue", "action_accept", [clue.id], context=HOSTILE)
        self.rpc(self.user_discipline, "xingji.clue", "action_accept", [clue.id])
        self.assertRpcRefused(
            self.user_handler, "xingji.clue", "write", [clue.id],
            {"disposal": "no_action", "result": "伪造的处置结果"}, context=HOSTILE,
        )
        clue.invalidate_recordset()
        self.assertFalse(clue.sudo().result)

    def test_rerefer_and_copy_only_by_the_source_side(self):
        clue = self._pending()
        clue.with_user(self.user_discipline)._forward(fields.Date.today(), "测纪〔2026〕8号", "system")
        clue.with_user(self.user_discipline2)._return("不属于本机关管辖")
        for user in (self.user_discipline2, self.user_discipline, self.user_handler2):
            with self.subTest(user=user.login):
                self.assertRpcRefused(user, "xingji.clue", "action_rerefer", [clue.id], context=HOSTILE)
                self.assertRpcRefused(user, "xingji.clue", "action_copy_returned", [clue.id], context=HOSTILE)
        self.assertRpcRefused(self.user_handler, "xingji.clue", "copy", [clue.id], context=HOSTILE)
        self.assertRpcRefused(
            self.user_handler, "xingji.clue", "write", [clue.id], {"referral_round": 7}, context=HOSTILE
        )
        clue.invalidate_recordset()
        self.assertEqual((clue.sudo().state, clue.sudo().referral_round), ("returned", 1))

    def test_request_for_instruction_cannot_link_a_hidden_clue(self):
        hidden = self._new_clue()
        vals = {
            "name": "请示", "direction": "to_discipline", "notice_type": "request_instruction",
            "issuer_unit_id": self.unit_enforcement.id, "target_unit_id": self.unit_discipline.id,
        }
        self.assertRpcRefused(self.user_handler2, "xingji.notice", "create", dict(vals, clue_id=hidden.id), context=HOSTILE)
        self.assertRpcRefused(self.user_handler2, "xingji.notice", "create", dict(vals, clue_id=999999), context=HOSTILE)
        self.assertFalse(self.env["xingji.notice"].sudo().search([("clue_id", "=", hidden.id)]))

    def test_only_the_leader_in_charge_decides(self):
        leader2 = new_test_user(
            self.env, login="xj_test_leader_in_charge", name="分管局领导",
            groups="base.group_user,xingji_linkage.group_xingji_leader",
        )
        self.unit_enforcement.leader_in_charge_id = leader2
        clue = self._new_clue()
        clue.action_submit()
        clue.with_user(self.user_unit_manager)._approve("同意移送")
        self.assertEqual(clue.pending_approver_ids, leader2)
        # Another bureau leader neither reads nor decides the clue.
        self.assertRpcRefused(self.user_leader, "xingji.clue", "read", [clue.id], ["main_problem"], context=HOSTILE)
        try:
            wizard = self.rpc(
                self.user_leader, "xingji.clue.decision.wizard", "create",
                {"clue_id": clue.id, "action": "approve", "comment": "同意"}, context=HOSTILE,
            )
        except RpcError:
            wizard = None
        if wizard:
            self.assertRpcRefused(self.user_leader, "xingji.clue.decision.wizard", "action_confirm", [wizard],
                                  context=HOSTILE)
        clue.invalidate_recordset()
        self.assertEqual(clue.sudo().state, "approval")
