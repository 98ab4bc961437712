# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import logging
import subprocess
from collections import OrderedDict

from markupsafe import escape

from odoo import api, fields, models
from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin
from odoo.tools import format_date
from odoo.tools.pdf import IndirectObject, NameObject, PdfFileReader, PdfFileWriter

_logger = logging.getLogger(__name__)

REPORT_PREFIX = "xingji_reports."
# Fonts named first so that wkhtmltopdf never falls back on the Japanese
# variant of Noto CJK (some hanzi take Japanese shapes there).
CJK_FONTS = '"Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif'

LABEL_HTML = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"/></head>
<body style="margin: 0;">
<div style='font-family: %(fonts)s; position: absolute; top: 5mm; right: 12mm;
     border: 1px solid #b00; color: #b00; padding: 1px 8px; font-size: 11pt;
     font-weight: bold; background: transparent;'>%(label)s</div>
</body></html>
"""


class IrActionsReport(models.Model):
    """Stamps the confidentiality label of xingji forms on every page and
    writes the printing of confidential records to the access log.

    Debian's wkhtmltopdf (unpatched Qt) ignores header HTML, ``position:
    fixed`` and repeated ``<thead>``; so the label is rendered once as a
    transparent A4 page and merged over every page of the PDF.  This works
    the same with the patched wkhtmltopdf of the official image.
    """

    _inherit = "ir.actions.report"

    # ------------------------------------------------------------- labels
    @api.model
    def _xingji_label(self, record):
        """Label printed on every page of a form of ``record``.

        The sharing grade of a shared item, the confidentiality of a record
        with a knowledge scope, "internal" for everything else.
        """
        if not record:
            return self.env._("Internal: contains clue information, keep within the knowledge scope")
        if "grade" in record._fields and record._fields["grade"].type == "selection" and record.grade:
            selection = dict(record._fields["grade"]._description_selection(self.env))
            return self.env._("Sharing grade: %(grade)s", grade=selection.get(record.grade, record.grade))
        if "scope_user_ids" in record._fields:
            return self.env._("Confidential: knowledge scope only")
        if record._name.startswith("xingji.statistics"):
            return self.env._("Internal: contains clue information, keep within the knowledge scope")
        return self.env._("Internal use")

    @api.model
    def _xingji_label_pdf(self, label):
        """A one-page transparent A4 PDF holding ``label`` at the top right."""
        html = LABEL_HTML % {"fonts": CJK_FONTS, "label": escape(label)}
        command = [
            _get_wkhtmltopdf_bin(),
            "--quiet",
            "--disable-local-file-access",
            "--no-background",
            "--page-size", "A4",
            "--margin-top", "0", "--margin-bottom", "0",
            "--margin-left", "0", "--margin-right", "0",
            "--encoding", "utf-8",
            "-", "-",
        ]
        try:
            result = subprocess.run(
                command, input=html.encode("utf-8"), capture_output=True, check=False, timeout=60
            )
        except (OSError, subprocess.SubprocessError):
            _logger.exception("wkhtmltopdf could not render the label %r", label)
            return b""
        if not result.stdout.startswith(b"%PDF"):
            _logger.warning("wkhtmltopdf could not render the label %r: %s", label, result.stderr[-500:])
            return b""
        return result.stdout

    @api.model
    def _xingji_stamp(self, stream, label_pdf):
        """Merge the label page over every page of ``stream``."""
        reader = PdfFileReader(stream, strict=False)
        label_page = PdfFileReader(io.BytesIO(label_pdf), strict=False).pages[0]
        writer = PdfFileWriter()
        for page in reader.pages:
            page.merge_page(label_page)
            writer.add_page(page)
        # The merge copies the label's font as a direct object; make it
        # indirect again, as PDF tools (pdffonts) expect.
        for page in writer.pages:
            fonts = page.get("/Resources", {}).get("/Font", {})
            for key in list(fonts.keys()):
                if not isinstance(fonts.raw_get(key), IndirectObject):
                    fonts[NameObject(key)] = writer._add_object(fonts[key])
        output = io.BytesIO()
        writer.write(output)
        return output

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        report = self._get_report(report_ref)
        if not (report.report_name or "").startswith(REPORT_PREFIX):
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        if res_ids and len(set(res_ids)) > 1:
            # Debian's wkhtmltopdf (unpatched Qt) fails ("Exit with code 1,
            # due to unknown error") on more than one input document, which
            # is how Odoo renders several records at once: render our forms
            # one record at a time.
            streams = OrderedDict()
            for res_id in dict.fromkeys(res_ids):
                streams.update(self._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=[res_id]))
            return streams
        streams = super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        if not streams:
            return streams
        records = self.env[report.model].browse([res_id for res_id in streams if res_id])
        by_id = {record.id: record for record in records}
        label_pdfs = {}
        labeller = self.with_context(lang=self._xingji_print_lang())
        for res_id, stream_data in streams.items():
            stream = stream_data.get("stream")
            if not stream:
                continue
            label = labeller._xingji_label(by_id.get(res_id, self.env[report.model]))
            if label not in label_pdfs:
                label_pdfs[label] = self._xingji_label_pdf(label)
            if not label_pdfs[label]:
                _logger.warning("Could not render the confidentiality label %r", label)
                continue
            stream.seek(0)
            stream_data["stream"] = self._xingji_stamp(stream, label_pdfs[label])
        return streams

    # ------------------------------------------------------------ logging
    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        report = self._get_report(report_ref)
        if res_ids and (report.report_name or "").startswith(REPORT_PREFIX):
            # Forms print with the printing user's rights: refuse up front,
            # with the ORM's own message, what the user may not read.
            ids = [res_ids] if isinstance(res_ids, int) else res_ids
            self.env[report.model].browse(ids).check_access("read")
        result = super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
        if res_ids and result[1] == "pdf" and (report.report_name or "").startswith(REPORT_PREFIX):
            ids = [res_ids] if isinstance(res_ids, int) else res_ids
            self._xingji_log_print(self.env[report.model].browse(ids), report)
        return result

    @api.model
    def _xingji_log_print(self, records, report):
        """Write ``print`` to the access log for confidential records."""
        if "scope_user_ids" not in records._fields:
            return
        # sudo: the scope is read to decide whether to log, never shown.
        confidential = records.filtered(lambda r: r.sudo().scope_user_ids)
        if confidential:
            self.env["xingji.access.log"]._log(confidential, "print", report.name)

    # ----------------------------------------------------------- language
    @api.model
    def _xingji_print_lang(self):
        """The forms are the agency's paper forms: print them in Simplified
        Chinese whenever it is installed, else in the user's language."""
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        return "zh_CN" if "zh_CN" in installed else (self.env.user.lang or "en_US")

    def _get_rendering_context(self, report, docids, data):
        values = super()._get_rendering_context(report, docids, data)
        if (report.report_name or "").startswith(REPORT_PREFIX):
            lang = self._xingji_print_lang()
            values.setdefault("print_lang", lang)
            values.setdefault(
                "printed_on",
                format_date(self.with_context(lang=lang).env, fields.Date.context_today(self), lang_code=lang),
            )
        return values
