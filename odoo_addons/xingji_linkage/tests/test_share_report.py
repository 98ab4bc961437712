# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os
import subprocess
import tempfile

from odoo.tests import tagged

from .share_common import ShareCase


def pdf_pages_text(pdf):
    """Text of each page of a PDF (poppler's pdftotext)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "doc.pdf")
        with open(path, "wb") as f:
            f.write(pdf)
        text = subprocess.run(
            ["pdftotext", "-layout", path, "-"], check=True, capture_output=True
        ).stdout.decode()
    return [page for page in text.split("\f") if page.strip()]


@tagged("post_install", "-at_install", "xingji_share")
class TestShareReport(ShareCase):
    def setUp(self):
        super().setUp()
        # wkhtmltopdf fetches CSS from report.url; a refusing address avoids
        # waiting on the test server while the test holds the registry.
        self.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")

    def _render(self, share, user):
        long_body = "".join(
            f"<p>第{i}段：检查中发现的问题及处理情况，内容较长，用于生成多页文档。</p>" for i in range(160)
        )
        share.sudo().body = long_body
        return (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True, lang="en_US")
            ._render_qweb_pdf("xingji_linkage.action_report_xingji_share", share.ids)[0]
        )

    def test_grade_label_on_every_page_and_print_logged(self):
        pdf = self._render(self.share_gated, self.user_handler)
        self.assertTrue(pdf.startswith(b"%PDF"))
        pages = pdf_pages_text(pdf)
        self.assertGreaterEqual(len(pages), 2, "the document must span several pages")
        for number, page in enumerate(pages, start=1):
            self.assertIn("Strict Approval", page, f"grade label missing on page {number}")
        log = self._logs(self.share_gated, "print")
        self.assertEqual(log.user_id, self.user_handler)

    def test_full_item_label_and_no_log(self):
        pdf = self._render(self.share_full, self.user_leader)
        pages = pdf_pages_text(pdf)
        self.assertGreaterEqual(len(pages), 2)
        for page in pages:
            self.assertIn("Full Sharing", page)
        self.assertFalse(self._logs(self.share_full, "print"))
