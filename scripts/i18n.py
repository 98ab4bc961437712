#!/usr/bin/env python3
"""Translation upkeep for the xingji addons (zh_CN).

Run with the Python of the installed Odoo 18 (it needs ``odoo`` and
``polib``), from the repository root, against a database where the addon
is installed.

  i18n.py todo   --db DB --addon ADDON --out FILE
      update the addon, export its terms in zh_CN and write the entries that
      have no translation yet to FILE (a .po to fill in).
  i18n.py append --addon ADDON FILE
      append the filled entries of FILE to ADDON/i18n/zh_CN.po (refuses
      entries still empty).
  i18n.py sync   --db DB --addon ADDON
      rewrite ADDON/i18n/ADDON.pot and zh_CN.po from a fresh export, keeping
      every translation (duplicates folded); prints what is untranslated.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import polib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS_DIR = os.path.join(ROOT, "odoo_addons")


def odoo(db, *args):
    cmd = [sys.executable, "-m", "odoo", "-d", db, "--stop-after-init", "--log-level=warn"]
    addons_path = os.environ.get("XINGJI_ADDONS_PATH")
    if addons_path:
        cmd.append(f"--addons-path={addons_path}")
    subprocess.run(cmd + list(args), check=True)


def export(db, addon, lang=None):
    fd, path = tempfile.mkstemp(suffix=".po" if lang else ".pot")
    os.close(fd)
    args = [f"--i18n-export={path}", f"--modules={addon}"]
    if lang:
        args.append(f"--language={lang}")
    odoo(db, *args)
    return polib.pofile(path, wrapwidth=0)


def po_path(addon):
    return os.path.join(ADDONS_DIR, addon, "i18n", "zh_CN.po")


def known_translations(addon):
    known = {}
    path = po_path(addon)
    if os.path.exists(path):
        for entry in polib.pofile(path, wrapwidth=0):
            if entry.msgstr:
                known.setdefault((entry.msgctxt, entry.msgid), entry.msgstr)
    return known


def cmd_todo(opts):
    odoo(opts.db, "-u", opts.addon, "--i18n-overwrite")
    po = export(opts.db, opts.addon, "zh_CN")
    known = known_translations(opts.addon)
    todo = polib.POFile(wrapwidth=0)
    todo.metadata = po.metadata
    for entry in po:
        if not entry.msgstr and (entry.msgctxt, entry.msgid) not in known:
            todo.append(entry)
    todo.save(opts.out)
    print(f"{len(todo)} untranslated entries written to {opts.out}")


def cmd_append(opts):
    filled = polib.pofile(opts.file, wrapwidth=0)
    empty = [e.msgid for e in filled if not e.msgstr]
    if empty:
        sys.exit(f"{len(empty)} entries still have no msgstr, e.g. {empty[:5]}")
    with open(po_path(opts.addon), "a", encoding="utf-8") as out:
        for entry in filled:
            out.write("\n" + entry.__unicode__(wrapwidth=0))
    print(f"{len(filled)} entries appended to {po_path(opts.addon)}")


def cmd_sync(opts):
    odoo(opts.db, "-u", opts.addon, "--i18n-overwrite")
    pot = export(opts.db, opts.addon)
    pot.save(os.path.join(ADDONS_DIR, opts.addon, "i18n", f"{opts.addon}.pot"))
    po = export(opts.db, opts.addon, "zh_CN")
    known = known_translations(opts.addon)
    missing = []
    for entry in po:
        if not entry.msgstr:
            entry.msgstr = known.get((entry.msgctxt, entry.msgid), "")
        if not entry.msgstr:
            missing.append(entry.msgid)
    po.metadata.update(
        {
            "Language": "zh_CN",
            "Plural-Forms": "nplurals=1; plural=0;",
            "Content-Type": "text/plain; charset=UTF-8",
        }
    )
    po.save(po_path(opts.addon))
    print(f"{len(po)} entries, {len(missing)} untranslated")
    for msgid in missing:
        print("  untranslated:", msgid[:100])
    return 1 if missing else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("todo")
    p.add_argument("--db", required=True)
    p.add_argument("--addon", required=True)
    p.add_argument("--out", required=True)
    p = sub.add_parser("append")
    p.add_argument("--addon", required=True)
    p.add_argument("file")
    p = sub.add_parser("sync")
    p.add_argument("--db", required=True)
    p.add_argument("--addon", required=True)
    opts = parser.parse_args()
    return {"todo": cmd_todo, "append": cmd_append, "sync": cmd_sync}[opts.command](opts) or 0


if __name__ == "__main__":
    sys.exit(main())
