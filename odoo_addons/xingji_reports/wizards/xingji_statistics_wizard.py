# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.xingji_statistics_table import QUARTERS, quarter_of


class XingjiStatisticsWizard(models.TransientModel):
    """Produce the quarterly statistics table (附件1) for chosen units, as
    PDF or XLSX, with the rights of the user who runs it."""

    _name = "xingji.statistics.wizard"
    _description = "Quarterly Linkage Statistics"

    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    quarter = fields.Selection(
        QUARTERS, required=True, default=lambda self: quarter_of(fields.Date.context_today(self))
    )
    unit_ids = fields.Many2many(
        "xingji.unit",
        relation="xingji_statistics_wizard_unit_rel",
        column1="wizard_id",
        column2="unit_id",
        string="Units",
        domain=[("kind", "=", "enforcement")],
        default=lambda self: self._default_unit_ids(),
        help="Units whose referrals are listed (填表部门). Leave empty for every enforcement unit.",
    )

    @api.model
    def _default_unit_ids(self):
        units = self.env["xingji.unit"]._get_units_of_user().filtered(lambda u: u.kind == "enforcement")
        # A unit adds up its sub-units: the bureau's leader reports on all
        # of its units (the clues are referred by the sub-units).
        return self.env["xingji.unit"].search([("id", "child_of", units.ids), ("kind", "=", "enforcement")]).ids

    def _units(self):
        self.ensure_one()
        return self.unit_ids or self.env["xingji.unit"].search([("kind", "=", "enforcement")])

    def _sections(self, lang=None):
        self.ensure_one()
        return self.env["xingji.statistics.table"]._collect_sections(
            self._units(), self.year, self.quarter, lang=lang
        )

    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref("xingji_reports.action_report_statistics").report_action(self)

    def action_export_xlsx(self):
        self.ensure_one()
        return self.env["xingji.statistics.table"]._download(self, "quarterly")

    def action_export_summary(self):
        self.ensure_one()
        return self.env["xingji.statistics.table"]._download(self, "summary")

    def _xingji_export_file(self, kind):
        """``(filename, content)`` of the XLSX ``kind``, built now with the
        current user's rights; the clues listed are logged as exported."""
        self.ensure_one()
        Table = self.env["xingji.statistics.table"]
        if kind == "quarterly":
            lang = self.env["ir.actions.report"]._xingji_print_lang()
            sections = self._sections(lang=lang)
            content = Table._quarterly_xlsx(sections, self.year, self.quarter)
            Table._log_sections(sections, "export", self.env._("Quarterly statistics table (XLSX)"))
            return Table._xlsx_filename(self.year, self.quarter), content
        if kind == "summary":
            # Counts only: no clue's content is in the summary.
            content = Table._summary_xlsx(self.year, self.unit_ids)
            return self.env._("linkage-summary-%(year)s.xlsx", year=self.year), content
        raise UserError(self.env._("This export does not exist."))
