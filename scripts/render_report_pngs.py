#!/usr/bin/env python3
"""Render the demo 线索移送报告表 and 统计表 to PNG for the README.

  ODOO_PYTHON scripts/render_report_pngs.py --db DB [--out docs]

Needs a database with the demo data of xingji_linkage and xingji_reports,
wkhtmltopdf and poppler-utils (pdftoppm).  Prints as the demo handler 张明
(clue) and the demo bureau leader 王建国 (statistics), so record rules apply;
nothing is written (the transaction is rolled back, the print log too).
"""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts", "lib"))
from odoo_paths import default_addons_path  # noqa: E402


def to_png(pdf, path, resolution):
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "report.pdf")
        with open(source, "wb") as handle:
            handle.write(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-f", "1", "-l", "1", "-singlefile",
                        source, path[:-4]], check=True)
    print("wrote", path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", help="default: the installed Odoo's addons path plus odoo_addons")
    parser.add_argument("--out", default=os.path.join(ROOT, "docs"))
    parser.add_argument("--resolution", type=int, default=80)
    opts = parser.parse_args()

    import odoo
    from odoo import SUPERUSER_ID, api
    from odoo.fields import Command

    addons_path = opts.addons_path or default_addons_path()
    odoo.tools.config.parse_config(["--addons-path", addons_path, "-d", opts.db, "--log-level", "warn"])
    registry = odoo.modules.registry.Registry(opts.db)
    os.makedirs(opts.out, exist_ok=True)
    with registry.cursor() as cr:
        try:
            env = api.Environment(cr, SUPERUSER_ID, {})
            Report = env["ir.actions.report"]
            handler = env.ref("xingji_linkage.user_handler_demo")
            leader = env.ref("xingji_linkage.user_leader_demo")
            clue = env.ref("xingji_linkage.clue_demo_accepted")
            pdf, _kind = Report.with_user(handler).with_context(force_report_rendering=True)._render_qweb_pdf(
                "xingji_reports.report_clue_transfer", clue.ids
            )
            to_png(pdf, os.path.join(opts.out, "report-clue.png"), opts.resolution)
            moment = clue.date_transferred
            wizard = env["xingji.statistics.wizard"].with_user(leader).create(
                {
                    "year": moment.year,
                    "quarter": str((moment.month - 1) // 3 + 1),
                    "unit_ids": [Command.set(clue.source_unit_id.ids)],
                }
            )
            pdf, _kind = Report.with_user(leader).with_context(force_report_rendering=True)._render_qweb_pdf(
                "xingji_reports.report_statistics", wizard.ids
            )
            to_png(pdf, os.path.join(opts.out, "report-statistics.png"), opts.resolution)
        finally:
            cr.rollback()
    return 0


if __name__ == "__main__":
    sys.exit(main())
