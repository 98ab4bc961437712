# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import XingjiReportCase, run_poppler


@tagged("post_install", "-at_install", "xingji_reports")
class TestReportInfrastructure(XingjiReportCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Unit = cls.env["xingji.unit"]
        cls.unit_b = Unit.create({"name": "测试第二执法处", "code": "T-ENF2", "kind": "enforcement"})
        cls.unit_c = Unit.create({"name": "测试检查分局", "code": "T-ENF3", "kind": "enforcement"})
        cls.units = cls.unit_enforcement | cls.unit_b | cls.unit_c

    def test_statistics_pdf_is_a4_chinese_with_label_on_every_page(self):
        """Three units give three pages: each has the 附件1 title, its own
        填表部门 and the confidentiality label; the font is the SC variant."""
        wizard = self.env["xingji.statistics.wizard"].with_user(self.user_leader).create(
            {"year": 2026, "quarter": "1", "unit_ids": [(6, 0, self.units.ids)]}
        )
        pdf = self.render_pdf("xingji_reports.action_report_statistics", wizard, user=self.user_leader)
        self.assertIn("595 x 842 pts (A4)", run_poppler("pdfinfo", pdf))
        self.assertSimplifiedChineseFont(pdf)
        self.assertLabelOnEveryPage(pdf, "内部资料 · 含问题线索信息，严格控制知悉范围", min_pages=3)
        pages = self.pdf_pages(pdf)
        self.assertEqual(len(pages), 3)
        for page, unit in zip(pages, self.units):
            flat = self.squash(page)
            self.assertIn(self.squash("行政执法与纪检监察监督贯通协同情况统计表"), flat)
            self.assertIn(self.squash("2026年第1季度"), flat)
            self.assertIn(self.squash(f"填表部门：{unit.name}"), flat)
            self.assertIn(self.squash("填表时间："), flat)
            for header in ("移送时间", "涉嫌违纪违法人员", "问题线索情况", "问题性质"):
                self.assertIn(self.squash(header), flat)
            self.assertIn(self.squash("本季度无移送线索。"), flat)

    def test_several_records_print_with_debian_wkhtmltopdf(self):
        """Printing several records at once works although Debian's
        wkhtmltopdf refuses several input documents; each record is
        stamped with the label."""
        Table = self.env["xingji.statistics.table"]
        tables = Table.create(
            [
                {"unit_id": self.unit_enforcement.id, "year": 2026, "quarter": "2"},
                {"unit_id": self.unit_b.id, "year": 2026, "quarter": "2"},
            ]
        )
        pdf = self.render_pdf("xingji_reports.action_report_statistics_table", tables, user=self.user_leader)
        pages = self.pdf_pages(pdf)
        self.assertEqual(len(pages), 2)
        self.assertIn(self.squash(self.unit_enforcement.name), self.squash(pages[0]))
        self.assertIn(self.squash(self.unit_b.name), self.squash(pages[1]))
        self.assertLabelOnEveryPage(pdf, "内部资料 · 含问题线索信息，严格控制知悉范围", min_pages=2)

    def test_print_language_is_simplified_chinese(self):
        self.assertEqual(self.env["ir.actions.report"]._xingji_print_lang(), "zh_CN")
