# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 9 items 5 and 11: generated files never outlive the scope of the
clues in them, their downloads and prints are logged, and a report of a
record the user may not read answers like one that does not exist."""
import io

import openpyxl

from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.xingji_linkage.tests.leaks_common import LeaksAttackCase

PROBLEM = "检查中接受企业宴请"


@tagged("post_install", "-at_install", "xingji_reports")
class TestAttackReports(LeaksAttackCase):
    def setUp(self):
        super().setUp()
        self.clue, _file = self._transferred_clue()
        moment = self.clue.date_transferred
        self.table = self.env["xingji.statistics.table"].create(
            {"unit_id": self.unit_enforcement.id, "year": moment.year, "quarter": str((moment.month - 1) // 3 + 1)}
        )

    def _cells(self, content):
        book = openpyxl.load_workbook(io.BytesIO(content))
        return {str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row if cell.value}

    def _logs(self, user, action):
        return self.env["xingji.access.log"].sudo().search(
            [("res_model", "=", "xingji.clue"), ("res_id", "=", self.clue.id),
             ("user_id", "=", user.id), ("action", "=", action)]
        )

    def _attachments(self):
        return self.env["ir.attachment"].sudo().search_count(
            [("res_model", "in", ["xingji.statistics.table", "xingji.statistics.wizard"])]
        )

    def test_quarterly_xlsx_streamed_logged_never_stored(self):
        before = self._attachments()
        action = self.rpc(self.user_leader, "xingji.statistics.table", "action_export_xlsx", [self.table.id])
        self.assertFalse(action["url"].startswith("/web/content"), "The file is not stored")
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertTrue(any(PROBLEM in cell for cell in self._cells(response.content)))
        self.assertEqual(self._attachments(), before, "Nothing is stored")
        self.assertTrue(self._logs(self.user_leader, "export"), "The export is in the access log")
        # The reported person (a leader who reads every table) gets the same
        # link, and a file without the clue that names him.
        self._login(self.reported)
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertFalse(any(PROBLEM in cell for cell in self._cells(response.content)))
        self.assertFalse(self._logs(self.reported, "export"))

    def test_wizard_xlsx_of_another_user_hidden_like_absent(self):
        wizard_id = self.rpc(
            self.user_leader, "xingji.statistics.wizard", "create",
            {"year": self.table.year, "quarter": self.table.quarter,
             "unit_ids": [Command.set(self.unit_enforcement.ids)]},
        )
        action = self.rpc(self.user_leader, "xingji.statistics.wizard", "action_export_xlsx", [wizard_id])
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertTrue(any(PROBLEM in cell for cell in self._cells(response.content)))
        self.assertTrue(self._logs(self.user_leader, "export"))
        self._login(self.reported)
        hidden = self.url_open(action["url"])
        absent = self.url_open(action["url"].replace(f"/{wizard_id}/", f"/{wizard_id + 100000}/"))
        self.assertEqual(hidden.status_code, 404)
        self.assertEqual((hidden.status_code, hidden.content), (absent.status_code, absent.content))

    def test_statistics_print_logged(self):
        self._login(self.user_leader)
        response = self.url_open(f"/report/html/xingji_reports.report_statistics_table/{self.table.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(PROBLEM, response.text)
        self.assertTrue(self._logs(self.user_leader, "print"), "Printing the table is in the access log")

    def test_report_of_hidden_record_answers_like_absent(self):
        self._login(self.outsider)
        for converter in ("html", "pdf"):
            hidden = self.url_open(f"/report/{converter}/xingji_reports.report_clue_transfer/{self.clue.id}")
            absent = self.url_open(
                f"/report/{converter}/xingji_reports.report_clue_transfer/{self.clue.id + 100000}"
            )
            self.assertIn(hidden.status_code, (403, 404), converter + hidden.text[:3000])
            self.assertEqual((hidden.status_code, hidden.text), (absent.status_code, absent.text), converter)
            self.assertNotIn(self.clue.name, hidden.text)
        self._login(self.user_handler)
        response = self.url_open(f"/report/html/xingji_reports.report_clue_transfer/{self.clue.id}")
        self.assertEqual(response.status_code, 200)
