# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from odoo import models
from odoo.tools.pdf import PdfFileReader, PdfFileWriter

# Adobe's standard simplified-Chinese CID font: no font file is embedded,
# every PDF reader maps it to a local Song/Ming face.
LABEL_FONT = "STSong-Light"


def stamp_label(stream, label):
    """Print ``label`` at the top right of every page of a PDF stream.

    wkhtmltopdf as shipped by Debian ignores header and footer HTML and
    repeats neither fixed elements nor table headers, so a label that must
    be on every page is stamped onto the rendered PDF.
    """
    if LABEL_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(LABEL_FONT))
    reader = PdfFileReader(stream, strict=False, overwriteWarnings=False)
    packet = io.BytesIO()
    can = canvas.Canvas(packet)
    for number in range(reader.getNumPages()):
        page = reader.getPage(number)
        width = float(abs(page.mediaBox.getWidth()))
        height = float(abs(page.mediaBox.getHeight()))
        can.setPageSize((width, height))
        can.setFont(LABEL_FONT, 10)
        text_width = pdfmetrics.stringWidth(label, LABEL_FONT, 10)
        x, y = width - text_width - 30, height - 22
        can.setStrokeColor(colors.red)
        can.setFillColor(colors.red)
        can.rect(x - 5, y - 4, text_width + 10, 16, stroke=1, fill=0)
        can.drawString(x, y, label)
        can.showPage()
    can.save()
    stamps = PdfFileReader(packet, overwriteWarnings=False)
    writer = PdfFileWriter()
    for number in range(reader.getNumPages()):
        page = reader.getPage(number)
        page.mergePage(stamps.getPage(number))
        writer.addPage(page)
    output = io.BytesIO()
    writer.write(output)
    return output


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """Stamp the print label of a record (e.g. its sharing grade) on
        every page of its PDF, when its model defines ``_get_print_label``."""
        streams = super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        report = self._get_report(report_ref)
        Model = self.env[report.model] if report.model in self.env else None
        if Model is None or not hasattr(Model, "_get_print_label"):
            return streams
        for res_id, entry in streams.items():
            if not entry.get("stream") or entry.get("attachment"):
                continue
            records = Model.browse(res_id) if res_id else Model.browse(res_ids or [])
            label = records._get_print_label()
            if label:
                entry["stream"] = stamp_label(entry["stream"], label)
        return streams
