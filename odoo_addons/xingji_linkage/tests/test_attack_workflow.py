# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Attacks on the workflow models other than the clue, over JSON-RPC.

State and the fields a transition stamps change only through the
transition; no context key grants a right; sharing grades are lowered
only by the approval flow; copies never lower a grade; an access request
answers alike for a hidden and an absent record.
"""
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from .attack_common import XingjiAttackCase, tagged

# Every context key the code ever trusted, sent by the attacker.
HOSTILE = {
    "xingji_clue_workflow": True,
    "xingji_from_draw": True,
    "xingji_category_grade_approved": True,
    "xingji_grade_change_reason": "because I say so",
}


def setup_workflow_fixtures(cls):
    """Users (password = login), units, an inspection, sharing data."""
    env = cls.env(context=dict(cls.env.context, lang="en_US"))
    cls.env = env

    def user(login, group):
        return new_test_user(
            env, login=login, name=login, groups=f"base.group_user,xingji_linkage.group_xingji_{group}"
        )

    cls.handler = user("wf_handler", "user")
    cls.head = user("wf_head", "unit_manager")
    cls.handler2 = user("wf_handler2", "user")
    cls.supervision = user("wf_supervision", "supervision")
    cls.discipline = user("wf_discipline", "discipline")
    cls.outsider_oversight = user("wf_oversight", "supervision")
    cls.leader = user("wf_leader", "leader")
    cls.config = user("wf_config", "manager")
    Unit = env["xingji.unit"]
    cls.unit = Unit.create(
        {"name": "WF执法处", "code": "WF-ENF", "kind": "enforcement", "manager_id": cls.head.id,
         "member_ids": [Command.link(cls.handler.id)]}
    )
    cls.unit2 = Unit.create(
        {"name": "WF分局", "code": "WF-ENF2", "kind": "enforcement", "member_ids": [Command.link(cls.handler2.id)]}
    )
    cls.unit_sup = Unit.create(
        {"name": "WF法规处", "code": "WF-SUP", "kind": "supervision", "manager_id": cls.supervision.id,
         "member_ids": [Command.link(cls.supervision.id)]}
    )
    cls.unit_dis = Unit.create(
        {"name": "WF纪委", "code": "WF-DIS", "kind": "discipline", "manager_id": cls.discipline.id,
         "member_ids": [Command.link(cls.discipline.id)]}
    )
    cls.inspection = env["xingji.inspection"].with_user(cls.discipline).create(
        {
            "title": "WF联合督查",
            "inspection_type": "random",
            "organiser_unit_ids": [Command.set([cls.unit_sup.id, cls.unit_dis.id])],
            "leader_id": cls.discipline.id,
        }
    )


def task_vals(cls, **vals):
    values = {
        "name": "WF整改任务",
        "responsible_unit_id": cls.unit.id,
        "responsible_user_id": cls.handler.id,
        "verifier_id": cls.supervision.id,
        "issuer_unit_id": cls.unit_sup.id,
    }
    values.update(vals)
    return values


@tagged("post_install", "-at_install")
class TestAttackWorkflowState(XingjiAttackCase):
    """Item 2: state and stamps only through the transitions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_workflow_fixtures(cls)
        cls.task = cls.env["xingji.rectification"].with_user(cls.supervision).create(task_vals(cls))

    def test_unit_cannot_close_its_own_task(self):
        for context in ({}, HOSTILE):
            for vals in (
                {"state": "done"},
                {"state": "submitted", "date_submitted": "2026-06-01 08:00:00"},
                {"date_done": "2026-06-01 08:00:00", "verified_by_id": self.handler.id},
            ):
                with self.subTest(vals=vals, context=context):
                    self.assertRpcRefused(
                        self.handler, "xingji.rectification", "write", [self.task.id], vals, context=context
                    )
        self.assertEqual(self.task.state, "todo")
        self.assertFalse(self.task.date_done)
        # The transitions still work for the unit.
        self.rpc(self.handler, "xingji.rectification", "action_start", [self.task.id], context=HOSTILE)
        self.assertEqual(self.task.state, "doing")
        self.assertEqual(self.task.write_uid, self.handler)

    def test_task_not_created_in_a_late_state(self):
        self.assertRpcRefused(
            self.supervision, "xingji.rectification", "create", task_vals(self, state="done"), context=HOSTILE
        )

    def test_addressee_cannot_accept_notice(self):
        notice = self.env["xingji.notice"].with_user(self.discipline).create(
            {"name": "WF通报", "issuer_unit_id": self.unit_dis.id, "target_unit_id": self.unit.id}
        )
        notice.with_user(self.discipline).action_send()
        for context in ({}, HOSTILE):
            with self.subTest(context=context):
                self.assertRpcRefused(
                    self.handler, "xingji.notice", "write", [notice.id], {"state": "accepted"}, context=context
                )
                self.assertRpcRefused(
                    self.handler, "xingji.notice", "write", [notice.id],
                    {"answered_by_id": self.handler.id, "date_answered": "2026-06-01 08:00:00"}, context=context,
                )
        self.assertEqual(notice.state, "sent")

    def test_meeting_approval_is_a_leaders_step(self):
        meeting = self.env["xingji.meeting"].with_user(self.handler).create(
            {"name": "WF专题会", "kind": "special", "reason": "疑难案件",
             "participant_user_ids": [Command.link(self.handler.id)]}
        )
        for vals in ({"state": "approved"}, {"approver_id": self.leader.id}, {"state": "held"}):
            with self.subTest(vals=vals):
                self.assertRpcRefused(self.handler, "xingji.meeting", "write", [meeting.id], vals, context=HOSTILE)
        self.assertRpcRefused(
            self.handler, "xingji.meeting", "create",
            {"name": "WF会", "kind": "special", "state": "approved"}, context=HOSTILE,
        )
        self.assertEqual(meeting.state, "draft")

    def test_inspection_state_only_by_its_steps(self):
        for vals in ({"state": "closed"}, {"state": "in_progress"}):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    self.discipline, "xingji.inspection", "write", [self.inspection.id], vals, context=HOSTILE
                )
        self.assertEqual(self.inspection.state, "plan")


@tagged("post_install", "-at_install")
class TestAttackSharing(XingjiAttackCase):
    """Items 1, 2, 4 and 6 on sharing; copies (issue 13)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_workflow_fixtures(cls)
        Category = cls.env["xingji.share.category"]
        cls.cat_full = Category.create({"name": "WF Policy", "default_grade": "full"})
        cls.cat_scoped = Category.create({"name": "WF Inspection", "default_grade": "scoped"})
        cls.cat_gated = Category.create({"name": "WF Clue", "default_grade": "gated"})
        Share = cls.env["xingji.share"].with_user(cls.handler)
        cls.gated = Share.create({"name": "WF gated", "category_id": cls.cat_gated.id, "body": "<p>WF-SECRET</p>"})
        cls.scoped = Share.create(
            {"name": "WF scoped", "category_id": cls.cat_scoped.id, "body": "<p>WF-SCOPED</p>",
             "unit_ids": [Command.link(cls.unit_sup.id)]}
        )

    def _logs(self, record, action):
        return self.env["xingji.access.log"].sudo().search(
            [("res_model", "=", record._name), ("res_id", "=", record.id), ("action", "=", action)]
        )

    def _request_vals(self, record, **vals):
        return {
            "res_model": record._name,
            "res_id": record.id,
            "reason": "WF needed",
            "date_end": fields.Date.to_string(fields.Date.today() + timedelta(days=10)),
            **vals,
        }

    def test_request_not_created_approved(self):
        for vals in (
            {"state": "approved"},
            {"approver_ids": [Command.set([self.handler2.id])]},
            {"requester_id": self.head.id},
            {"grant_id": 1},
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    self.handler2, "xingji.share.request", "create", self._request_vals(self.gated, **vals),
                    context=HOSTILE,
                )
        self.assertFalse(self.env["xingji.share.request"].sudo().search([("res_id", "=", self.gated.id)]))
        # The plain request is still possible, pending.
        request_id = self.rpc(self.handler2, "xingji.share.request", "create", self._request_vals(self.gated))
        request = self.env["xingji.share.request"].browse(request_id)
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.approver_ids, self.head)

    def test_grant_not_written_by_its_holder(self):
        request = self.env["xingji.share.request"].with_user(self.handler2).create(self._request_vals(self.gated))
        request.with_user(self.head).action_approve()
        grant = request.grant_id
        self.assertRpcRefused(
            self.handler2, "xingji.access.grant", "write", [grant.id], {"date_end": "2099-12-31"}, context=HOSTILE
        )
        self.assertRpcRefused(
            self.handler2, "xingji.access.grant", "create",
            {"res_model": "xingji.share", "res_id": self.gated.id, "user_id": self.handler2.id,
             "date_end": "2099-12-31"},
            context=HOSTILE,
        )
        self.assertEqual(grant.date_end, request.date_end)

    def test_no_context_lowers_a_share(self):
        # The unit head is the item's approver: even he lowers it only
        # through Change Grade, with the reason as an argument.
        self.assertRpcRefused(
            self.head, "xingji.share", "write", [self.gated.id], {"grade": "full"}, context=HOSTILE
        )
        self.assertEqual(self.gated.grade, "gated")
        self.assertRpcRefused(
            self.handler, "xingji.share", "write", [self.gated.id], {"approver_id": self.handler2.id}
        )
        wizard = self.rpc(
            self.head, "xingji.share.grade.wizard", "create",
            {"share_id": self.gated.id, "grade": "scoped", "reason": "WF case closed"},
        )
        self.rpc(self.head, "xingji.share.grade.wizard", "action_confirm", [wizard])
        self.assertEqual(self.gated.grade, "scoped")
        self.assertIn("WF case closed", self._logs(self.gated, "grade").detail)

    def test_no_context_lowers_a_category(self):
        self.assertRpcRefused(
            self.config, "xingji.share.category", "write", [self.cat_gated.id], {"default_grade": "full"},
            context=HOSTILE,
        )
        self.assertRpcRefused(
            self.config, "xingji.share.category", "write", [self.cat_gated.id],
            {"requested_grade": "full", "requested_by_id": self.leader.id}, context=HOSTILE,
        )
        self.assertEqual(self.cat_gated.default_grade, "gated")
        self.assertFalse(self.cat_gated.requested_grade)
        # The leader-approval flow lowers it, logged.
        wizard = self.rpc(
            self.config, "xingji.share.grade.wizard", "create",
            {"category_id": self.cat_gated.id, "grade": "scoped", "reason": "WF reorganised"},
        )
        self.rpc(self.config, "xingji.share.grade.wizard", "action_confirm", [wizard])
        self.assertEqual(self.cat_gated.default_grade, "gated")
        self.rpc(self.leader, "xingji.share.category", "action_approve_grade", [self.cat_gated.id])
        self.assertEqual(self.cat_gated.default_grade, "scoped")
        self.assertEqual(len(self._logs(self.cat_gated, "grade")), 2)

    def test_new_category_approver_does_not_read_past_items(self):
        self.rpc(self.config, "xingji.share.category", "write", [self.cat_gated.id], {"approver_id": self.leader.id})
        self.assertRpcRefused(self.leader, "xingji.share", "read", [self.gated.id], ["body"])
        self.assertEqual(self.gated.approver_id.id, False)
        # A request made now is decided by who approves this item: its unit head.
        request_id = self.rpc(self.handler2, "xingji.share.request", "create", self._request_vals(self.gated))
        self.assertEqual(self.env["xingji.share.request"].browse(request_id).approver_ids, self.head)
        # The change is tracked on the category.
        self.assertTrue(self.cat_gated.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "approver_id"
        ))

    def test_copy_never_lowers_a_grade(self):
        self.assertRpcRefused(
            self.handler, "xingji.share", "copy", [self.gated.id],
            default={"category_id": self.cat_full.id}, context=HOSTILE,
        )
        self.assertRpcRefused(self.handler, "xingji.share", "copy", [self.gated.id])
        copy_ids = self.rpc(
            self.handler, "xingji.share", "copy", [self.scoped.id],
            default={"category_id": self.cat_full.id, "grade": "full"},
        )
        copy = self.env["xingji.share"].browse(copy_ids)
        self.assertEqual(copy.grade, "scoped")
        self.assertEqual(copy.unit_ids, self.unit_sup)
        self.assertRpcRefused(self.handler2, "xingji.share", "read", copy.ids, ["body"])

    def test_hidden_and_absent_answer_alike(self):
        clue = self.env["xingji.clue"].with_user(self.handler).create(
            {
                "direction": "to_discipline",
                "source_unit_id": self.unit.id,
                "date_discovered": "2026-03-02",
                "source": "inspection",
                "nature": "duty_violation",
                "main_problem": "WF宴请",
                "handler_id": self.handler.id,
                "no_proposal_confirmed": True,
                "person_ids": [Command.create({"name": "WF王某", "cadre_rank": "below_division",
                                               "is_party_member": True})],
            }
        )
        absent_id = clue.id + 100000
        answers = []
        for res_id in (clue.id, absent_id):
            for vals in ({}, {"user_id": self.handler.id}):
                error = self.assertRpcRefused(
                    self.handler2, "xingji.share.request", "create",
                    {**self._request_vals(clue), "res_id": res_id, **vals},
                )
                answers.append((error.name, error.message))
        self.assertEqual(len(set(answers)), 1, answers)
        name, message = answers[0]
        self.assertNotIn(clue.display_name, message)
        self.assertNotIn(self.handler.name, message)
