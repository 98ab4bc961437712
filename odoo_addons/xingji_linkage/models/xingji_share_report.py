# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ReportXingjiShare(models.AbstractModel):
    """PDF of a shared item; printing a gated item is logged."""

    _name = "report.xingji_linkage.report_xingji_share"
    _description = "Shared Information Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["xingji.share"].browse(docids)
        docs.check_access("read")
        if not self.env.su:
            gated = docs.filtered(lambda s: s.grade == "gated")
            if gated:
                self.env["xingji.access.log"]._log(gated, "print")
        labels = dict(docs._fields["grade"]._description_selection(self.env))
        return {
            "doc_ids": docids,
            "doc_model": "xingji.share",
            "docs": docs,
            "grade_labels": labels,
        }
