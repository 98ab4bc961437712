# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import OrderedDict

from odoo import api, fields, models
from odoo.tools import format_date

REPORT_PREFIX = "xingji_reports."


class IrActionsReport(models.Model):
    """Chooses the confidentiality label of the xingji forms (stamped on
    every page by xingji_linkage, see ``stamp_label``: Debian's wkhtmltopdf
    ignores header HTML, ``position: fixed`` and repeated ``<thead>``) and
    writes the printing of confidential records to the access log.
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

    def _xingji_print_label(self, report, record):
        if not (report.report_name or "").startswith(REPORT_PREFIX):
            return super()._xingji_print_label(report, record)
        return self.with_context(lang=self._xingji_print_lang())._xingji_label(record)

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        report = self._get_report(report_ref)
        if (
            (report.report_name or "").startswith(REPORT_PREFIX)
            and res_ids
            and len(set(res_ids)) > 1
        ):
            # Debian's wkhtmltopdf (unpatched Qt) fails ("Exit with code 1,
            # due to unknown error") on more than one input document, which
            # is how Odoo renders several records at once: render our forms
            # one record at a time.
            streams = OrderedDict()
            for res_id in dict.fromkeys(res_ids):
                streams.update(self._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=[res_id]))
            return streams
        return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)

    # ------------------------------------------------------------ logging
    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        report = self._get_report(report_ref)
        if res_ids and (report.report_name or "").startswith(REPORT_PREFIX):
            # Forms print with the printing user's rights: refuse up front,
            # with the ORM's own message, what the user may not read.
            ids = [res_ids] if isinstance(res_ids, int) else res_ids
            self.env[report.model].browse(ids).check_access("read")
        return super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)

    def _render_qweb_html(self, report_ref, docids, data=None):
        """Every rendering of a form is a reading, written to the access
        log: ``/report/html`` and each PDF (which is rendered from it)."""
        report = self._get_report(report_ref)
        ours = docids and (report.report_name or "").startswith(REPORT_PREFIX)
        if ours:
            ids = [docids] if isinstance(docids, int) else docids
            self.env[report.model].browse(ids).check_access("read")
        result = super()._render_qweb_html(report_ref, docids, data=data)
        if ours and not self.env.su:
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
