# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .rect_common import RectCase


@tagged("post_install", "-at_install", "xingji_rectification")
class TestRectification(RectCase):
    def test_full_path_with_send_back(self):
        task = self._task()
        self.assertTrue(task.reference.startswith("ZG-"))
        self.assertEqual(task.state, "todo")
        mine = task.with_user(self.user_handler)
        mine.action_start()
        self.assertEqual(task.state, "doing")
        with self.assertRaisesRegex(UserError, "rectification result"):
            mine.action_submit()
        mine.result = "已组织重新审核并补正"
        with self.assertRaisesRegex(UserError, "Attach the evidence"):
            mine.action_submit()
        attachment = self.env["ir.attachment"].with_user(self.user_handler).create(
            {"name": "整改报告.pdf", "raw": b"%PDF-1.4 evidence", "res_model": task._name, "res_id": task.id}
        )
        mine.evidence_attachment_ids = [(6, 0, attachment.ids)]
        mine.action_submit()
        self.assertEqual(task.state, "submitted")
        self.assertTrue(task.date_submitted)
        self.assertIn(self.user_supervision, task.activity_ids.user_id)
        verifier = task.with_user(self.user_supervision)
        with self.assertRaisesRegex(UserError, "what is still missing"):
            verifier.action_send_back()
        verifier.verification_comment = "缺少复核记录"
        verifier.action_send_back()
        self.assertEqual(task.state, "doing")
        self.assertTrue(any("缺少复核记录" in m.body for m in task.message_ids))
        mine.action_submit()
        verifier.action_verify()
        self.assertEqual(task.state, "done")
        self.assertEqual(task.verified_by_id, self.user_supervision)
        with self.assertRaisesRegex(UserError, "not possible now"):
            verifier.action_verify()

    def test_own_unit_cannot_verify(self):
        task = self._task()
        task.with_user(self.user_handler).action_start()
        task.with_user(self.user_handler).write({"result": "完成", "evidence_note": "见附件"})
        task.with_user(self.user_handler).action_submit()
        # The unit head belongs to the responsible unit: refused.
        with self.assertRaisesRegex(UserError, "never verifies its own rectification"):
            task.with_user(self.user_unit_manager).action_verify()
        with self.assertRaisesRegex(UserError, "never verifies its own rectification"):
            task.with_user(self.user_handler).action_verify()
        # Nor can a member of the unit be named verifier.
        with self.assertRaisesRegex(UserError, "cannot verify its own rectification"):
            task.verifier_id = self.user_unit_manager
        # Someone outside the unit who is not the verifier: refused too.
        with self.assertRaisesRegex(UserError, "is verified by"):
            task.with_user(self.handler2).action_verify()
        self.assertEqual(task.state, "submitted")

    def test_unit_cannot_change_the_terms(self):
        task = self._task()
        mine = task.with_user(self.user_unit_manager)
        self.assertFalse(mine.can_edit_terms)
        for field, value in (("date_deadline", date(2027, 6, 30)), ("verifier_id", self.handler2.id),
                             ("name", "改写")):
            with self.assertRaisesRegex(UserError, "your unit works on the measures"):
                mine.write({field: value})
        # The unit works on its part and assigns the task inside the unit.
        mine.write({"measures": "逐卷复核", "responsible_user_id": self.user_unit_manager.id})
        self.assertEqual(task.measures, "逐卷复核")
        # The issuer may move the deadline.
        task.with_user(self.user_supervision).date_deadline = date(2027, 1, 15)
        self.assertTrue(task.with_user(self.user_supervision).can_edit_terms)
        # A task the unit set itself (e.g. answering a notice) is its own to edit.
        own = self._task(user=self.user_handler, verifier_id=self.user_discipline.id)
        own.with_user(self.user_handler).date_deadline = date(2027, 2, 1)

    def test_only_unit_members_work_on_it(self):
        task = self._task()
        with self.assertRaisesRegex(UserError, "Only members of"):
            task.with_user(self.user_supervision).action_start()

    def test_cancel_needs_reason_and_never_delete(self):
        task = self._task()
        task.with_user(self.user_handler).action_start()
        with self.assertRaisesRegex(UserError, "reason for cancelling"):
            task.with_user(self.user_supervision).action_cancel()
        task.cancel_reason = "问题已由其他任务覆盖"
        with self.assertRaisesRegex(UserError, "issuer of a task or a bureau leader"):
            task.with_user(self.user_handler).action_cancel()
        task.with_user(self.user_supervision).action_cancel()
        self.assertEqual(task.state, "cancelled")
        # Not even the superuser deletes a task under way.
        with self.assertRaisesRegex(UserError, "never deleted"):
            task.sudo().unlink()

    def test_source_selection_lists_installed_models(self):
        keys = [key for key, _label in self.env["xingji.rectification"]._selection_source_models()]
        self.assertIn("xingji.finding", keys)
        self.assertIn("xingji.notice", keys)
        self.assertIn("xingji.meeting", keys)
        self.assertEqual("xingji.clue" in keys, "xingji.clue" in self.env)

    def test_default_deadline_in_working_days(self):
        with freeze_time("2026-09-28"):
            task = self._task()
        # 20 working days from Mon 28 Sep 2026 over the National Day
        # holiday (1-8 Oct off, Sat 10 Oct worked).
        expected = self.env["xingji.holiday"].add_working_days(date(2026, 9, 28), 20)
        self.assertEqual(task.date_deadline, expected)
        self.assertGreater((task.date_deadline - date(2026, 9, 28)).days, 28)

    def test_overdue_escalation_with_frozen_time(self):
        with freeze_time("2026-11-02"):
            task = self._task(date_deadline=date(2026, 11, 6))
            other = self._task(date_deadline=date(2026, 12, 30), name="远期任务")
            task.with_user(self.user_handler).action_start()
            self.assertFalse(task.is_overdue)
        Task = self.env["xingji.rectification"]
        with freeze_time("2026-11-05"):
            reminded, overdue = Task._cron_deadline_reminders()
            self.assertIn(task, reminded)
            self.assertNotIn(other, reminded)
            self.assertFalse(overdue)
            self.assertIn(self.user_handler, task.activity_ids.user_id)
        with freeze_time("2026-11-09"):
            task.invalidate_recordset(["is_overdue"])
            self.assertTrue(task.with_context(date="2026-11-09").is_overdue)
            self.assertIn(task, Task.search([("is_overdue", "=", True)]))
            self.assertNotIn(other, Task.search([("is_overdue", "=", True)]))
            _reminded, overdue = Task._cron_deadline_reminders()
            self.assertEqual(overdue, task)
            escalated = task.activity_ids.filtered(
                # The summary is in the language of the user told.
                lambda a: "Overdue" in a.summary or "超期" in a.summary
            )
            # Escalated to the head of the unit and to the verifier/issuer.
            self.assertIn(self.user_unit_manager, escalated.user_id)
            self.assertIn(self.user_supervision, escalated.user_id)
            self.assertNotIn(self.user_handler, escalated.user_id)
            # Escalated once, not every day.
            _reminded, overdue = Task._cron_deadline_reminders()
            self.assertFalse(overdue)
            # A submitted task is no longer overdue (the unit did its part).
            task.with_user(self.user_handler).write({"result": "完成", "evidence_note": "照片"})
            task.with_user(self.user_handler).action_submit()
            self.assertNotIn(task, Task.search([("is_overdue", "=", True)]))

    def test_record_rules(self):
        mine = self._task(name="本单位任务")
        theirs = self._task(name="他单位任务", responsible_unit_id=self.unit_enforcement2.id,
                            responsible_user_id=self.handler2.id)
        Task = self.env["xingji.rectification"]
        # A unit sees its own tasks only.
        self.assertEqual(Task.with_user(self.user_handler).search([("id", "in", (mine | theirs).ids)]), mine)
        self.assertEqual(Task.with_user(self.user_unit_manager).search([("id", "in", (mine | theirs).ids)]), mine)
        self.assertEqual(Task.with_user(self.handler2).search([("id", "in", (mine | theirs).ids)]), theirs)
        with mute_logger("odoo.addons.base.models.ir_rule"), self.assertRaises(AccessError):
            theirs.with_user(self.user_handler).read(["name"])
        # The issuer sees what they created; leaders and discipline see all.
        self.assertEqual(Task.with_user(self.user_supervision).search([("id", "in", (mine | theirs).ids)]), mine | theirs)
        self.assertEqual(Task.with_user(self.user_leader).search([("id", "in", (mine | theirs).ids)]), mine | theirs)
        self.assertEqual(Task.with_user(self.user_discipline).search([("id", "in", (mine | theirs).ids)]), mine | theirs)
        # The configuration manager has no work role: nothing at all.
        with mute_logger("odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            Task.with_user(self.user_manager).search([])
        with mute_logger("odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            Task.with_user(self.settings_admin).search([])

    def test_kanban_groups_by_state_with_every_column(self):
        self._task()
        groups = self.env["xingji.rectification"].with_user(self.user_handler).web_read_group(
            [], ["state"], ["state"]
        )["groups"]
        self.assertEqual([g["state"] for g in groups], ["todo", "doing", "submitted", "done"])
        self.assertEqual(groups[0]["state_count"], 1)
        # A cancelled task shows in a folded column.
        cancelled = self._task(name="已取消任务", cancel_reason="重复")
        cancelled.with_user(self.user_supervision).action_cancel()
        groups = self.env["xingji.rectification"].with_user(self.user_handler).web_read_group(
            [], ["state"], ["state"]
        )["groups"]
        folded = {g["state"]: g.get("__fold", False) for g in groups}
        self.assertEqual(folded, {"todo": False, "doing": False, "submitted": False, "done": False, "cancelled": True})
