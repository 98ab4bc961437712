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
    # STSong-Light draws U+00B7 (the Chinese 间隔号) with a glyph that breaks
    # the text line for PDF readers and search; U+30FB has the same shape
    # and is read back as U+00B7.
    label = label.replace("\u00b7", "\u30fb")
    if LABEL_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(LABEL_FONT))
    reader = PdfFileReader(stream, strict=False)
    packet = io.BytesIO()
    can = canvas.Canvas(packet)
    for page in reader.pages:
        width = float(abs(page.mediabox.width))
        height = float(abs(page.mediabox.height))
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
    stamps = PdfFileReader(packet, strict=False)
    writer = PdfFileWriter()
    for page, stamp in zip(reader.pages, stamps.pages):
        page.merge_page(stamp)
        writer.add_page(page)
    output = io.BytesIO()
    writer.write(output)
    return output


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _xingji_print_label(self, report, record):
        """The label to print on every page of ``report`` for ``record``
        (e.g. its sharing grade), or False. Models give theirs through
        ``_get_print_label``; other addons may override this."""
        if record and hasattr(record, "_get_print_label"):
            return record._get_print_label()
        return False

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """Stamp the print label of each record on every page of its PDF."""
        streams = super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        report = self._get_report(report_ref)
        if report.model not in self.env:
            return streams
        Model = self.env[report.model]
        for res_id, entry in streams.items():
            if not entry.get("stream") or entry.get("attachment"):
                continue
            records = Model.browse(res_id) if res_id else Model.browse(res_ids or [])
            label = self._xingji_print_label(report, records[:1])
            if label:
                entry["stream"].seek(0)
                entry["stream"] = stamp_label(entry["stream"], label)
        return streams
