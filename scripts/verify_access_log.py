#!/usr/bin/env python3
"""Verify the hash chain of the confidential access log (xingji.access.log).

Checks, outside any Odoo server, that no entry of the access log was
deleted, inserted or changed behind the ORM's back (e.g. in SQL): it first
chains the entries still waiting for their place (as the cron does), then
reads the chain in batches (constant memory) and checks

* each entry's content hash and chain hash, HMAC-SHA256 with the key
  ``xingji_log_hmac_key`` of the Odoo configuration file given with ``-c``
  (the database never holds it; without it the hashes are plain SHA-256
  and the output says so);
* the signed checkpoints (count + head hash) sent to the bureau leaders and
  kept in their inbox.

Run it with the Python of the Odoo 18 installation, e.g. from a daily
system cron:

  ODOO_PYTHON scripts/verify_access_log.py -c /etc/odoo.conf -d DATABASE

Prints the result; the exit code is 0 when the log is intact, 1 when it was
tampered with (each problem is printed with its 1-based position, oldest
entry first), 2 when the check could not run.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", help="Odoo configuration file")
    parser.add_argument("-d", "--database", required=True, help="database to check")
    parser.add_argument("--addons-path", help="Odoo addons path, if not in the configuration")
    args = parser.parse_args(argv)

    try:
        import odoo
        from odoo import SUPERUSER_ID, api
    except ImportError:
        print("Odoo 18 is not importable: run this script with the Python of the Odoo installation.")
        return 2

    odoo_args = ["--log-level", "warn"]
    if args.config:
        odoo_args += ["-c", args.config]
    if args.addons_path:
        odoo_args += ["--addons-path", args.addons_path]
    odoo.tools.config.parse_config(odoo_args)
    paths = [p for p in (odoo.tools.config["addons_path"] or "").split(",") if p]
    if not any(os.path.isdir(os.path.join(p, "xingji_linkage")) for p in paths):
        # The configuration does not name this repository's addons (e.g.
        # config/odoo.conf, whose path comes from the command line): add them.
        from odoo_paths import ROOT

        odoo.tools.config["addons_path"] = ",".join(paths + [os.path.join(ROOT, "odoo_addons")])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if "xingji.access.log" not in env:
            print(f"xingji_linkage is not installed in database {args.database}.")
            return 2
        # Chains pending entries and verifies, each in a cursor of its own.
        _count, problems, text = env["xingji.access.log"]._verify_report()
    print(text)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
