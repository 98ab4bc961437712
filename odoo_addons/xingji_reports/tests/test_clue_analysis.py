# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.xingji_linkage.tests.clue_common import XingjiClueCase

from .common import XingjiReportCase


@tagged("post_install", "-at_install", "xingji_reports")
class TestClueAnalysis(XingjiReportCase, XingjiClueCase):
    def _fault_clue_fed_back(self):
        """Discovered Mon 23 March 2026, transferred (and accepted at once)
        Fri 27 March, fed back Wed 8 April, across the Qingming holiday."""
        with freeze_time("2026-03-27 02:00:00"):
            clue = self._new_fault_clue(
                date_discovered="2026-03-23",
                source="petition",
                violation_facts="证据收集不规范",
                # Seed 001 art. 4 content of a referral between the two bodies.
                evidence="案卷复印件",
                person_ids=[Command.create({"name": "王某", "employer_post": "测试执法处 科员",
                                            "cadre_rank": "below_division", "cert_number": "GX-1"})],
            )
            clue.action_submit()
            clue.with_user(self.user_leader)._approve("同意移送法规处")
        with freeze_time("2026-04-08 02:00:00"):
            supervised = clue.with_user(self.user_supervision)
            supervised.write({"verification_result": "属实", "handling_result": "已纠正"})
            supervised.action_feedback()
        return clue

    def test_timeliness_in_working_days(self):
        clue = self._fault_clue_fed_back()
        self.env.flush_all()
        row = self.env["xingji.clue.report"].with_user(self.user_supervision).search([("clue_id", "=", clue.id)])
        self.assertEqual(len(row), 1)
        self.assertEqual((row.referral_count, row.accepted_count, row.fed_back_count, row.returned_count),
                         (1, 1, 1, 0))
        self.assertEqual(row.days_to_transfer, 4)
        self.assertEqual(row.days_to_accept, 0)
        self.assertEqual(row.days_to_feedback, 7, "4-6 April 2026 (清明节) are not working days")
        self.assertEqual(
            row.days_to_feedback, self.env["xingji.holiday"].count_working_days(date(2026, 3, 27), date(2026, 4, 8))
        )

    def test_stage_not_reached_counts_in_no_average(self):
        fed_back = self._fault_clue_fed_back()
        waiting = self._to_transferred()  # transferred, neither accepted nor fed back
        self.env.flush_all()
        Report = self.env["xingji.clue.report"]
        [(accept, feedback)] = Report._read_group(
            [("clue_id", "in", (fed_back | waiting).ids)], [], ["days_to_accept:avg", "days_to_feedback:avg"]
        )
        self.assertEqual((accept, feedback), (0, 7), "an open clue must not pull the averages down as a 0")
        self.env.cr.execute("SELECT days_to_accept, days_to_feedback FROM xingji_clue_report WHERE clue_id = %s",
                            [waiting.id])
        self.assertEqual(self.env.cr.fetchone(), (None, None))

    def test_analysis_follows_the_knowledge_scope(self):
        clue = self._fault_clue_fed_back()
        self.env.flush_all()
        Report = self.env["xingji.clue.report"]
        self.assertFalse(Report.with_user(self.user_handler2).search([("clue_id", "=", clue.id)]))
        self.assertTrue(Report.with_user(self.user_supervision).search([("clue_id", "=", clue.id)]))
        # The settings administrator holds no linkage role: no access at all.
        self.assertFalse(
            self.env["ir.model.access"].with_user(self.settings_admin).check(
                "xingji.clue.report", "read", raise_exception=False
            )
        )
        counts = Report.with_user(self.user_handler2)._read_group([], [], ["referral_count:sum"])
        self.assertFalse(counts[0][0], "Aggregates of an outsider do not count the clue")

    def test_summary_xlsx(self):
        clue = self._fault_clue_fed_back()
        task = self.env["xingji.rectification"].with_user(self.user_supervision).create(
            {
                "name": "规范证据收集",
                "responsible_unit_id": self.unit_enforcement.id,
                "responsible_user_id": self.user_handler.id,
                "verifier_id": self.user_supervision.id,
                "issuer_unit_id": self.unit_supervision.id,
                "date_deadline": "2026-01-31",
            }
        )
        self.assertTrue(task.is_overdue)
        wizard = self.env["xingji.statistics.wizard"].with_user(self.user_supervision).with_context(
            xingji_summary=True).create({"year": 2026, "quarter": "1", "unit_ids": [Command.clear()]})
        book = self.xlsx_of_action(wizard.action_export_summary(), wizard)
        self.assertEqual(
            book.sheetnames, ["按部门", "按移送方向", "按问题性质", "按线索来源", "按职权类型", "按季度", "整改情况"]
        )
        by_unit = book["按部门"]
        self.assertEqual(by_unit["B3"].value, "移送线索")
        self.assertEqual(by_unit.freeze_panes, "B4")
        rows = {by_unit.cell(r, 1).value: [by_unit.cell(r, c).value for c in range(2, 10)]
                for r in range(4, by_unit.max_row + 1)}
        self.assertEqual(rows[clue.source_unit_id.display_name], [1, 1, 0, 1, 0, 4, 0, 7])
        by_quarter = book["按季度"]
        self.assertEqual(by_quarter["A4"].value, "2026年第1季度")
        by_source = book["按线索来源"]
        source = dict(clue._fields["source"]._description_selection(clue.with_context(lang="zh_CN").env))["petition"]
        self.assertIn(source, [by_source.cell(r, 1).value for r in range(4, by_source.max_row + 1)])
        rect = book["整改情况"]
        self.assertEqual([rect.cell(3, c).value for c in range(1, 7)],
                         ["责任单位", "整改任务", "已销号", "完成率", "逾期", "逾期率"])
        line = [rect.cell(4, c).value for c in range(1, 7)]
        self.assertEqual(line, [self.unit_enforcement.display_name, 1, 0, 0, 1, 1])
        self.assertEqual(rect.cell(4, 6).number_format, "0.0%")
        # An outsider's summary has no referral of this clue.
        outsider = self.env["xingji.statistics.wizard"].with_user(self.user_handler2).create(
            {"year": 2026, "quarter": "1"})
        book = self.xlsx_of_action(outsider.action_export_summary(), outsider)
        self.assertEqual(book["按部门"].max_row, 3, "No row at all for someone outside the knowledge scope")
