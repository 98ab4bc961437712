# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "xingji_calendar")
class TestWorkingDays(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Holiday = cls.env["xingji.holiday"]

    def test_2026_calendar_loaded(self):
        self.assertEqual(self.Holiday.search_count([("year", "=", 2026)]), 39)

    def test_spring_festival_and_exchanged_saturday(self):
        # Fri 2026-02-13 + 1 working day: Sat 02-14 is worked in exchange.
        self.assertEqual(self.Holiday.add_working_days(date(2026, 2, 13), 1), date(2026, 2, 14))
        # + 2: the holiday runs 02-15 .. 02-23, so Tue 02-24.
        self.assertEqual(self.Holiday.add_working_days(date(2026, 2, 13), 2), date(2026, 2, 24))

    def test_national_day_span(self):
        # Wed 2026-09-30 + 3 working days: 10-01..07 off, Thu 10-08, Fri 10-09,
        # Sat 10-10 worked in exchange.
        self.assertEqual(self.Holiday.add_working_days(date(2026, 9, 30), 3), date(2026, 10, 10))
        self.assertEqual(
            self.Holiday.count_working_days(date(2026, 9, 30), date(2026, 10, 10)), 3
        )

    def test_plain_weekend_skipped(self):
        # Fri 2026-03-06 + 1 working day -> Mon 03-09.
        self.assertEqual(self.Holiday.add_working_days(date(2026, 3, 6), 1), date(2026, 3, 9))
        self.assertFalse(self.Holiday.is_working_day(date(2026, 3, 7)))
        self.assertTrue(self.Holiday.is_working_day(date(2026, 2, 28)), "调休 Saturday")
        self.assertFalse(self.Holiday.is_working_day(date(2026, 5, 1)))

    def test_next_year_entered_in_ui_counts(self):
        self.Holiday.create({"date": date(2027, 1, 1), "kind": "holiday", "name": "元旦"})
        # Thu 2026-12-31 + 1 -> Fri 2027-01-01 is now a holiday -> Mon 01-04.
        self.assertEqual(self.Holiday.add_working_days(date(2026, 12, 31), 1), date(2027, 1, 4))

    def test_calendar_specific_exception(self):
        calendar = self.env["resource.calendar"].create({"name": "分局日历"})
        self.Holiday.create(
            {"date": date(2026, 3, 9), "kind": "holiday", "name": "本地", "calendar_id": calendar.id}
        )
        self.assertEqual(
            self.Holiday.add_working_days(date(2026, 3, 6), 1, calendar), date(2026, 3, 10)
        )
        self.assertEqual(self.Holiday.add_working_days(date(2026, 3, 6), 1), date(2026, 3, 9))

    def test_query_count_does_not_grow_with_span(self):
        self.Holiday.add_working_days(date(2026, 1, 1), 1)  # warm the calendar cache
        for days in (5, 200):
            self.env.invalidate_all()
            with self.subTest(days=days), self.assertQueryCount(4):
                self.Holiday.add_working_days(date(2026, 1, 1), days)
