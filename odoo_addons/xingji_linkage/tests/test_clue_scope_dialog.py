# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The knowledge scope of a clue opens in a dialog of its own (stat button
知悉范围 on the form): the form itself reads no list of users, so opening a
clue stays cheap whatever the size of its scope (scripts/bench)."""
import json

from lxml import etree

from odoo.fields import Command

from .attack_common import RpcError, XingjiAttackCase, tagged
from .clue_common import XingjiClueCase

USER_LISTS = ("scope_user_ids", "extra_scope_user_ids", "pending_approver_ids")


@tagged("post_install", "-at_install", "xingji_clue")
class TestClueScopeDialog(XingjiAttackCase, XingjiClueCase):
    def _call_button(self, user, method, ids):
        """The button as the web client sends it (call_button, the record's id)."""
        self._login(user)
        self.env.flush_all()
        payload = {"id": 0, "jsonrpc": "2.0", "method": "call",
                   "params": {"model": "xingji.clue", "method": method, "args": [ids],
                              "kwargs": {"context": {"lang": "zh_CN", "tz": "Asia/Shanghai"}}}}
        body = self.url_open("/web/dataset/call_button", data=json.dumps(payload).encode(),
                             headers={"Content-Type": "application/json"}).json()
        self.env.invalidate_all()
        if "error" in body:
            raise RpcError(body["error"])
        return body["result"]

    def _arch_fields(self, user, view_id=False):
        views = self.rpc(user, "xingji.clue", "get_views", [[view_id, "form"]])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        return arch, {node.get("name") for node in arch.iter("field")}

    def test_form_shows_the_scope_size_and_reads_no_user_list(self):
        clue = self._to_transferred()
        arch, names = self._arch_fields(self.user_handler)
        self.assertFalse(names & set(USER_LISTS), "the clue form reads a list of users again")
        self.assertTrue(arch.xpath("//div[@name='button_box']/button[@name='action_open_scope']"))
        self.assertTrue(arch.xpath("//div[@name='button_box']/button[@name='action_view_rectifications']"),
                        "the rectification button shares the one button box")
        data = self.rpc(self.user_handler, "xingji.clue", "web_read", [clue.id], {"scope_count": {}})
        scope = clue.sudo().scope_user_ids
        self.assertGreater(len(scope), 3)
        self.assertEqual(data[0]["scope_count"], len(scope))

    def test_dialog_lists_the_scope_and_the_head_informs_a_colleague(self):
        clue = self._to_transferred()
        action = self._call_button(self.user_unit_manager, "action_open_scope", [clue.id])
        self.assertEqual((action["res_model"], action["res_id"], action["target"]), ("xingji.clue", clue.id, "new"))
        self.assertIn(clue.name, action["name"])
        self.assertIn("知悉范围", action["name"])
        view_id = action["views"][0][0]
        _arch, names = self._arch_fields(self.user_unit_manager, view_id)
        self.assertEqual(names & set(USER_LISTS), {"scope_user_ids", "extra_scope_user_ids"})
        spec = {name: {"fields": {"display_name": {}}} for name in ("scope_user_ids", "extra_scope_user_ids")}
        before = self.rpc(self.user_unit_manager, "xingji.clue", "web_read", [clue.id], spec)[0]
        self.assertEqual({u["id"] for u in before["scope_user_ids"]}, set(clue.sudo().scope_user_ids.ids))
        self.assertIn(self.user_handler.name, {u["display_name"] for u in before["scope_user_ids"]})
        # Saved from the dialog as the client saves it; the count follows.
        self.rpc(self.user_unit_manager, "xingji.clue", "web_save", [clue.id],
                 {"extra_scope_user_ids": [Command.link(self.user_handler2.id)]}, specification={"scope_count": {}})
        self.assertIn(self.user_handler2, clue.sudo().scope_user_ids)
        data = self.rpc(self.user_handler2, "xingji.clue", "web_read", [clue.id], {"scope_count": {}})
        self.assertEqual(data[0]["scope_count"], len(before["scope_user_ids"]) + 1)
        # The handler may not widen the scope from the dialog either.
        self.assertRpcRefused(self.user_handler, "xingji.clue", "web_save", [clue.id],
                              {"extra_scope_user_ids": [Command.link(self.user_discipline2.id)]},
                              specification={"scope_count": {}})

    def test_outsider_gets_the_same_answer_as_for_an_absent_clue(self):
        clue = self._to_transferred()
        outsider = self.user_handler2
        self.assertNotIn(outsider, clue.sudo().scope_user_ids)
        errors = []
        for ids in ([clue.id], [clue.id + 100000]):
            with self.assertRaises(RpcError) as cm:
                self._call_button(outsider, "action_open_scope", ids)
            errors.append((cm.exception.name, cm.exception.message.replace(str(ids[0]), "<id>")))
        self.assertEqual(errors[0], errors[1], "a hidden clue answers unlike an absent one")
        self.assertEqual(errors[0][0], "odoo.exceptions.AccessError")
        self.assertNotIn(clue.name, errors[0][1])

    def test_awaiting_decision_names_shown_while_a_step_waits(self):
        clue = self._new_clue()
        clue.action_submit()
        data = self.rpc(self.user_handler, "xingji.clue", "web_read", [clue.id], {"pending_approver_names": {}})
        self.assertEqual(data[0]["pending_approver_names"], "、".join(clue.sudo().pending_approver_ids.mapped("name")))
        self.assertIn(self.user_unit_manager.name, data[0]["pending_approver_names"])
