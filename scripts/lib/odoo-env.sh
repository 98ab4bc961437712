# shellcheck shell=bash
# Finds an installed Odoo 18 the way Odoo tooling does: the Python that can
# `import odoo` (ODOO_PYTHON if set, else the interpreter of an `odoo` /
# `odoo-bin` command on PATH, else python3, else a virtualenv in /opt or $HOME).
# Sets ODOO_PY and XINGJI_ADDONS_PATH (Odoo's own addons path + ours).
# Never installs Odoo.

XINGJI_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

_odoo18() {
    [ -n "$1" ] && [ -x "$(command -v "$1" 2>/dev/null)" ] || return 1
    local v
    v=$(cd / && timeout 60 "$1" -c 'import odoo.release as r, odoo.tools; print(r.version_info[0])' 2>/dev/null) || return 1
    [ "$v" = "18" ]
}

_shebang_python() {
    local cmd
    cmd=$(command -v "$1" 2>/dev/null) || return 1
    head -n1 "$cmd" | sed -n 's/^#! *\([^ ]*\).*/\1/p' | sed 's#^/usr/bin/env$#python3#'
}

find_odoo() {
    local candidates=()
    [ -n "${ODOO_PYTHON:-}" ] && candidates+=("$ODOO_PYTHON")
    for c in odoo odoo-bin; do
        local py
        py=$(_shebang_python "$c") && candidates+=("$py")
    done
    candidates+=(python3)
    for py in /opt/*/bin/python "$HOME"/*/bin/python /usr/bin/python3; do
        [ -x "$py" ] && candidates+=("$py")
    done
    for py in "${candidates[@]}"; do
        if _odoo18 "$py"; then
            ODOO_PY=$(command -v "$py")
            local default_path
            default_path=$(cd / && "$ODOO_PY" -c '
from odoo.tools import config
config._parse_config([])
print(config["addons_path"])' 2>/dev/null)
            XINGJI_ADDONS_PATH="${default_path:+$default_path,}$XINGJI_ROOT/odoo_addons"
            export ODOO_PY XINGJI_ADDONS_PATH
            return 0
        fi
    done
    cat >&2 <<'MSG'
ERROR: no Odoo 18 found. The tests run against a real Odoo 18.0 and PostgreSQL.
Looked for a Python that can `import odoo` (version 18): $ODOO_PYTHON, the
interpreter of an `odoo`/`odoo-bin` command on PATH, python3, /opt/*/bin/python,
~/*/bin/python.
Get one of:
  - Docker:   docker compose run --rm test      (official odoo:18.0 image, see README)
  - Existing: install Odoo 18.0 Community (https://www.odoo.com/documentation/18.0/administration/on_premise.html)
              into a virtualenv, then  ODOO_PYTHON=/path/to/venv/bin/python ./scripts/test
MSG
    return 1
}
