# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every scheduled action of both addons runs on the demo database, today
and on a day when it has work to do, as Odoo's cron runner calls it."""
from datetime import date, timedelta

from odoo.tests import TransactionCase, freeze_time, tagged

DEADLINE_MODELS = ("xingji.clue", "xingji.rectification", "xingji.notice", "xingji.share.request")


@tagged("post_install", "-at_install")
class TestDailyCrons(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("xingji_linkage.user_handler_demo", raise_if_not_found=False):
            cls.skipTest(cls, "needs the demo data")
        cls.crons = cls.env["ir.cron"].search(
            [
                (
                    "id",
                    "in",
                    cls.env["ir.model.data"]
                    .search(
                        [("module", "in", ("xingji_linkage", "xingji_reports")), ("model", "=", "ir.cron")]
                    )
                    .mapped("res_id"),
                )
            ]
        )

    def _cron(self, model, code=None):
        cron = self.crons.filtered(lambda c: c.model_id.model == model and (not code or code in c.code))
        self.assertEqual(len(cron), 1, f"one scheduled action on {model}")
        return cron

    def _run(self, cron):
        """Run as the scheduler does: as the cron's user, no language."""
        cron.with_context(lang=None).method_direct_trigger()
        self.env.invalidate_all()

    def _activities(self, model):
        return self.env["mail.activity"].search([("res_model", "=", model)])

    def test_every_cron_runs_on_demo_today(self):
        self.assertGreaterEqual(len(self.crons), 7)
        for cron in self.crons:
            with self.subTest(cron=cron.name):
                self._run(cron)

    def _deadline_work(self, model):
        """Open records of ``model`` with a deadline, none reminded yet."""
        Model = self.env[model].sudo()
        records = Model.search(Model._deadline_open_domain() + [("date_deadline", "!=", False)])
        self.assertTrue(records, f"the demo data has open {model} records with a deadline")
        records.write({"deadline_reminded": False, "deadline_escalated": False})
        return records

    def test_deadline_crons_when_everything_is_overdue(self):
        for model in DEADLINE_MODELS:
            with self.subTest(model=model):
                records = self._deadline_work(model)
                before = self._activities(model)
                later = max(records.mapped("date_deadline")) + timedelta(days=10)
                with freeze_time(later):
                    self._run(self._cron(model))
                new = self._activities(model) - before
                self.assertTrue(all(records.mapped("deadline_escalated")), "every overdue record escalated")
                self.assertEqual(
                    set(new.mapped("res_id")), set(records.ids), "each overdue record got an activity"
                )
                pairs = [(a.res_id, a.user_id.id) for a in new]
                self.assertEqual(len(pairs), len(set(pairs)), "one activity per user and record")
                # Followers follow the record once, whatever the activities.
                self.assertTrue(
                    all(a.user_id.partner_id in self.env[model].browse(a.res_id).message_partner_ids for a in new)
                )

    def test_clue_cron_reminds_then_escalates_in_the_users_language(self):
        clues = self._deadline_work("xingji.clue")
        first = min(clues.mapped("date_deadline"))
        soon = clues.filtered(lambda c: c.date_deadline == first)
        Activity = self.env["mail.activity"]
        before = Activity.search([("res_model", "=", "xingji.clue")])
        with freeze_time(first - timedelta(days=1)):
            self._run(self._cron("xingji.clue"))
        reminders = Activity.search([("res_model", "=", "xingji.clue")]) - before
        self.assertTrue(reminders)
        self.assertTrue(set(soon.ids) <= set(reminders.mapped("res_id")))
        self.assertTrue(all(soon.mapped("deadline_reminded")))
        zh = reminders.filtered(lambda a: a.user_id.lang == "zh_CN")
        self.assertTrue(zh)
        for activity in zh:
            self.assertNotIn(" by ", activity.summary, "the summary is in the user's language")
        # A second run the same day does nothing more.
        with freeze_time(first - timedelta(days=1)):
            self._run(self._cron("xingji.clue"))
        self.assertEqual(Activity.search([("res_model", "=", "xingji.clue")]) - before, reminders)

    def test_grant_cron_expires_grants(self):
        share = self.env.ref("xingji_linkage.share_clue_demo")
        user = self.env.ref("xingji_linkage.user_handler2_demo")
        grant = self.env["xingji.access.grant"].sudo().create(
            {
                "res_model": share._name,
                "res_id": share.id,
                "user_id": user.id,
                "date_end": date.today() + timedelta(days=5),
                "reason": "cron test",
            }
        )
        self._run(self._cron("xingji.access.grant"))
        self.assertTrue(grant.active, "a grant still running stays")
        with freeze_time(date.today() + timedelta(days=6)):
            self._run(self._cron("xingji.access.grant"))
        self.assertFalse(grant.active, "an expired grant is withdrawn")

    def test_linkage_warning_cron_tells_the_heads(self):
        year = date.today().year + 3
        Message = self.env["mail.message"]
        before = Message.search([("model", "=", "xingji.unit")])
        with freeze_time(date(year, 12, 20)):
            self._run(self._cron("xingji.meeting"))
        new = Message.search([("model", "=", "xingji.unit")]) - before
        self.assertTrue(new.filtered(lambda m: str(year) in (m.subject or "")))
        self.assertTrue(new.notification_ids.res_partner_id, "someone is told")

    def test_quarterly_tables_cron_prepares_and_reminds(self):
        if "xingji.statistics.table" not in self.env:
            self.skipTest("xingji_reports not installed")
        year = date.today().year + 3
        with freeze_time(date(year, 3, 25)):
            self._run(self._cron("xingji.statistics.table", "_cron_prepare_quarterly_tables"))
        tables = self.env["xingji.statistics.table"].sudo().search([("year", "=", year)])
        self.assertTrue(tables)
        self.assertTrue(tables.activity_ids, "the liaisons have an activity")
        zh = tables.activity_ids.filtered(lambda a: a.user_id.lang == "zh_CN")
        for activity in zh:
            self.assertNotIn("Submit", activity.summary, "the summary is in the user's language")
