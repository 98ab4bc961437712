# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.xingji_linkage.tests.clue_common import XingjiClueCase

from ..tools.bench import insert_clues, quarter_span
from .common import XingjiReportCase


@tagged("post_install", "-at_install", "xingji_reports")
class TestStatisticsWithClues(XingjiReportCase, XingjiClueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit_other = cls.env["xingji.unit"].create(
            {"name": "测试另一处", "code": "T-OTHER", "kind": "enforcement", "manager_id": cls.user_unit_manager.id,
             "member_ids": [Command.link(cls.user_handler.id)]}
        )

    def _transfer_on(self, moment, **vals):
        # A clue is discovered no later than it is referred.
        vals.setdefault("date_discovered", moment[:10])
        with freeze_time(moment):
            return self._to_transferred(**vals)

    def _wizard(self, user, units, quarter="1"):
        return self.env["xingji.statistics.wizard"].with_user(user).create(
            {"year": 2026, "quarter": quarter, "unit_ids": [Command.set(units.ids)]}
        )

    def test_rows_per_unit_in_the_quarter_pdf_and_xlsx(self):
        clue = self._transfer_on(
            "2026-02-10 02:00:00",
            main_problem="检查中接受企业宴请并隐瞒缺陷",
            person_ids=[Command.create({"name": "王某", "employer_post": "测试执法处 科员",
                                        "cadre_rank": "below_division", "is_party_member": True})],
        )
        self._transfer_on("2026-04-02 02:00:00", main_problem="第二季度的线索")
        self._transfer_on("2026-03-03 02:00:00", main_problem="另一处的线索", source_unit_id=self.unit_other.id)
        nature = dict(clue._fields["nature"]._description_selection(clue.with_context(lang="zh_CN").env))[clue.nature]

        wizard = self._wizard(self.user_leader, self.unit_enforcement | self.unit_other)
        pdf = self.render_pdf("xingji_reports.action_report_statistics", wizard, user=self.user_leader)
        pages = self.pdf_pages(pdf)
        self.assertEqual(len(pages), 2)
        first, second = (self.squash(page) for page in pages)
        self.assertIn(self.squash(f"填表部门：{self.unit_enforcement.name}"), first)
        for value in ("2026年02月10日", "王某（测试执法处 科员）", "检查中接受企业宴请并隐瞒缺陷",
                      *nature.split(), clue.receiving_unit_id.name):
            self.assertIn(self.squash(value), first)
        # The first line of the row holds the start of each of the five
        # cells, left to right, in the columns of 附件1.
        line = next(line for line in self.pdf_text(pdf).splitlines() if "2026年02月10" in line)
        position = -1
        for part in ("2026年02月10", "王某", "检查中", nature[:2], clue.receiving_unit_id.name):
            self.assertIn(part, line[position + 1:], f"{part!r} out of column order in {line!r}")
            position = line.index(part, position + 1)
        self.assertNotIn(self.squash("第二季度的线索"), first, "A clue of another quarter is not listed")
        self.assertNotIn(self.squash("另一处的线索"), first)
        self.assertIn(self.squash("另一处的线索"), second)

        book = self.xlsx_of_action(wizard.action_export_xlsx(), wizard)
        sheet = book[self.unit_enforcement.name]
        self.assertEqual(sheet["A4"].value, datetime.datetime(2026, 2, 10))
        self.assertEqual(sheet["B4"].value, "王某（测试执法处 科员）")
        self.assertEqual(sheet["C4"].value, "检查中接受企业宴请并隐瞒缺陷")
        self.assertEqual(sheet["D4"].value, nature)
        self.assertEqual(sheet["E4"].value, clue.receiving_unit_id.name)
        self.assertIsNone(sheet["C5"].value, "Only one clue of this unit in the quarter")
        summary = book["汇总"]
        self.assertEqual([summary["A4"].value, summary["B4"].value], [self.unit_enforcement.name, 1])
        self.assertEqual([summary["A5"].value, summary["B5"].value], [self.unit_other.name, 1])

    def test_only_clues_the_user_may_read(self):
        self._transfer_on("2026-02-10 02:00:00", main_problem="仅知悉范围可见的线索")
        outsider = self.user_handler2
        self.unit_enforcement.member_ids = [Command.link(outsider.id)]
        wizard = self._wizard(outsider, self.unit_enforcement)
        pdf = self.render_pdf("xingji_reports.action_report_statistics", wizard, user=outsider)
        text = self.squash(self.pdf_text(pdf))
        self.assertNotIn(self.squash("仅知悉范围可见的线索"), text)
        self.assertIn(self.squash("本季度无移送线索。"), text)
        book = self.xlsx_of_action(wizard.action_export_xlsx(), wizard)
        self.assertIsNone(book[self.unit_enforcement.name]["C4"].value)
        self.assertEqual(book["汇总"]["B4"].value, 0)
        # The settings administrator has no linkage role: no statistics.
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_model"):
            self._wizard(self.settings_admin, self.unit_enforcement)
        # Someone in the knowledge scope sees it.
        leader_wizard = self._wizard(self.user_leader, self.unit_enforcement)
        book = self.xlsx_of_action(leader_wizard.action_export_xlsx(), leader_wizard)
        self.assertEqual(book[self.unit_enforcement.name]["C4"].value, "仅知悉范围可见的线索")

    def _export_queries(self, count):
        start, end = quarter_span(2026, 3)
        insert_clues(self.env, count, self.unit_enforcement | self.unit_other, self.unit_discipline,
                     self.user_leader, start, end, prefix=f"QC{count}")
        wizard = self._wizard(self.user_leader, self.unit_enforcement | self.unit_other, quarter="3")
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        # The workbook as the route builds it; the access-log rows written
        # after it are counted by the log's own tests.
        Table = self.env["xingji.statistics.table"].with_user(self.user_leader)
        lang = self.env["ir.actions.report"]._xingji_print_lang()
        content = Table._quarterly_xlsx(wizard._sections(lang=lang), wizard.year, wizard.quarter)
        queries = self.env.cr.sql_log_count - before
        book = self.open_xlsx(content)
        listed = book["汇总"]["B4"].value + book["汇总"]["B5"].value
        return queries, listed

    def test_reported_persons_follow_the_clue_rule_alone(self):
        """The table reads reported persons in its clue query, under the
        clue's rules: that is right only while the person model has no rule
        but the clue's scope. A new rule on persons must be honoured in
        ``_collect_sections`` too before this test is changed."""
        rules = self.env["ir.rule"].sudo().with_context(active_test=False).search(
            [("model_id.model", "=", "xingji.clue.person")]
        )
        self.assertEqual(
            [(r.domain_force, r["global"], r.active) for r in rules],
            [("[('clue_id.scope_user_ids', 'in', [user.id])]", True, True)],
        )
        clue_rule = self.env.ref("xingji_linkage.xingji_clue_rule_need_to_know")
        self.assertEqual(clue_rule.domain_force, "[('scope_user_ids', 'in', [user.id])]")

    def test_xlsx_query_count_does_not_grow_with_clues(self):
        self._export_queries(1)  # warm the caches
        small, listed_small = self._export_queries(20)
        large, listed_large = self._export_queries(200)
        self.assertEqual(listed_small, 21)
        self.assertEqual(listed_large, 221)
        self.assertEqual(small, large, "The export reads the clues in a fixed number of queries")

    def test_liaison_prints_and_exports_the_units_table(self):
        self.unit_enforcement.liaison_ids = [Command.link(self.user_handler.id)]
        self._transfer_on("2026-05-12 02:00:00", main_problem="第二季度移送的线索")
        table = self.env["xingji.statistics.table"].create(
            {"unit_id": self.unit_enforcement.id, "year": 2026, "quarter": "2"}
        ).with_user(self.user_handler)
        self.assertEqual(table.clue_count, 1)
        book = self.xlsx_of_action(table.action_export_xlsx(), table)
        sheet = book[self.unit_enforcement.name]
        self.assertEqual(sheet["A1"].value, "行政执法与纪检监察监督贯通协同情况统计表（2026年第2季度）")
        self.assertEqual(sheet["C4"].value, "第二季度移送的线索")
        pdf = self.render_pdf("xingji_reports.action_report_statistics_table", table, user=self.user_handler)
        text = self.squash(self.pdf_text(pdf))
        self.assertIn(self.squash("2026年05月12日"), text)
        self.assertIn(self.squash("第二季度移送的线索"), text)
