# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .rect_common import RectCase


@tagged("post_install", "-at_install", "xingji_meeting")
class TestMeeting(RectCase):
    def _meeting(self, user=None, **vals):
        values = {
            "name": "关于某疑难案件的专题会议",
            "kind": "special",
            "organiser_unit_id": self.unit_enforcement.id,
            "reason": "案件涉及执法人员，需与纪检监察部门会商",
            "participant_unit_ids": [(6, 0, (self.unit_enforcement | self.unit_discipline).ids)],
            "participant_user_ids": [(6, 0, (self.user_unit_manager | self.user_discipline).ids)],
        }
        values.update(vals)
        return self.env["xingji.meeting"].with_user(user or self.user_unit_manager).create(values)

    def test_special_meeting_needs_approval(self):
        meeting = self._meeting()
        with self.assertRaisesRegex(UserError, "must approve it before it is held"):
            meeting.action_hold()
        meeting.action_submit()
        self.assertEqual(meeting.state, "to_approve")
        self.assertIn(self.user_leader, meeting.activity_ids.user_id)
        with self.assertRaisesRegex(UserError, "must approve it before it is held"):
            meeting.action_hold()
        with self.assertRaisesRegex(UserError, "Only a bureau leader"):
            meeting.with_user(self.user_discipline).action_approve()
        meeting.with_user(self.user_leader).action_approve()
        self.assertEqual(meeting.approver_id, self.user_leader)
        meeting.action_hold()
        self.assertEqual(meeting.state, "held")
        self.assertTrue(meeting.date_start)

    def test_refusal_returns_to_draft_with_comment(self):
        meeting = self._meeting(reason=False)
        with self.assertRaisesRegex(UserError, "Explain why"):
            meeting.action_submit()
        meeting.reason = "需要会商"
        meeting.action_submit()
        leader = meeting.with_user(self.user_leader)
        with self.assertRaisesRegex(UserError, "why the meeting is not approved"):
            leader.action_refuse()
        leader.approval_comment = "通过书面沟通解决"
        leader.action_refuse()
        self.assertEqual(meeting.state, "draft")

    def test_joint_meeting_held_without_approval_and_decisions(self):
        meeting = self._meeting(
            user=self.user_discipline, kind="joint", name="2026年下半年联席会议",
            organiser_unit_id=self.unit_discipline.id, chair_id=self.user_discipline.id,
        )
        with self.assertRaisesRegex(UserError, "Only a special meeting"):
            meeting.action_submit()
        meeting.action_hold()
        meeting.write({
            "minutes": "<p>会议研究了线索移送时限问题。</p>",
            "decision_ids": [
                (0, 0, {"name": "各处室指定联络员并报备", "action_type": "rectification",
                        "responsible_unit_id": self.unit_enforcement.id}),
                (0, 0, {"name": "法规处起草联合督查方案", "action_type": "activity",
                        "user_id": self.user_supervision.id}),
            ],
        })
        meeting.action_apply_decisions()
        task = meeting.rectification_ids
        self.assertEqual(len(task), 1)
        self.assertEqual(task.source_kind, "meeting")
        self.assertEqual(task.responsible_unit_id, self.unit_enforcement)
        self.assertEqual(task.verifier_id, self.user_discipline)
        self.assertIn(self.user_supervision, meeting.activity_ids.user_id)
        self.assertTrue(all(meeting.decision_ids.mapped("applied")))
        # Applying again creates nothing new.
        meeting.action_apply_decisions()
        self.assertEqual(len(meeting.rectification_ids), 1)
        with self.assertRaisesRegex(UserError, "kept on the minutes"):
            meeting.decision_ids[0].unlink()

    def test_training_meeting(self):
        meeting = self._meeting(kind="training", name="警示教育专题授课", reason=False)
        meeting.action_hold()
        self.assertEqual(meeting.state, "held")

    def test_record_rules(self):
        meeting = self._meeting()
        Meeting = self.env["xingji.meeting"]
        self.assertTrue(Meeting.with_user(self.user_handler).search([("id", "=", meeting.id)]))
        self.assertFalse(Meeting.with_user(self.handler2).search([("id", "=", meeting.id)]))
        self.assertTrue(Meeting.with_user(self.user_supervision).search([("id", "=", meeting.id)]))
        with mute_logger("odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            Meeting.with_user(self.user_manager).search([])

    def _warnings(self, subject_part):
        return self.env["mail.message"].search(
            [("model", "=", "xingji.unit"), ("res_id", "in", (self.unit_discipline | self.unit_supervision).ids),
             ("subject", "ilike", subject_part)]
        )

    def test_half_year_and_yearly_warnings(self):
        Meeting = self.env["xingji.meeting"]
        # Other (demo) bodies may exist: keep the test to ours.
        self.env["xingji.meeting"].sudo().search([("kind", "=", "joint")]).write({"kind": "consultation"})
        self.env["xingji.inspection"].sudo().search([]).write({"state": "cancelled"})
        # Early in the half year: no warning yet.
        with freeze_time("2026-09-15"):
            warned = Meeting._cron_linkage_warnings()
            self.assertFalse(warned["meeting"])
            self.assertFalse(warned["inspection"])
        # Within 90 days of the year end, no inspection this year.
        with freeze_time("2026-10-10"):
            warned = Meeting._cron_linkage_warnings()
            self.assertFalse(warned["meeting"])
            self.assertIn(self.unit_discipline, warned["inspection"])
            self.assertIn(self.unit_supervision, warned["inspection"])
        messages = self._warnings("No joint inspection carried out in 2026")
        self.assertEqual(len(messages), 2)
        self.assertIn(self.user_discipline.partner_id, messages.notification_ids.res_partner_id)
        self.assertIn(self.user_supervision.partner_id, messages.notification_ids.res_partner_id)
        # Within 30 days of the half-year end, no joint meeting since July.
        with freeze_time("2026-12-05"):
            warned = Meeting._cron_linkage_warnings()
            self.assertIn(self.unit_discipline, warned["meeting"])
            # Warned once per period, not every day.
            self.assertFalse(warned["inspection"])
            warned = Meeting._cron_linkage_warnings()
            self.assertFalse(warned["meeting"])
        self.assertEqual(len(self._warnings("No joint meeting held in 2026 H2")), 2)

    def test_no_warning_when_held(self):
        Meeting = self.env["xingji.meeting"]
        with freeze_time("2026-09-01 10:00:00"):
            meeting = self._meeting(user=self.user_discipline, kind="joint", name="下半年联席会议")
            meeting.action_hold()
        self.assertEqual(meeting.date_start, datetime(2026, 9, 1, 10, 0))
        with freeze_time("2026-03-10"):
            self._draw()
            self.inspection.action_start()
        with freeze_time("2026-12-05"):
            warned = Meeting._cron_linkage_warnings()
            self.assertFalse(warned["meeting"])
            self.assertFalse(warned["inspection"])
        # The next half year starts without a meeting: warned near its end.
        with freeze_time("2027-06-10"):
            warned = Meeting._cron_linkage_warnings()
            self.assertIn(self.unit_discipline, warned["meeting"])
            self.assertFalse(warned["inspection"])
