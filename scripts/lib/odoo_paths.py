"""Addons path for the helper scripts: $XINGJI_ADDONS_PATH, else the
installed Odoo's own addons path plus this repository's odoo_addons."""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def default_addons_path():
    if os.environ.get("XINGJI_ADDONS_PATH"):
        return os.environ["XINGJI_ADDONS_PATH"]
    from odoo.tools import config

    config._parse_config([])
    paths = [p for p in (config["addons_path"] or "").split(",") if p]
    return ",".join(paths + [os.path.join(ROOT, "odoo_addons")])
