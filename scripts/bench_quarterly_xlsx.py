#!/usr/bin/env python3
"""Benchmark: the quarterly statistics XLSX (附件1) for N clues.

Run with the Python of the installed Odoo 18, against a database where
xingji_reports is installed:

  ODOO_PYTHON scripts/bench_quarterly_xlsx.py --db xj_reports \\
      [--addons-path PATHS] [--count 10000] [--units 5]

Inside ONE transaction that is rolled back at the end (the database is left
as it was), it inserts --count transferred clues (plain SQL, one reported
person each) spread over 2026 Q3 and over --units new enforcement units, a
bureau-leader user in the knowledge scope of all of them, then times the
XLSX export as that user (record rules apply, the access log written) and
counts the SQL queries of building the workbook (the log's are shown apart:
one insert, the clues' names read 1,000 at a time).
It also exports a tenth of the clues, to show that the query count does not
depend on the number of clues.  Each export runs twice (records re-read from
the database both times; the second run finds Odoo's caches of rules and
translations warm) and both are reported; exit status 1 if the first export
of --count clues takes 10 s or more, or if the query counts of the second
runs differ.
"""
import argparse
import io
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts", "lib"))
from odoo_paths import default_addons_path  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", help="default: the installed Odoo's addons path plus odoo_addons")
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--units", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the full export")
    opts = parser.parse_args()

    import odoo
    from odoo import SUPERUSER_ID, api
    from odoo.fields import Command

    addons_path = opts.addons_path or default_addons_path()
    odoo.tools.config.parse_config(["--addons-path", addons_path, "-d", opts.db, "--log-level", "warn"])
    registry = odoo.modules.registry.Registry(opts.db)
    from odoo.addons.xingji_reports.tools.bench import insert_clues, quarter_span

    import openpyxl

    with registry.cursor() as cr:
        try:
            env = api.Environment(cr, SUPERUSER_ID, {})
            leader = env["res.users"].create(
                {
                    "login": "xj_bench_leader",
                    "name": "Bench Leader",
                    "groups_id": [Command.set(env.ref("xingji_linkage.group_xingji_leader").ids)],
                }
            )
            Unit = env["xingji.unit"]
            receiving = Unit.create({"name": "基准测试纪委", "code": "BENCH-DIS", "kind": "discipline"})
            units = Unit.create(
                [{"name": f"基准测试执法处{i + 1}", "code": f"BENCH-{i + 1}", "kind": "enforcement"}
                 for i in range(opts.units + 2)]
            )
            start, end = quarter_span(2026, 3)
            results = []
            # Warm Odoo's caches (translations, rules, formats) on one clue.
            insert_clues(env, 1, units[:1], receiving, leader, start, end, prefix="BENCHW")
            env["xingji.statistics.wizard"].with_user(leader).create(
                {"year": 2026, "quarter": "3", "unit_ids": [Command.set(units[:1].ids)]}
            )._xingji_export_file("quarterly")
            units = units[1:]
            for label, count in (("small", max(opts.count // 10, 1)), ("full", opts.count)):
                group = units[1:] if label == "full" else units[:1]
                t0 = time.perf_counter()
                insert_clues(env, count, group, receiving, leader, start, end, prefix=f"BENCH{label[0].upper()}")
                created = time.perf_counter() - t0
                wizard = env["xingji.statistics.wizard"].with_user(leader).create(
                    {"year": 2026, "quarter": "3", "unit_ids": [Command.set(group.ids)]}
                )
                timings = []
                for _run in range(2):  # first run cold, second with Odoo's caches warm
                    env.flush_all()
                    env.invalidate_all()
                    before = cr.sql_log_count
                    t0 = time.perf_counter()
                    # What the download route builds (nothing is stored): the
                    # workbook, whose query count must not depend on the
                    # number of clues, then the access-log entries of its
                    # clues (one insert; their names read 1,000 at a time).
                    Table = env["xingji.statistics.table"]
                    if opts.profile and label == "full" and _run == 0:
                        import cProfile
                        import pstats
                        profile = cProfile.Profile()
                        sections = profile.runcall(wizard._sections)
                        content = profile.runcall(Table._quarterly_xlsx, sections, 2026, "3")
                        pstats.Stats(profile).sort_stats("cumulative").print_stats(35)
                    else:
                        sections = wizard._sections()
                        content = Table._quarterly_xlsx(sections, 2026, "3")
                    built = (time.perf_counter() - t0, cr.sql_log_count - before)
                    before = cr.sql_log_count
                    Table._log_sections(sections, "export", "bench")
                    log_queries = cr.sql_log_count - before
                    timings.append((time.perf_counter() - t0, built[1], log_queries))
                (elapsed, cold_queries, _log_q), (warm_elapsed, queries, log_queries) = timings
                book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
                # Per unit sheet: 3 header rows, the clues, a blank row, the note.
                rows = sum(max(book[name].max_row - 5, 0) for name in book.sheetnames[1:])
                results.append((label, count, rows, created, elapsed, queries))
                print(
                    f"{label:5}: {count:6} clues inserted in {created:5.2f} s; XLSX of {len(group)} unit(s), "
                    f"{rows} data rows: first run {elapsed:5.2f} s, {cold_queries} queries; "
                    f"second run {warm_elapsed:5.2f} s, {queries} queries (+ {log_queries} writing the access log)"
                )
        finally:
            cr.rollback()
    (_l1, _c1, _r1, _t1, _e1, q_small), (_l2, count, rows, _t2, e_full, q_full) = results
    ok = e_full < 10 and q_small == q_full
    print(f"{'OK' if ok else 'FAIL'}: {count} clues in {e_full:.2f} s (limit 10 s); "
          f"queries {q_small} vs {q_full} ({'independent' if q_small == q_full else 'DEPENDENT'} of the clue count)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
