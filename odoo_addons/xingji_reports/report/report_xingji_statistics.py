# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import format_date


class ReportXingjiStatistics(models.AbstractModel):
    """Values of the 附件1 statistics table printed from the wizard."""

    _name = "report.xingji_reports.report_statistics"
    _description = "Linkage Statistics Table (PDF)"

    @api.model
    def _sections_of(self, docs, lang):
        return {doc: doc._sections(lang=lang) for doc in docs}

    @api.model
    def _get_report_values(self, docids, data=None):
        model = self.env["ir.actions.report"]._get_report(self._name[len("report."):]).model
        # No sudo: the rows come from the clues the printing user may read.
        docs = self.env[model].browse(docids)
        lang = self.env["ir.actions.report"]._xingji_print_lang()
        sections = self._sections_of(docs, lang)
        # Printing (or viewing) the table reads the clues listed in it.
        self.env["xingji.statistics.table"]._log_sections(
            [section for doc_sections in sections.values() for section in doc_sections],
            "print",
            self.env._("Quarterly statistics table (print)"),
        )
        return {
            "doc_ids": docids,
            "doc_model": model,
            "docs": docs,
            "print_lang": lang,
            "sections": sections,
            "periods": {
                doc: self.with_context(lang=lang).env._(
                    "%(year)s Q%(quarter)s", year=doc.year, quarter=doc.quarter
                )
                for doc in docs
            },
            "filled_on": format_date(self.with_context(lang=lang).env, fields.Date.context_today(self), lang_code=lang),
            "filled_ons": self._filled_ons(docs, lang),
        }

    @api.model
    def _filled_ons(self, docs, lang):
        return {}


class ReportXingjiStatisticsTable(models.AbstractModel):
    """Values of the 附件1 statistics table printed from a quarterly table."""

    _name = "report.xingji_reports.report_statistics_table"
    _inherit = "report.xingji_reports.report_statistics"
    _description = "Quarterly Statistics Table (PDF)"

    @api.model
    def _sections_of(self, docs, lang):
        # A submitted table prints its frozen rows; a draft reads the clues.
        return {doc: doc._table_sections(lang=lang) for doc in docs}

    @api.model
    def _filled_ons(self, docs, lang):
        # 填表时间: the submission date of a submitted table.
        return {doc: doc._filled_on(lang) for doc in docs}
