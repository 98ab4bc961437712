# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import os
import subprocess
import tempfile
import unicodedata

import openpyxl

from odoo.addons.xingji_linkage.tests.common import XingjiCase


# The Noto CJK fonts share glyphs between some hanzi and the CJK radicals;
# pdftotext then returns the radical code point.  NFKC folds the Kangxi
# radicals (U+2F00..) back; the supplement (U+2E80..) needs this table.
RADICALS = str.maketrans(
    {
        "\u2ec4": "西", "\u2ec5": "见", "\u2ec6": "角", "\u2ec8": "讠", "\u2ec9": "贝",
        "\u2eca": "足", "\u2ecb": "车", "\u2ed0": "钅", "\u2ed3": "长", "\u2ed4": "门",
        "\u2ed9": "韦", "\u2eda": "页", "\u2edb": "风", "\u2edc": "飞", "\u2edd": "食",
        "\u2ee0": "饣", "\u2ee2": "马", "\u2ee3": "骨", "\u2ee5": "鱼", "\u2ee6": "鸟",
        "\u2ee7": "卤", "\u2ee8": "麦", "\u2ee9": "黄", "\u2eec": "齐", "\u2eee": "齿",
        "\u2ef0": "龙", "\u2ef3": "龟", "\u2eb0": "纟", "\u2ebc": "月", "\u2ebe": "艹",
    }
)


def normalize(text):
    return unicodedata.normalize("NFKC", text).translate(RADICALS)


def run_poppler(tool, pdf, *args):
    """Run a poppler-utils tool on PDF bytes and return its text output."""
    fd, path = tempfile.mkstemp(suffix=".pdf", prefix="xingji.test.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(pdf)
        result = subprocess.run(
            [tool, *args, path, "-"] if tool == "pdftotext" else [tool, *args, path],
            capture_output=True, check=True, timeout=60,
        )
        return result.stdout.decode("utf-8")
    finally:
        os.unlink(path)


class XingjiReportCase(XingjiCase):
    """Renders reports as REAL PDFs with wkhtmltopdf and reads them back.

    ``report.url`` points at a port that refuses at once: wkhtmltopdf would
    otherwise fetch the report CSS from the test server while the test holds
    the registry lock (a hang).  Our forms carry their own inline styles.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")
        if not cls.env["res.lang"]._lang_get("zh_CN"):
            cls.env["res.lang"]._activate_lang("zh_CN")

    def render_pdf(self, report_xmlid, records, user=None, data=None):
        report = self.env.ref(report_xmlid)
        env = self.env(user=user) if user else self.env
        pdf, kind = (
            env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report.report_name, records.ids, data=data)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), "wkhtmltopdf did not produce a PDF")
        return pdf

    @staticmethod
    def pdf_text(pdf):
        """Text of the PDF, laid out (pdftotext -layout), NFKC-normalised:
        the CJK fonts map some hanzi to their Kangxi-radical code points
        (行 -> U+2F8F), which NFKC folds back."""
        return normalize(run_poppler("pdftotext", pdf, "-layout"))

    def pdf_pages(self, pdf):
        return [page for page in self.pdf_text(pdf).split("\f") if page.strip()]

    @staticmethod
    def squash(text):
        """NFKC text without blanks, to find phrases wrapped across cells."""
        return "".join(normalize(text).split())

    def assertSimplifiedChineseFont(self, pdf):
        fonts = run_poppler("pdffonts", pdf)
        self.assertIn("CJKsc", fonts, f"No Simplified-Chinese font embedded:\n{fonts}")
        self.assertNotIn("CJKjp", fonts, f"A Japanese CJK font was embedded:\n{fonts}")

    def assertLabelOnEveryPage(self, pdf, label, min_pages=1):
        pages = self.pdf_pages(pdf)
        self.assertGreaterEqual(len(pages), min_pages, "The document has fewer pages than expected")
        for number, page in enumerate(pages, start=1):
            self.assertIn(self.squash(label), self.squash(page), f"Label missing on page {number}")

    @staticmethod
    def open_xlsx(content):
        return openpyxl.load_workbook(io.BytesIO(content))

    def xlsx_of_action(self, action, record):
        """Read back the workbook an act_url download action of ``record``
        points to: the route builds it on demand with the rights of the
        record's user (nothing is stored)."""
        self.assertEqual(action["type"], "ir.actions.act_url")
        prefix = f"/xingji_reports/xlsx/{record._name}/{record.id}/"
        self.assertTrue(action["url"].startswith(prefix), action["url"])
        _filename, content = record._xingji_export_file(action["url"][len(prefix):])
        return self.open_xlsx(content)
