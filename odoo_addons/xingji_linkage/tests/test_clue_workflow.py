# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged

from .clue_common import XingjiClueCase


@tagged("post_install", "-at_install", "xingji_clue")
class TestClueWorkflow(XingjiClueCase):
    def test_sequence_numbers_per_direction(self):
        clue = self._new_clue()
        self.assertRegex(clue.name, r"^XS-\d{4}-\d{4}$")
        fault = self._new_clue(
            user=self.user_discipline,
            direction="to_supervision",
            source_unit_id=self.unit_discipline.id,
            violation_facts="未告知陈述申辩权利",
        )
        self.assertRegex(fault.name, r"^JC-\d{4}-\d{4}$")
        # A draft switched to the other direction takes a number of that series.
        clue.direction = "to_supervision"
        self.assertRegex(clue.name, r"^JC-\d{4}-\d{4}$")
        self.assertNotEqual(clue.name, fault.name)

    def test_full_path_to_discipline(self):
        clue = self._new_clue()
        self.assertEqual(clue.state, "draft")
        clue.action_submit()
        self.assertEqual(clue.state, "review")
        self.assertEqual(clue.current_step_id, self.step_head)
        self.assertEqual(clue.pending_approver_ids, self.user_unit_manager)
        self.assertTrue(clue.date_submitted)
        clue.with_user(self.user_unit_manager)._approve("情况属实，同意移送")
        self.assertEqual(clue.state, "approval")
        self.assertEqual(clue.unit_opinion, "情况属实，同意移送")
        self.assertIn(self.user_leader, clue.pending_approver_ids)
        clue.with_user(self.user_leader)._approve("同意")
        self.assertEqual(clue.leader_instruction, "同意")
        self.assertEqual(clue.state, "transferred")
        self.assertEqual(clue.receiving_unit_id, self.unit_discipline)
        self.assertEqual(
            clue.approval_line_ids.mapped("decision"), ["approve", "approve"]
        )
        receiver = clue.with_user(self.user_discipline)
        receiver.action_accept()
        self.assertEqual(clue.state, "accepted")
        self.assertTrue(clue.date_accepted)
        receiver.write({"disposal": "talk_inquiry", "result": "谈话提醒", "clear_name": True})
        receiver.action_feedback()
        self.assertEqual(clue.state, "fed_back")
        # The source unit reads the result.
        seen = self.Clue.with_user(self.user_handler).browse(clue.id)
        self.assertEqual(seen.result, "谈话提醒")
        self.assertEqual(seen.disposal, "talk_inquiry")
        receiver.action_close()
        self.assertEqual(clue.state, "closed")
        self.assertTrue(clue.date_closed)

    def test_send_back_and_resubmit(self):
        clue = self._new_clue()
        clue.action_submit()
        with self.assertRaisesRegex(UserError, "why"):
            clue.with_user(self.user_unit_manager)._send_back("")
        clue.with_user(self.user_unit_manager)._send_back("请补充证据")
        self.assertEqual(clue.state, "draft")
        self.assertEqual(clue.unit_opinion, "请补充证据")
        self.assertEqual(clue.approval_line_ids.decision, "send_back")
        clue.write({"evidence": "补充的检查记录"})
        clue.action_submit()
        self.assertEqual(clue.state, "review")
        # The earlier decision does not count for the new round.
        with self.assertRaises(UserError):
            clue._check_route_approved()

    def test_return_requires_reason(self):
        clue = self._to_transferred()
        receiver = clue.with_user(self.user_discipline)
        with self.assertRaisesRegex(UserError, "reason"):
            receiver._return("  ")
        receiver._return("不属于本机关管辖")
        self.assertEqual(clue.state, "returned")
        self.assertEqual(clue.return_reason, "不属于本机关管辖")
        self.assertFalse(clue.date_deadline)

    def test_pass_on_to_competent_body(self):
        clue = self._to_transferred()
        receiver = clue.with_user(self.user_discipline)
        with self.assertRaisesRegex(UserError, "reason"):
            receiver._pass_on(self.unit_group, "")
        with self.assertRaises(UserError):
            receiver._pass_on(self.unit_supervision, "法规处")
        receiver._pass_on(self.unit_group, "属于驻局纪检监察组管辖")
        self.assertEqual(clue.receiving_unit_id, self.unit_group)
        self.assertEqual(clue.state, "transferred")
        # The former body no longer knows of the clue; the new one does.
        self.assertNotIn(self.user_discipline, clue.sudo().scope_user_ids)
        self.assertIn(self.user_discipline2, clue.sudo().scope_user_ids)
        followers = clue.sudo().message_partner_ids
        self.assertNotIn(self.user_discipline.partner_id, followers)
        self.assertIn(self.user_discipline2.partner_id, followers)
        clue.with_user(self.user_discipline2).action_accept()
        self.assertEqual(clue.state, "accepted")

    def test_split_by_jurisdiction(self):
        clue = self._new_clue(
            person_ids=[
                Command.create({"name": "甲", "cadre_rank": "below_division", "is_party_member": True}),
                Command.create({"name": "乙", "cadre_rank": "below_division", "is_party_member": True}),
            ]
        )
        self._to_transferred(clue)
        second = clue.person_ids.filtered(lambda p: p.name == "乙")
        new = clue.with_user(self.user_discipline)._pass_on(self.unit_group, "乙由纪检组管辖", second)
        self.assertEqual(clue.person_ids.mapped("name"), ["甲"])
        self.assertEqual(new.sudo().person_ids.mapped("name"), ["乙"])
        self.assertEqual(new.sudo().parent_id, clue)
        self.assertEqual(new.sudo().state, "transferred")
        self.assertEqual(new.sudo().receiving_unit_id, self.unit_group)
        self.assertRegex(new.sudo().name, r"^XS-")

    def test_to_supervision_verifies_at_once_and_feedback_closes(self):
        clue = self._new_clue(
            user=self.user_discipline,
            direction="to_supervision",
            source_unit_id=self.unit_discipline.id,
            nature=False,
            violation_facts="证据收集不规范",
            evidence="案卷复印件",
            person_ids=[Command.create({"name": "王某", "employer_post": "测试执法处 科员",
                                        "cadre_rank": "below_division", "cert_number": "GX-1"})],
        )
        # The head of the discipline body drafted the clue: four eyes, the
        # head of the parent unit decides the unit-head step.
        self._parent_headed_by_leader(self.unit_discipline)
        clue.action_submit()
        self.assertEqual(clue.state, "review")
        self.assertEqual(clue.pending_approver_ids, self.user_leader)
        with self.assertRaisesRegex(UserError, "only"):
            clue._approve("自己批")
        clue.with_user(self.user_leader)._approve("同意移送法规处")
        # No leader step for this direction; verification starts at once.
        self.assertEqual(clue.state, "accepted")
        self.assertEqual(clue.receiving_unit_id, self.unit_supervision)
        self.assertTrue(clue.date_accepted)
        receiver = clue.with_user(self.user_supervision)
        with self.assertRaisesRegex(UserError, "Verification Result"):
            receiver.action_feedback()
        receiver.write({"verification_result": "属实", "handling_result": "责令改正"})
        receiver.action_feedback()
        self.assertEqual(clue.state, "closed")
        self.assertTrue(clue.date_fed_back)

    def test_cancel_with_reason(self):
        clue = self._new_clue()
        clue.action_submit()
        with self.assertRaisesRegex(UserError, "reason"):
            clue._cancel("")
        clue._cancel("重复登记")
        self.assertEqual(clue.state, "cancelled")
        self.assertEqual(clue.cancel_reason, "重复登记")
        with self.assertRaises(UserError):
            clue._cancel("again")

    def test_no_deletion_once_submitted(self):
        draft = self._new_clue()
        draft.unlink()
        self.assertFalse(draft.exists())
        clue = self._new_clue()
        clue.action_submit()
        with self.assertRaisesRegex(UserError, "never be deleted"):
            clue.unlink()
        clue.with_user(self.user_unit_manager)._send_back("补充")
        self.assertEqual(clue.state, "draft")
        with self.assertRaisesRegex(UserError, "never be deleted"):
            clue.unlink()

    def test_refusals_missing_fields(self):
        clue = self._new_clue(main_problem=False, nature=False)
        with self.assertRaisesRegex(UserError, "Main Problem Reported"):
            clue.action_submit()
        clue.write({"main_problem": "问题", "nature": "other", "person_ids": [Command.clear()]})
        with self.assertRaisesRegex(UserError, "Reported Persons"):
            clue.action_submit()
        clue.write({"person_ids": [Command.create({"name": "王某", "cadre_rank": "none"})]})
        clue.no_proposal_confirmed = False
        with self.assertRaisesRegex(UserError, "no proposal"):
            clue.action_submit()
        self.assertEqual(clue.state, "draft")

    def test_refusals_wrong_role(self):
        clue = self._new_clue()
        with self.assertRaisesRegex(UserError, "Only the drafter"):
            clue.with_user(self.user_handler2).action_submit()
        clue.action_submit()
        for user in (self.user_handler, self.user_leader, self.user_discipline):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "only"):
                clue.with_user(user)._approve("ok")
        with self.assertRaises(UserError):
            clue.with_user(self.user_discipline).action_accept()
        clue.with_user(self.user_unit_manager)._approve("ok")
        with self.assertRaisesRegex(UserError, "only"):
            clue.with_user(self.user_unit_manager)._approve("again")
        clue.with_user(self.user_leader)._approve("ok")
        # A handler of the source unit cannot accept; a supervision user cannot either.
        for user in (self.user_handler, self.user_leader):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "receiving body"):
                clue.with_user(user).action_accept()
        with self.assertRaisesRegex(UserError, "Before feeding back|you cannot"):
            clue.with_user(self.user_discipline).action_feedback()
        clue.with_user(self.user_discipline).action_accept()
        with self.assertRaisesRegex(UserError, "Disposal"):
            clue.with_user(self.user_discipline).action_feedback()
        with self.assertRaisesRegex(UserError, "you cannot"):
            clue.with_user(self.user_discipline).action_close()

    def test_refusals_state_fields_frozen(self):
        clue = self._new_clue()
        with self.assertRaisesRegex(UserError, "buttons"):
            clue.write({"state": "transferred"})
        with self.assertRaisesRegex(UserError, "draft"):
            self.Clue.with_user(self.user_handler).create(self._clue_vals(state="closed"))
        clue.action_submit()
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            clue.write({"main_problem": "改写"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            clue.person_ids.write({"name": "改名"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            clue.write({"person_ids": [Command.create({"name": "新增", "cadre_rank": "none"})]})
        # The approver may still add an opinion in review.
        clue.with_user(self.user_unit_manager).write({"proposed_opinion": "建议移送局机关纪委"})

    def test_skipped_step_cannot_transfer(self):
        clue = self._new_clue()
        clue.action_submit()
        with self.assertRaisesRegex(UserError, "not approved"):
            clue._transfer()
        self.assertEqual(clue.state, "review")
        with self.assertRaisesRegex(UserError, "buttons"):
            clue.with_user(self.user_unit_manager).write({"state": "transferred"})

    def test_routing_override_needs_reason(self):
        clue = self._new_clue()
        # Records are tracked from the transaction after their creation.
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(clue.receiving_unit_id, self.unit_discipline)
        clue.receiving_unit_id = self.unit_group
        self.assertTrue(clue.is_routing_overridden)
        with self.assertRaisesRegex(UserError, "reason"):
            clue.action_submit()
        clue.routing_override_reason = "涉及处级干部的共同问题"
        clue.action_submit()
        # The approver may also override, with a reason kept in the chatter.
        approver = clue.with_user(self.user_unit_manager)
        approver.write({"receiving_unit_id": self.unit_discipline.id})
        self.assertFalse(clue.is_routing_overridden)
        approver.write({"receiving_unit_id": self.unit_group.id, "routing_override_reason": False})
        with self.assertRaisesRegex(UserError, "reason"):
            approver._approve("ok")
        approver.write({"routing_override_reason": "分管领导要求"})
        approver._approve("ok")
        clue.with_user(self.user_leader)._approve("ok")
        self.assertEqual(clue.receiving_unit_id, self.unit_group)
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = self.env["mail.tracking.value"].sudo().search(
            [
                ("mail_message_id.model", "=", "xingji.clue"),
                ("mail_message_id.res_id", "=", clue.id),
                ("field_id.name", "=", "routing_override_reason"),
            ]
        )
        self.assertTrue(tracked)

    def test_recusal_reported_user(self):
        # The head of the source unit is reported: he cannot approve; the
        # head of the parent unit decides instead.
        self._parent_headed_by_leader(self.unit_enforcement)
        clue = self._new_clue(
            person_ids=[
                Command.create(
                    {"name": "Test unit_manager", "cadre_rank": "division", "is_party_member": True,
                     "user_id": self.user_unit_manager.id}
                )
            ]
        )
        self.assertNotIn(self.user_unit_manager, clue.sudo().scope_user_ids)
        clue.action_submit()
        self.assertEqual(clue.pending_approver_ids, self.user_leader)
        with self.assertRaises(Exception):
            clue.with_user(self.user_unit_manager)._approve("自己批")
        self.assertNotIn(self.user_unit_manager, clue.sudo().scope_user_ids)
        # Nor can a reported user be informed explicitly.
        with self.assertRaisesRegex(ValidationError, "回避"):
            clue.sudo().extra_scope_user_ids = [Command.link(self.user_unit_manager.id)]

    def test_recusal_no_approver_refused(self):
        step = self.env["xingji.approval.step"].create(
            {"name": "专人审批", "sequence": 15, "approver_kind": "users",
             "user_ids": [Command.set(self.user_handler2.ids)]}
        )
        clue = self._new_clue(
            person_ids=[
                Command.create({"name": "handler2", "cadre_rank": "none", "user_id": self.user_handler2.id})
            ]
        )
        with self.assertRaisesRegex(UserError, step.name):
            clue.action_submit()

    def test_recusal_receiver(self):
        clue = self._new_clue(
            person_ids=[
                # A party member: routed to 局机关纪委 itself (issue 11 routes a
                # non-party person without rank through it to the 纪检组).
                Command.create({"name": "纪委干部", "cadre_rank": "none", "is_party_member": True,
                                "user_id": self.user_discipline.id})
            ]
        )
        with self.assertRaisesRegex(UserError, "回避"):
            clue.action_submit()

    def test_reported_user_cannot_submit(self):
        with self.assertRaisesRegex(UserError, "回避"):
            self._new_clue(
                person_ids=[Command.create({"name": "自己", "cadre_rank": "none", "user_id": self.user_handler.id})]
            )
        clue = self._new_clue(user=self.user_handler2, source_unit_id=self.unit_enforcement.id)
        clue.sudo().person_ids.user_id = self.user_handler
        # The reported handler no longer even sees the clue.
        with self.assertRaises(AccessError):
            clue.with_user(self.user_handler).action_submit()

    def test_clear_name_not_with_case_filed(self):
        clue = self._to_transferred()
        receiver = clue.with_user(self.user_discipline)
        receiver.action_accept()
        with self.assertRaises(ValidationError):
            receiver.write({"disposal": "case_filed", "clear_name": True})

    def test_wizard_and_form(self):
        with Form(self.Clue.with_user(self.user_handler)) as form:
            form.source_unit_id = self.unit_enforcement
            form.date_discovered = "2026-03-02"
            form.date_received = "2026-03-01"
            form.source = "complaint"
            form.nature = "party_discipline"
            form.main_problem = "泄露举报人信息"
            form.no_proposal_confirmed = True
            with form.person_ids.new() as person:
                person.name = "处长某"
                person.cadre_rank = "division"
                person.is_party_member = True
        clue = form.record
        self.assertEqual(clue.receiving_unit_id, self.unit_group)
        self.assertEqual(clue.transit_unit_id, self.unit_discipline)
        clue.action_submit()
        action = clue.with_user(self.user_unit_manager).action_open_approve()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.user_unit_manager)
            .with_context(**action["context"])
            .create({"comment": "同意"})
        )
        self.assertEqual(wizard.comment_label, "Unit Opinion")
        wizard.action_confirm()
        self.assertEqual(clue.state, "approval")
        action = clue.with_user(self.user_leader).action_open_send_back()
        wizard = (
            self.env[action["res_model"]].with_user(self.user_leader).with_context(**action["context"]).create({})
        )
        with self.assertRaisesRegex(UserError, "why"):
            wizard.action_confirm()
        wizard.comment = "补充材料"
        wizard.action_confirm()
        self.assertEqual(clue.state, "draft")
        self.assertEqual(clue.leader_instruction, "补充材料")

    def test_refusals_wrong_role_for_fields(self):
        clue = self._new_clue()
        clue.action_submit()
        # Only the approver of the current step writes opinions or reroutes.
        with self.assertRaisesRegex(UserError, "You cannot change"):
            clue.with_user(self.user_handler).write({"unit_opinion": "自己写意见"})
        with self.assertRaisesRegex(UserError, "You cannot change"):
            clue.with_user(self.user_leader).write({"leader_instruction": "还没轮到"})
        clue.with_user(self.user_unit_manager).write({"unit_opinion": "处室意见"})
        clue.with_user(self.user_unit_manager)._approve("ok")
        clue.with_user(self.user_leader)._approve("ok")
        clue.with_user(self.user_discipline).action_accept()
        # Only the receiving body records the disposal.
        with self.assertRaisesRegex(UserError, "You cannot change"):
            clue.with_user(self.user_handler).write({"result": "自己定结果"})
        with self.assertRaisesRegex(UserError, "You cannot change"):
            clue.with_user(self.user_leader).write({"disposal": "no_action"})
        # Only heads add users to the knowledge scope.
        with self.assertRaisesRegex(UserError, "You cannot change"):
            clue.with_user(self.user_handler).write({"extra_scope_user_ids": [Command.link(self.user_handler2.id)]})
        clue.with_user(self.user_discipline).write({"extra_scope_user_ids": [Command.link(self.user_handler2.id)]})
        self.assertIn(self.user_handler2, clue.sudo().scope_user_ids)

    def test_refusals_wrong_role_cancel_and_pass_on(self):
        clue = self._new_clue()
        clue.action_submit()
        with self.assertRaisesRegex(UserError, "Only the drafter"):
            clue.with_user(self.user_leader)._cancel("领导撤销")
        clue.with_user(self.user_unit_manager)._approve("ok")
        clue.with_user(self.user_leader)._approve("ok")
        with self.assertRaisesRegex(UserError, "you cannot cancel"):
            clue._cancel("移送后撤销")
        with self.assertRaisesRegex(UserError, "receiving body"):
            clue.with_user(self.user_handler)._pass_on(self.unit_group, "转")
        with self.assertRaisesRegex(UserError, "receiving body"):
            clue.with_user(self.user_handler)._return("退")

    def test_export_is_logged(self):
        clue = self._new_clue()
        self.user_handler.groups_id += self.env.ref("base.group_allow_export")
        clue.with_user(self.user_handler).export_data(["name"])
        log = self.env["xingji.access.log"].sudo().search(
            [("res_model", "=", "xingji.clue"), ("res_id", "=", clue.id), ("action", "=", "export")]
        )
        self.assertEqual(log.user_id, self.user_handler)

    def test_cancel_from_draft_and_approval(self):
        draft = self._new_clue()
        draft._cancel("误录")
        self.assertEqual(draft.state, "cancelled")
        clue = self._new_clue()
        clue.action_submit()
        clue.with_user(self.user_unit_manager)._approve("ok")
        self.assertEqual(clue.state, "approval")
        clue.with_user(self.user_unit_manager)._cancel("处室决定不再移送")
        self.assertEqual(clue.state, "cancelled")
        self.assertFalse(clue.current_step_id)
        self.assertFalse(clue.date_deadline)
        with self.assertRaisesRegex(UserError, "you cannot approve"):
            clue.with_user(self.user_leader)._approve("ok")

    def test_no_applicable_step_transfers_at_once(self):
        (self.step_head | self.step_leader).active = False
        clue = self._new_clue()
        clue.action_submit()
        self.assertEqual(clue.state, "transferred")
        self.assertFalse(clue.approval_line_ids)
        self.assertIn(self.user_discipline, clue.sudo().scope_user_ids)

    def test_pass_on_after_acceptance(self):
        clue = self._to_transferred()
        clue.with_user(self.user_discipline).action_accept()
        clue.with_user(self.user_discipline)._pass_on(self.unit_group, "经初核属纪检组管辖")
        self.assertEqual(clue.state, "transferred")
        self.assertFalse(clue.date_accepted)
        self.assertEqual(clue.receiving_unit_id, self.unit_group)

    def test_refusals_wrong_state(self):
        clue = self._new_clue()
        for method in ("action_accept", "action_feedback", "action_close"):
            with self.subTest(method=method), self.assertRaisesRegex(UserError, "you cannot"):
                getattr(clue.with_user(self.user_discipline), method)()
        with self.assertRaisesRegex(UserError, "you cannot approve"):
            clue.with_user(self.user_unit_manager)._approve("ok")
        with self.assertRaisesRegex(UserError, "you cannot return"):
            clue.with_user(self.user_discipline)._return("不属于管辖")
        clue.action_submit()
        with self.assertRaisesRegex(UserError, "you cannot submit"):
            clue.action_submit()
        clue.with_user(self.user_unit_manager)._approve("ok")
        clue.with_user(self.user_leader)._approve("ok")
        clue.with_user(self.user_discipline).action_accept()
        with self.assertRaisesRegex(UserError, "you cannot accept"):
            clue.with_user(self.user_discipline).action_accept()
        with self.assertRaisesRegex(UserError, "you cannot return"):
            clue.with_user(self.user_discipline)._return("已受理后退回")
