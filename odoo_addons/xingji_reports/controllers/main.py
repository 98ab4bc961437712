# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import content_disposition, request

from odoo.addons.base.models.ir_qweb import QWebException

from odoo.addons.web.controllers.report import ReportController

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The records whose XLSX files the route builds (``_xingji_export_file``).
XLSX_MODELS = ("xingji.statistics.table", "xingji.statistics.wizard")


class XingjiReportController(ReportController):
    @http.route(readonly=False)
    def report_routes(self, reportname, docids=None, converter=None, **data):
        """A record the user may not read answers 404, exactly as one that
        does not exist (never a 500 or an error naming it).  Read-write:
        printing a confidential record writes the access log."""
        if docids:
            ids = [int(i) for i in docids.split(",") if i.isdigit()]
            report = request.env["ir.actions.report"]._get_report_from_name(reportname)
            if report and report.model in request.env:
                records = request.env[report.model].browse(ids)
                if len(records.exists()) != len(set(ids)) or not records.has_access("read"):
                    raise NotFound()
        try:
            return super().report_routes(reportname, docids=docids, converter=converter, **data)
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        except QWebException as error:
            # A template reading a record the user may not read.
            if isinstance(error.__cause__ or error.__context__, (AccessError, MissingError)):
                raise NotFound() from error
            raise

    @http.route(
        "/xingji_reports/xlsx/<string:model>/<int:res_id>/<string:kind>",
        type="http",
        auth="user",
        readonly=False,
    )
    def xingji_xlsx(self, model, res_id, kind, **kwargs):
        """Build an XLSX file on demand with the user's rights, log it and
        stream it; nothing is stored.  Hidden and absent records answer
        alike (404)."""
        if model not in XLSX_MODELS:
            raise NotFound()
        record = request.env[model].browse(res_id)
        try:
            if not record.exists() or not record.has_access("read"):
                raise NotFound()
            # A wizard is its creator's own.
            if record._transient and record.create_uid != request.env.user:
                raise NotFound()
            filename, content = record._xingji_export_file(kind)
        except (AccessError, MissingError, UserError) as error:
            raise NotFound() from error
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
                ("Cache-Control", "no-store"),
            ],
        )
