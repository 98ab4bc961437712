# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree, html
from markupsafe import Markup

from odoo import api, models
from odoo.tools import is_html_empty


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
            "body_blocks": {doc.id: self._body_blocks(doc.body) for doc in docs},
        }

    @api.model
    def _body_blocks(self, body):
        """Top-level blocks of the (sanitized) content, one table row each,
        so that the table breaks between rows and repeats its header (the
        grade label) on every page."""
        if is_html_empty(body):
            return []
        blocks = []
        for fragment in html.fragments_fromstring(str(body)):
            if isinstance(fragment, str):
                if fragment.strip():
                    blocks.append(fragment)
            else:
                blocks.append(Markup(etree.tostring(fragment, encoding="unicode", method="html")))
        return blocks
