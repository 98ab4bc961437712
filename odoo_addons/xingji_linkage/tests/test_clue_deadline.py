# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .clue_common import XingjiClueCase


@tagged("post_install", "-at_install", "xingji_clue")
class TestClueDeadlines(XingjiClueCase):
    """2026: 春节 holidays 15-23 February, Saturdays 14 and 28 February worked (调休)."""

    def _activities(self, clue, user):
        return self.env["mail.activity"].search(
            [("res_model", "=", "xingji.clue"), ("res_id", "=", clue.id), ("user_id", "=", user.id)]
        )

    def test_referral_deadline_counts_from_discovery(self):
        with freeze_time("2026-02-06"):
            clue = self._new_clue(date_discovered="2026-02-05")
        # 15 working days from Thu 5 Feb: Sat 14 and Sat 28 count, 15-23 do not.
        self.assertEqual(clue.date_deadline, date(2026, 3, 4))
        clue.date_discovered = "2026-03-02"
        self.assertEqual(clue.date_deadline, date(2026, 3, 23))

    def test_decision_deadline_spans_holiday_and_exchanged_saturday(self):
        with freeze_time("2026-02-10"):
            clue = self._new_clue(date_discovered="2026-02-09")
            clue.action_submit()
            # 部门负责人: 3 working days.
            self.assertEqual(clue.date_deadline, date(2026, 2, 13))
        with freeze_time("2026-02-12"):
            clue.with_user(self.user_unit_manager)._approve("ok")
            # 局领导: 5 working days: 13, 14 (调休), 24, 25, 26.
            self.assertEqual(clue.date_deadline, date(2026, 2, 26))
            clue.with_user(self.user_leader)._approve("ok")
            # Receiving body: 5 working days to accept or return.
            self.assertEqual(clue.state, "transferred")
            self.assertEqual(clue.date_deadline, date(2026, 2, 26))
        Clue = self.env["xingji.clue"]
        with freeze_time("2026-02-24"):
            self.assertFalse(clue.is_overdue)
            reminded, overdue = Clue._cron_deadline_reminders()
            self.assertIn(clue, reminded)
            self.assertNotIn(clue, overdue)
            self.assertTrue(self._activities(clue, self.user_discipline))
        with freeze_time("2026-02-26"):
            clue.invalidate_recordset(["is_overdue"])
            self.assertFalse(clue.is_overdue, "due today is not overdue")
        parent = self.env["xingji.unit"].create(
            {"name": "测试局党组", "code": "T-DZ", "manager_id": self.user_leader.id}
        )
        self.unit_discipline.parent_id = parent
        with freeze_time("2026-02-27"):
            clue.invalidate_recordset(["is_overdue"])
            self.assertTrue(clue.is_overdue)
            self.assertIn(clue, Clue.with_user(self.user_handler).search([("is_overdue", "=", True)]))
            _reminded, overdue = Clue._cron_deadline_reminders()
            self.assertIn(clue, overdue)
            escalation = self._activities(clue, self.user_leader)
            self.assertTrue(escalation, "the head above the receiving body is told")
            # The summary is in the language of the user told (feat/daily).
            self.assertIn(
                "Overdue" if self.user_leader.lang == "en_US" else "超期", escalation[-1].summary
            )
            # Escalated once only.
            _reminded, overdue = Clue._cron_deadline_reminders()
            self.assertNotIn(clue, overdue)
        with freeze_time("2026-02-27"):
            clue.with_user(self.user_discipline).action_accept()
            clue.invalidate_recordset(["is_overdue"])
            self.assertFalse(clue.is_overdue)
            self.assertGreater(clue.date_deadline, date(2026, 4, 1))

    def test_overdue_draft_escalates_to_source_head(self):
        with freeze_time("2026-02-06"):
            clue = self._new_clue(date_discovered="2026-02-05")
        with freeze_time("2026-03-05"):
            _reminded, overdue = self.env["xingji.clue"]._cron_deadline_reminders()
            self.assertIn(clue, overdue)
            self.assertTrue(self._activities(clue, self.user_unit_manager))
            # Nobody outside the knowledge scope is told.
            told = self.env["mail.activity"].search(
                [("res_model", "=", "xingji.clue"), ("res_id", "=", clue.id)]
            ).user_id
            self.assertFalse(told - clue.sudo().scope_user_ids)

    def test_closed_and_cancelled_are_never_overdue(self):
        with freeze_time("2026-02-06"):
            clue = self._new_clue(date_discovered="2026-02-05")
            clue._cancel("重复")
        with freeze_time("2026-06-01"):
            self.assertFalse(clue.is_overdue)
            _reminded, overdue = self.env["xingji.clue"]._cron_deadline_reminders()
            self.assertNotIn(clue, overdue)

    def test_configured_days_take_effect(self):
        self.env.ref("xingji_linkage.clue_deadline_discipline_draft").with_user(self.user_manager).working_days = 5
        with freeze_time("2026-02-06"):
            clue = self._new_clue(date_discovered="2026-02-05")
        # 6, 9, 10, 11, 12.
        self.assertEqual(clue.date_deadline, date(2026, 2, 12))
        self.step_head.with_user(self.user_manager).deadline_days = 1
        with freeze_time("2026-02-13"):
            clue.action_submit()
            # Next working day after Fri 13 Feb is Sat 14 (调休).
            self.assertEqual(clue.date_deadline, date(2026, 2, 14))

    def test_cron_record_exists(self):
        cron = self.env.ref("xingji_linkage.ir_cron_clue_deadlines")
        self.assertEqual(cron.model_id.model, "xingji.clue")
        self.assertIn("_cron_deadline_reminders", cron.code)

    def test_cron_query_count_does_not_grow_with_overdue_clues(self):
        """Reminding and escalating is batched: 3 or 9 overdue drafts cost the same
        (a first round of 2 warms the caches and is not counted)."""
        Clue = self.env["xingji.clue"]
        counts = []
        for number in (2, 3, 9):
            with freeze_time("2026-02-06"):
                clues = Clue.browse()
                for _i in range(number):
                    clues |= self._new_clue(date_discovered="2026-02-05")
            with freeze_time("2026-03-05"):
                self.env.flush_all()
                self.env.invalidate_all()
                start = self.cr.sql_log_count
                _reminded, overdue = Clue._cron_deadline_reminders()
                self.env.flush_all()
                counts.append(self.cr.sql_log_count - start)
                self.assertEqual(overdue & clues, clues)
        self.assertEqual(counts[1], counts[2], f"queries for 2, 3 and 9 overdue clues: {counts}")
