# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 11: routing through 局机关纪委 (转送), external bodies, the content
seed 001 art. 4 requires, organ subjects, re-referral, the leader in
charge, the request for instruction and the catalogues."""
from odoo.exceptions import UserError, ValidationError
from odoo import fields
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .clue_common import XingjiClueCase


def person(name, rank, party, **vals):
    return Command.create(dict({"name": name, "cadre_rank": rank, "is_party_member": party}, **vals))


TODAY = fields.Date.today()
FULL_PERSON = {"employer_post": "测试执法处 科员", "cert_number": "GX-2026-0001"}


@tagged("post_install", "-at_install")
class TestClueRoute(XingjiClueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 驻局纪检监察组 outside the system: no account at all.
        cls.unit_external = cls.env["xingji.unit"].create(
            {"name": "外部驻局纪检监察组", "code": "T-EXT", "kind": "discipline"}
        )

    def _non_party_clue(self, **vals):
        return self._new_clue(person_ids=[person("刘某", "below_division", False)], **vals)

    # ------------------------------------------------------------ routing
    def test_routing_of_every_person_kind(self):
        group, organ, none = self.unit_group, self.unit_discipline, self.env["xingji.unit"]
        cases = [
            ("bureau", True, group, organ),
            ("division", True, group, organ),
            ("division", False, group, organ),
            ("below_division", False, group, organ),
            ("below_division", True, organ, none),
            ("none", False, group, organ),
            ("none", True, organ, none),
        ]
        for rank, party, receiving, transit in cases:
            with self.subTest(rank=rank, party=party):
                clue = self._new_clue(person_ids=[person("某", rank, party)])
                self.assertEqual((clue.receiving_unit_id, clue.transit_unit_id), (receiving, transit))

    # ------------------------------------------------------------ 转送
    def test_transit_body_forwards_before_the_receiver_accepts(self):
        clue = self._to_transferred(self._non_party_clue())
        self.assertEqual((clue.state, clue.transit_state), ("transferred", "pending"))
        self.assertTrue(clue.with_user(self.user_discipline).can_forward)
        receiver = clue.with_user(self.user_discipline2)
        with self.assertRaisesRegex(UserError, "not been forwarded"):
            receiver.action_accept()
        with self.assertRaisesRegex(UserError, "not been forwarded"):
            receiver._return("不属于本机关管辖")
        for outsider in (self.user_discipline2, self.user_handler, self.user_leader):
            with self.subTest(user=outsider.login), self.assertRaisesRegex(UserError, "transit body"):
                clue.with_user(outsider)._forward(TODAY, "测纪〔2026〕1号", "system")
        with self.assertRaisesRegex(UserError, "文号"):
            clue.with_user(self.user_discipline)._forward(TODAY, " ", "system")
        with self.assertRaisesRegex(UserError, "Forwarding|Document|workflow|buttons"):
            clue.with_user(self.user_discipline).write({"transit_state": "forwarded"})
        clue.with_user(self.user_discipline)._forward(TODAY, "测纪〔2026〕1号", "system")
        self.assertEqual(clue.transit_state, "forwarded")
        self.assertEqual(clue.date_forwarded, TODAY)
        self.assertEqual(clue.forward_number, "测纪〔2026〕1号")
        self.assertEqual(clue.forwarded_by_id, self.user_discipline)
        self.assertTrue(any("测纪〔2026〕1号" in body for body in clue.message_ids.mapped("body")))
        with self.assertRaisesRegex(UserError, "does not wait"):
            clue.with_user(self.user_discipline)._forward(TODAY, "测纪〔2026〕2号", "system")
        # The transit body is no proxy of a body that has accounts.
        with self.assertRaises(UserError):
            clue.with_user(self.user_discipline).action_accept()
        receiver.action_accept()
        self.assertEqual(clue.state, "accepted")

    def test_external_body_transfer_and_feedback_recorded_by_transit_body(self):
        self.env.ref("xingji_linkage.routing_rule_below_division_non_party").receiving_unit_id = self.unit_external
        clue = self._non_party_clue()
        self.assertEqual(clue.receiving_unit_id, self.unit_external)
        self.assertTrue(clue.receiver_offline)
        # Submission does not fail because the receiving body has no users.
        self._to_transferred(clue)
        self.assertEqual(clue.transit_state, "pending")
        transit = clue.with_user(self.user_discipline)
        with self.assertRaisesRegex(UserError, "no account"):
            transit._forward(TODAY, "测纪〔2026〕3号", "system")
        transit._forward(TODAY, "测纪〔2026〕3号", "confidential_mail")
        self.assertEqual(clue.forward_method, "confidential_mail")
        # The transit body records the external body's answer.
        self.assertTrue(transit.can_receive)
        transit.action_accept()
        with self.assertRaises(UserError):
            clue.with_user(self.user_handler).write({"disposal": "talk_inquiry"})
        transit.write({"disposal": "talk_inquiry", "result": "谈话函询，予以批评教育。"})
        transit.action_feedback()
        self.assertEqual(clue.state, "fed_back")
        self.assertEqual(clue.result, "谈话函询，予以批评教育。")
        self.assertTrue(any("has no account here" in body or "外部驻局纪检监察组" in body
                            for body in clue.message_ids.mapped("body")))

    def test_external_body_without_transit_is_refused_at_submission(self):
        self.env.ref("xingji_linkage.routing_rule_other_cadres").receiving_unit_id = self.unit_external
        clue = self._new_clue()
        with self.assertRaisesRegex(UserError, "no member"):
            clue.action_submit()

    # ------------------------------------------------------ art. 4 content
    def test_date_received_required(self):
        clue = self._new_clue(date_received=False)
        with self.assertRaisesRegex(UserError, "Clue Received On"):
            clue.action_submit()

    def test_fault_referral_requires_art4_content(self):
        clue = self._new_fault_clue(person_ids=[person("赵某", "below_division", True)])
        with self.assertRaises(UserError) as caught:
            clue.action_submit()
        message = str(caught.exception)
        for label in ("Facts and Provisions Violated", "Evidence Leads", "Employer and Post",
                      "Enforcement Certificate No.", "赵某"):
            self.assertIn(label, message)
        clue.write({"violation_facts": "证据收集不规范，违反《行政处罚法》第五十五条。", "evidence": "案卷复印件"})
        clue.person_ids.write(FULL_PERSON)
        clue.action_submit()
        self.assertEqual(clue.state, "review")

    def test_referral_from_supervision_body_requires_art4_content(self):
        clue = self._new_clue(user=self.user_supervision, source_unit_id=self.unit_supervision.id,
                              handler_id=self.user_supervision.id)
        with self.assertRaisesRegex(UserError, "Enforcement Certificate No."):
            clue.action_submit()

    def test_fault_types_of_art6_in_catalogue(self):
        names = self.env["xingji.violation.type"].search([]).mapped("name")
        for name in ("执法程序违法", "证据收集不规范", "自由裁量权滥用"):
            self.assertIn(name, names)

    # ------------------------------------------------------ organ subjects
    def test_clue_about_an_organ(self):
        clue = self._new_clue(subject_kind="organ", person_ids=[])
        with self.assertRaisesRegex(UserError, "Organ Concerned"):
            clue.action_submit()
        clue.subject_unit_id = self.unit_enforcement
        clue.violation_type_ids = self.env.ref("xingji_linkage.violation_type_organ_01")
        clue.action_submit()
        self.assertEqual(clue.state, "review")
        self.assertEqual(clue.receiving_unit_id, self.unit_discipline)
        # Persons, when the clue concerns persons, are still required.
        with self.assertRaisesRegex(UserError, "Reported Persons"):
            self._new_clue(person_ids=[]).action_submit()

    # ---------------------------------------------------------- re-referral
    def _returned(self):
        clue = self._to_transferred(self._non_party_clue())
        clue.with_user(self.user_discipline)._forward(TODAY, "测纪〔2026〕4号", "system")
        clue.with_user(self.user_discipline2)._return("材料不全，请补充证据")
        self.assertEqual(clue.state, "returned")
        return clue

    def test_returned_clue_corrected_and_referred_again(self):
        clue = self._returned()
        decisions = len(clue.sudo().approval_line_ids)
        self.assertTrue(clue.with_user(self.user_handler).can_rerefer)
        with self.assertRaises(UserError):
            clue.with_user(self.user_handler2).action_rerefer()
        with self.assertRaises(UserError):
            clue.with_user(self.user_discipline2).action_rerefer()
        clue.with_user(self.user_handler).action_rerefer()
        self.assertEqual((clue.state, clue.referral_round), ("draft", 2))
        self.assertFalse(clue.transit_state or clue.forward_number)
        self.assertTrue(any("Round 2" in body for body in clue.message_ids.mapped("body")))
        clue.with_user(self.user_handler).evidence = "补充的证据材料"
        self._to_transferred(clue)
        self.assertEqual(clue.transit_state, "pending")
        self.assertEqual(len(clue.sudo().approval_line_ids), decisions + 2, "Earlier decisions stay on record")

    def test_returned_clue_copied_into_a_new_clue(self):
        clue = self._returned()
        clue.sudo().person_ids.user_id = self.user_handler2
        clue.sudo().material_ids = [Command.create({"name": "检查记录", "pages": 3})]
        with self.assertRaises(UserError):
            clue.with_user(self.user_discipline2).action_copy_returned()
        action = clue.with_user(self.user_handler).action_copy_returned()
        new = self.Clue.browse(action["res_id"])
        self.assertNotEqual(new.name, clue.name)
        self.assertEqual(new.state, "draft")
        self.assertEqual(new.origin_clue_id, clue)
        self.assertEqual(new.source_unit_id, clue.source_unit_id)
        self.assertEqual(new.sudo().person_ids.mapped("name"), clue.sudo().person_ids.mapped("name"))
        self.assertEqual(new.sudo().material_ids.mapped("name"), ["检查记录"])
        self.assertEqual(new.main_problem, clue.main_problem)
        self.assertFalse(new.unit_opinion or new.leader_instruction)
        # 回避 follows the copied persons.
        self.assertNotIn(self.user_handler2, new.sudo().scope_user_ids)
        self.assertEqual(clue.state, "returned")

    # ------------------------------------------------------- leader in charge
    def test_leader_in_charge_alone_approves(self):
        leader2 = new_test_user(
            self.env, login="xj_test_leader2", name="分管局领导",
            groups="base.group_user,xingji_linkage.group_xingji_leader",
        )
        self.unit_enforcement.leader_in_charge_id = leader2
        self.assertEqual(self.step_leader.approver_kind, "leader_in_charge")
        clue = self._new_clue()
        clue.action_submit()
        clue.with_user(self.user_unit_manager)._approve("同意移送")
        self.assertEqual(clue.pending_approver_ids, leader2)
        self.assertNotIn(self.user_leader, clue.sudo().scope_user_ids)
        with self.assertRaisesRegex(UserError, "only"):
            clue.with_user(self.user_leader)._approve("同意")
        clue.with_user(leader2)._approve("同意")
        self.assertEqual(clue.state, "transferred")

    def test_without_leader_in_charge_the_group_approves(self):
        clue = self._new_clue()
        clue.action_submit()
        clue.with_user(self.user_unit_manager)._approve("同意移送")
        self.assertIn(self.user_leader, clue.pending_approver_ids)

    # ------------------------------------------------------- 请示 notice
    def test_request_for_instruction_links_a_draft_clue(self):
        clue = self._new_clue()
        Notice = self.env["xingji.notice"].with_user(self.user_handler)
        notice = Notice.create({
            "name": "是否属于问题线索的请示",
            "direction": "to_discipline",
            "notice_type": "request_instruction",
            "issuer_unit_id": self.unit_enforcement.id,
            "target_unit_id": self.unit_discipline.id,
            "clue_id": clue.id,
        })
        self.assertEqual(notice.clue_id, clue)
        submitted = self._new_clue()
        submitted.action_submit()
        with self.assertRaisesRegex(ValidationError, "draft clue"):
            notice.clue_id = submitted
        # A clue the user cannot read cannot be linked.
        with self.assertRaises(UserError):
            self.env["xingji.notice"].with_user(self.user_handler2).create({
                "name": "请示",
                "direction": "to_discipline",
                "notice_type": "request_instruction",
                "issuer_unit_id": self.unit_enforcement.id,
                "target_unit_id": self.unit_discipline.id,
                "clue_id": clue.id,
            })

    # ------------------------------------------------------------ catalogues
    def test_sub_cases_selectable_and_activity_a_choice(self):
        sub = self.env.ref("xingji_linkage.violation_type_sub_penalty_fine_for_crime")
        self.assertEqual(sub.name, "以罚代刑")
        self.assertEqual(sub.parent_id, self.env.ref("xingji_linkage.violation_type_plan_penalty"))
        for xmlid in ("violation_type_sub_penalty_not_transferred", "violation_type_sub_reward_informant_leak"):
            self.assertTrue(self.env.ref(f"xingji_linkage.{xmlid}").parent_id)
        clue = self._new_clue(violation_type_ids=[Command.set(sub.ids)], enforcement_activity="technical_review")
        self.assertEqual(clue.violation_type_ids, sub)
        keys = dict(self.Clue._fields["enforcement_activity"].selection)
        for key in ("tender", "construction", "recruitment", "testing", "technical_review",
                    "onsite_inspection", "other"):
            self.assertIn(key, keys)
        self.assertIn("产品默认值", self.env["xingji.clue.deadline"]._fields["working_days"].help)
