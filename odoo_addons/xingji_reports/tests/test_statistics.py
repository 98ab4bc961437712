# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import XingjiReportCase


@tagged("post_install", "-at_install", "xingji_reports")
class TestStatisticsTable(XingjiReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_enforcement.liaison_ids = [(4, cls.user_handler.id)]
        cls.Table = cls.env["xingji.statistics.table"]

    def _tables(self, year, quarter):
        return self.Table.search(
            [("unit_id", "=", self.unit_enforcement.id), ("year", "=", year), ("quarter", "=", quarter)]
        )

    def test_cron_prepares_draft_and_reminds_liaison_once(self):
        self.env["ir.config_parameter"].sudo().set_param("xingji_reports.statistics_lead_days", "10")
        with freeze_time("2026-03-10"):
            self.Table._cron_prepare_quarterly_tables()
            self.assertFalse(self._tables(2026, "1"), "Too early: more than 10 days before the quarter ends")
        with freeze_time("2026-03-25"):
            self.Table._cron_prepare_quarterly_tables()
            table = self._tables(2026, "1")
            self.assertEqual(len(table), 1)
            self.assertEqual(table.state, "draft")
            activity = table.activity_ids
            self.assertEqual(activity.user_id, self.user_handler, "The liaison is reminded")
            self.assertEqual(activity.activity_type_id, self.env.ref("xingji_reports.mail_activity_statistics_submit"))
            # Deadline: 5 working days after 31 March 2026 (Qingming falls later).
            self.assertGreater(activity.date_deadline, table._quarter_bounds(2026, "1")[1].date())
            self.Table._cron_prepare_quarterly_tables()
        with freeze_time("2026-04-02"):
            self.Table._cron_prepare_quarterly_tables()
        self.assertEqual(len(self._tables(2026, "1")), 1, "Reruns do not duplicate the table")
        self.assertEqual(len(self._tables(2026, "1").activity_ids), 1, "Reruns do not remind again")

    def test_cron_without_liaison_reminds_head(self):
        unit = self.env["xingji.unit"].create(
            {"name": "无联络员处", "code": "T-NOL", "kind": "enforcement", "manager_id": self.user_unit_manager.id}
        )
        with freeze_time("2026-06-28"):
            self.Table._cron_prepare_quarterly_tables()
        table = self.Table.search([("unit_id", "=", unit.id), ("year", "=", 2026), ("quarter", "=", "2")])
        self.assertEqual(table.activity_ids.user_id, self.user_unit_manager)

    def test_submit_closes_reminder_and_refuses_twice(self):
        with freeze_time("2026-09-25"):
            self.Table._cron_prepare_quarterly_tables()
        self.unit_discipline.receives_statistics = True
        table = self._tables(2026, "3").with_user(self.user_handler)
        table.action_submit()
        self.assertEqual(table.state, "submitted")
        self.assertEqual(table.submitted_by_id, self.user_handler)
        submit_type = self.env.ref("xingji_reports.mail_activity_statistics_submit")
        self.assertFalse(
            table.activity_ids.filtered(lambda a: a.activity_type_id == submit_type),
            "The reminder is done once submitted",
        )
        with self.assertRaises(UserError):
            table.action_submit()

    def test_liaison_sees_only_own_units_tables(self):
        other = self.env["xingji.unit"].create({"name": "他处", "code": "T-OTH", "kind": "enforcement"})
        mine, theirs = self.Table.create(
            [
                {"unit_id": self.unit_enforcement.id, "year": 2026, "quarter": "4"},
                {"unit_id": other.id, "year": 2026, "quarter": "4"},
            ]
        )
        visible = self.Table.with_user(self.user_handler).search([("year", "=", 2026), ("quarter", "=", "4")])
        self.assertEqual(visible, mine)
        visible = self.Table.with_user(self.user_discipline).search([("year", "=", 2026), ("quarter", "=", "4")])
        self.assertEqual(visible, mine | theirs)

    def test_xlsx_layout(self):
        """Summary sheet plus one sheet per unit; Chinese headers, frozen
        header rows, widths and wrapping."""
        other = self.env["xingji.unit"].create({"name": "第二处[测试]", "code": "T-XL", "kind": "enforcement"})
        wizard = self.env["xingji.statistics.wizard"].with_user(self.user_leader).create(
            {"year": 2026, "quarter": "1", "unit_ids": [(6, 0, (self.unit_enforcement | other).ids)]}
        )
        book = self.xlsx_of_action(wizard.action_export_xlsx(), wizard)
        self.assertEqual(book.sheetnames, ["汇总", self.unit_enforcement.name, "第二处_测试_"])
        sheet = book[self.unit_enforcement.name]
        self.assertEqual(sheet["A1"].value, "行政执法与纪检监察监督贯通协同情况统计表（2026年第1季度）")
        self.assertEqual(sheet["A2"].value, f"填表部门：{self.unit_enforcement.name}")
        self.assertTrue(sheet["D2"].value.startswith("填表时间："))
        self.assertEqual(
            [sheet.cell(3, col).value for col in range(1, 6)],
            ["移送时间", "涉嫌违纪违法人员", "问题线索情况", "问题性质", "接收线索纪检监察部门"],
        )
        self.assertEqual(sheet.freeze_panes, "A4")
        self.assertTrue(sheet["C3"].alignment.wrap_text)
        self.assertGreater(sheet.column_dimensions["C"].width, 50)
        summary = book["汇总"]
        self.assertEqual(summary["A3"].value, "部门")
        self.assertEqual(summary["B3"].value, "移送线索数")
        self.assertEqual(summary["A4"].value, self.unit_enforcement.name)
        self.assertEqual(summary["B4"].value, 0)
        self.assertEqual(summary.freeze_panes, "B4")
