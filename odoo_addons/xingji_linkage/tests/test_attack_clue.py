# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Attacks on the clue workflow over JSON-RPC (issue 9 items 1-4, 6, 11; issue 13).

Each test sends what a hostile client can send: the former workflow
context key, values of guarded fields, calls in an unexpected order.
"""
from datetime import timedelta

from odoo import fields
from odoo.tests import TransactionCase
from odoo.fields import Command

from .attack_common import XingjiAttackCase, tagged
from .clue_common import XingjiClueCase

# The context key that used to open every guard of the clue.
OLD_KEY = {"xingji_clue_workflow": True}


@tagged("post_install", "-at_install", "xingji_clue", "xingji_security")
class TestAttackClue(XingjiAttackCase, XingjiClueCase):
    def _submitted(self, **vals):
        clue = self._new_clue(**vals)
        clue.action_submit()
        return clue

    def _decide(self, user, clue, action="approve", comment="同意"):
        wizard = self.rpc(
            user,
            "xingji.clue.decision.wizard",
            "create",
            {"clue_id": clue.id, "action": action, "comment": comment},
        )
        return self.rpc(user, "xingji.clue.decision.wizard", "action_confirm", [wizard])

    # ------------------------------------------------ item 1: no context key
    def test_state_and_content_not_writable_with_old_context(self):
        clue = self._submitted()
        for vals in (
            {"state": "draft"},
            {"state": "transferred"},
            {"main_problem": "改写后的问题"},
            {"date_deadline": "2099-01-01"},
            {"pending_approver_ids": [Command.link(self.user_handler.id)]},
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(self.user_handler, "xingji.clue", "write", [clue.id], vals, context=OLD_KEY)
        clue.invalidate_recordset()
        self.assertEqual(clue.sudo().state, "review")
        self.assertEqual(clue.sudo().main_problem, "检查中接受企业宴请")

    def test_submitted_clue_never_reset_nor_deleted(self):
        clue = self._to_transferred()
        self.assertRpcRefused(
            self.user_handler, "xingji.clue", "write", [clue.id], {"state": "draft"}, context=OLD_KEY
        )
        self.assertRpcRefused(self.user_handler, "xingji.clue", "unlink", [clue.id], context=OLD_KEY)
        self.assertTrue(clue.sudo().exists())
        self.assertEqual(clue.sudo().state, "transferred")

    def test_create_only_as_draft(self):
        vals = self._clue_vals(state="transferred", receiving_unit_id=self.unit_group.id)
        self.assertRpcRefused(self.user_handler, "xingji.clue", "create", vals, context=OLD_KEY)
        for forged in (
            {"date_submitted": "2026-03-03 08:00:00"},
            {"pending_approver_ids": [Command.set(self.user_handler2.ids)]},
            {"name": "XS-2026-9999"},
        ):
            with self.subTest(forged=forged):
                self.assertRpcRefused(
                    self.user_handler, "xingji.clue", "create", self._clue_vals(**forged), context=OLD_KEY
                )
        self.assertFalse(self.env["xingji.clue"].sudo().search([("receiving_unit_id", "=", self.unit_group.id)]))

    def test_extra_scope_only_widened_by_heads(self):
        draft = self._new_clue()
        self.assertRpcRefused(
            self.user_handler, "xingji.clue", "write", [draft.id],
            {"extra_scope_user_ids": [Command.link(self.user_handler2.id)]}, context=OLD_KEY,
        )
        clue = self._submitted()
        self.assertRpcRefused(
            self.user_handler, "xingji.clue", "write", [clue.id],
            {"extra_scope_user_ids": [Command.link(self.user_handler2.id)]}, context=OLD_KEY,
        )
        self.assertNotIn(self.user_handler2, clue.sudo().scope_user_ids)
        self.assertNotIn(self.user_handler2, draft.sudo().scope_user_ids)
        # The head of the source unit may inform a colleague.
        self.rpc(
            self.user_unit_manager, "xingji.clue", "write", [clue.id],
            {"extra_scope_user_ids": [Command.link(self.user_handler2.id)]},
        )
        self.assertIn(self.user_handler2, clue.sudo().scope_user_ids)

    def test_reported_person_lines_frozen(self):
        clue = self._submitted(
            person_ids=[
                Command.create(
                    {"name": "领导", "cadre_rank": "below_division", "is_party_member": True,
                     "user_id": self.user_leader.id}
                )
            ]
        )
        person = clue.sudo().person_ids
        self.assertRpcRefused(
            self.user_handler, "xingji.clue.person", "write", person.ids, {"user_id": False}, context=OLD_KEY
        )
        self.assertRpcRefused(
            self.user_handler, "xingji.clue", "write", [clue.id],
            {"person_ids": [Command.update(person.id, {"user_id": False})]}, context=OLD_KEY,
        )
        self.assertRpcRefused(self.user_handler, "xingji.clue.person", "unlink", person.ids, context=OLD_KEY)
        self.assertRpcRefused(
            self.user_handler, "xingji.clue.person", "create",
            {"clue_id": clue.id, "name": "新增", "cadre_rank": "none"}, context=OLD_KEY,
        )
        person.invalidate_recordset()
        self.assertEqual(person.user_id, self.user_leader)
        self.assertEqual(len(clue.sudo().person_ids), 1)
        self.assertNotIn(self.user_leader, clue.sudo().scope_user_ids)
        # Nor are decisions forged or edited.
        self.rpc(self.user_unit_manager, "xingji.clue", "read", [clue.id], ["name"])
        self._decide(self.user_unit_manager, clue)
        line = clue.sudo().approval_line_ids
        self.assertRpcRefused(
            self.user_handler, "xingji.clue.approval", "write", line.ids, {"comment": "改"}, context=OLD_KEY
        )
        self.assertRpcRefused(
            self.user_unit_manager, "xingji.clue.approval", "create",
            {"clue_id": clue.id, "user_id": self.user_unit_manager.id, "decision": "approve"}, context=OLD_KEY,
        )

    # ---------------------------------------------------- item 3: four eyes
    def test_head_never_approves_his_own_clue(self):
        self._parent_headed_by_leader(self.unit_enforcement)
        clue = self._new_clue(user=self.user_unit_manager, handler_id=self.user_unit_manager.id)
        self.rpc(self.user_unit_manager, "xingji.clue", "action_submit", [clue.id])
        self.assertEqual(clue.sudo().state, "review")
        # The step passes on as for 回避: the head of the parent unit decides.
        self.assertEqual(clue.sudo().pending_approver_ids, self.user_leader)
        self.assertRpcRefused(self.user_unit_manager, "xingji.clue.decision.wizard", "action_confirm", [
            self.rpc(self.user_unit_manager, "xingji.clue.decision.wizard", "create",
                     {"clue_id": clue.id, "action": "approve", "comment": "自己批"})
        ])
        self.assertFalse(clue.sudo().approval_line_ids)
        self._decide(self.user_leader, clue)
        self.assertEqual(clue.sudo().approval_line_ids.user_id, self.user_leader)

    def test_handler_in_approver_group_does_not_decide(self):
        step = self.env["xingji.approval.step"].create(
            {"name": "专人审批", "sequence": 15, "approver_kind": "users",
             "user_ids": [Command.set((self.user_handler | self.user_handler2).ids)]}
        )
        clue = self._submitted()
        self._decide(self.user_unit_manager, clue)
        self.assertEqual(clue.sudo().current_step_id, step)
        self.assertEqual(clue.sudo().pending_approver_ids, self.user_handler2)
        self.assertRpcRefused(self.user_handler, "xingji.clue.decision.wizard", "action_confirm", [
            self.rpc(self.user_handler, "xingji.clue.decision.wizard", "create",
                     {"clue_id": clue.id, "action": "approve", "comment": "自己批"})
        ])

    # ------------------------------------- item 4: configuration and scope
    def test_editing_a_step_informs_nobody_of_past_clues(self):
        clue = self._to_transferred()
        in_flight = self._submitted()
        before = clue.sudo().scope_user_ids
        before_in_flight = in_flight.sudo().scope_user_ids
        self.rpc(
            self.user_manager, "xingji.approval.step", "write", [self.step_leader.id],
            {"approver_kind": "users", "user_ids": [Command.set(self.user_handler2.ids)]},
        )
        self.rpc(
            self.user_manager, "xingji.approval.step", "write", [self.step_head.id],
            {"approver_kind": "users", "user_ids": [Command.set(self.user_supervision.ids)]},
        )
        self.env.invalidate_all()
        self.assertEqual(clue.sudo().scope_user_ids, before)
        self.assertEqual(in_flight.sudo().scope_user_ids, before_in_flight)
        self.assertEqual(in_flight.sudo().pending_approver_ids, self.user_unit_manager)
        self.assertFalse(
            self.rpc(self.user_handler2, "xingji.clue", "search", [("id", "in", [clue.id, in_flight.id])])
        )
        # The change is on record, with who made it.
        tracked = self.step_leader.sudo().message_ids.tracking_value_ids
        self.assertTrue(tracked.filtered(lambda t: t.field_id.name == "user_ids"))
        self.assertEqual(self.step_leader.sudo().message_ids[:1].author_id, self.user_manager.partner_id)

    def test_routing_rule_changes_tracked(self):
        rule = self.env.ref("xingji_linkage.routing_rule_other_cadres")
        self.env["xingji.routing.rule"].flush_model()
        self.rpc(self.user_manager, "xingji.routing.rule", "write", [rule.id], {"receiving_unit_id": self.unit_group.id})
        tracked = rule.sudo().message_ids.tracking_value_ids
        self.assertTrue(tracked.filtered(lambda t: t.field_id.name == "receiving_unit_id"))

    # ------------------------------------------- item 6: side channels
    def test_transfer_message_never_names_a_reported_transit_member(self):
        # 测试纪委 (transit body) member user_discipline is the reported person.
        clue = self._new_clue(
            person_ids=[
                Command.create(
                    {"name": "纪委干部", "cadre_rank": "division", "is_party_member": True,
                     "user_id": self.user_discipline.id}
                )
            ]
        )
        self._to_transferred(clue)
        self.assertEqual(clue.sudo().transit_unit_id, self.unit_discipline)
        partner = self.user_discipline.partner_id
        messages = clue.sudo().message_ids
        self.assertNotIn(partner, messages.partner_ids)
        self.assertNotIn(partner, messages.notification_ids.res_partner_id)
        self.assertNotIn(partner, clue.sudo().message_partner_ids)
        self.assertNotIn(self.user_discipline, clue.sudo().activity_ids.user_id)
        found = self.rpc(
            self.user_discipline, "mail.message", "search_read",
            [("model", "=", "xingji.clue"), ("res_id", "=", clue.id)], ["body"],
        )
        self.assertEqual(found, [])

    def test_posted_message_never_names_a_reported_person(self):
        clue = self._submitted(
            person_ids=[
                Command.create(
                    {"name": "同事", "cadre_rank": "below_division", "is_party_member": True,
                     "user_id": self.user_handler2.id}
                )
            ]
        )
        outsider = self.user_supervision
        partners = [self.user_handler2.partner_id.id, outsider.partner_id.id, self.user_unit_manager.partner_id.id]
        message_id = self.rpc(
            self.user_handler, "xingji.clue", "message_post", [clue.id],
            body="请关注", message_type="comment", subtype_xmlid="mail.mt_comment", partner_ids=partners,
        )
        message = self.env["mail.message"].browse(message_id)
        self.assertEqual(message.partner_ids, self.user_unit_manager.partner_id)
        for user in (self.user_handler2, outsider):
            with self.subTest(user=user.login):
                found = self.rpc(
                    user, "mail.message", "search_read",
                    [("model", "=", "xingji.clue"), ("res_id", "=", clue.id)], ["body"],
                )
                self.assertEqual(found, [])

    # ---------------------------------------------- item 11: bad input
    def test_impossible_dates_and_overlong_texts_refused(self):
        tomorrow = fields.Date.to_string(fields.Date.context_today(self.env["xingji.clue"]) + timedelta(days=2))
        for fname, value in (
            ("date_discovered", tomorrow),
            ("date_received", tomorrow),
            ("date_discovered", "1999-12-31"),
            ("date_discovered", "0001-01-01"),
            ("date_received", "99999-01-01"),
            ("date_discovered", "2026-02-30"),
        ):
            with self.subTest(field=fname, value=value):
                error = self.assertRpcRefused(
                    self.user_handler, "xingji.clue", "create", self._clue_vals(**{fname: value}),
                    names=("odoo.exceptions.ValidationError",),
                )
                self.assertNotIn("psycopg2", error.message)
        draft = self._new_clue()
        self.assertRpcRefused(
            self.user_handler, "xingji.clue", "write", [draft.id], {"date_discovered": tomorrow},
            names=("odoo.exceptions.ValidationError",),
        )
        error = self.assertRpcRefused(
            self.user_handler, "xingji.clue", "write", [draft.id], {"main_problem": "问" * 20001},
            names=("odoo.exceptions.ValidationError",),
        )
        self.assertIn("20000", error.message)
        self.assertRpcRefused(
            self.user_handler, "xingji.clue.person", "create",
            {"clue_id": draft.id, "name": "某" * 201, "cadre_rank": "none"},
            names=("odoo.exceptions.ValidationError",),
        )
        self.assertEqual(draft.sudo().main_problem, "检查中接受企业宴请")

    # ---------------------------------------------------- issue 13: copies
    def test_clue_is_never_copied(self):
        clue = self._submitted()
        error = self.assertRpcRefused(
            self.user_handler, "xingji.clue", "copy", [clue.id],
            default={"extra_scope_user_ids": [Command.set(self.user_handler2.ids)]}, context=OLD_KEY,
        )
        self.assertIn("split", error.message)
        draft = self._new_clue()
        self.assertRpcRefused(self.user_handler, "xingji.clue", "copy", [draft.id])
        self.assertEqual(
            self.env["xingji.clue"].sudo().search_count([("main_problem", "=", "检查中接受企业宴请")]), 2
        )


@tagged("post_install", "-at_install", "xingji_clue")
class TestClueDemoBuilder(TransactionCase):
    """The demo clues are made by the demo users through the real workflow
    (four eyes included): building them again must still work."""

    def test_demo_builder_runs_the_workflow(self):
        if not self.env.ref("xingji_linkage.user_handler_demo", raise_if_not_found=False):
            self.skipTest("no demo data")
        Data = self.env["ir.model.data"]
        existing = Data.search([("module", "=", "xingji_linkage"), ("model", "=", "xingji.clue")])
        for data in existing:
            data.name = f"{data.name}_before_test"
        existing.flush_recordset()
        self.env.registry.clear_cache()  # xmlid lookups are cached
        old = existing.mapped("res_id")
        self.env["xingji.clue"]._demo_create_clues()
        ref = self.env.ref
        expected = {
            "clue_demo_draft": "draft",
            "clue_demo_review": "review",
            "clue_demo_approval": "approval",
            "clue_demo_transferred": "transferred",
            "clue_demo_accepted": "accepted",
            "clue_demo_returned": "returned",
            "clue_demo_fed_back": "fed_back",
            "clue_demo_closed": "closed",
            "clue_demo_cancelled": "cancelled",
            "clue_demo_fault_verifying": "accepted",
            "clue_demo_fault_closed": "closed",
        }
        for xmlid, state in expected.items():
            clue = ref(f"xingji_linkage.{xmlid}")
            self.assertNotIn(clue.id, old, xmlid)
            self.assertEqual(clue.state, state, xmlid)
        # Four eyes: the drafting head of 局机关纪委 did not decide his own clue.
        fault = ref("xingji_linkage.clue_demo_fault_closed")
        self.assertEqual(fault.approval_line_ids.user_id, ref("xingji_linkage.user_leader_demo"))
