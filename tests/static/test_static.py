"""Static tier: checks that need no Odoo server and no database.

Run by ./scripts/test (or ./scripts/test --static).
"""
import ast
import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
ADDONS = ROOT / "odoo_addons"
ADDON_NAMES = ["xingji_linkage", "xingji_reports"]
ROLES = [
    "group_xingji_user",
    "group_xingji_unit_manager",
    "group_xingji_leader",
    "group_xingji_discipline",
    "group_xingji_supervision",
    "group_xingji_manager",
]
DATA_DIRS = ("security", "data", "views", "report", "wizards", "demo")


def manifest(addon):
    return ast.literal_eval((ADDONS / addon / "__manifest__.py").read_text(encoding="utf-8"))


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_manifest_complete(addon):
    m = manifest(addon)
    for key in ("name", "summary", "version", "category", "license", "author", "website", "depends"):
        assert m.get(key), f"{addon}: manifest key {key} missing"
    assert m["version"].startswith("18.0."), m["version"]
    assert m["license"] == "LGPL-3"
    assert (ADDONS / addon / "static/description/icon.png").exists()


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_manifest_lists_every_data_file(addon):
    m = manifest(addon)
    listed = set(m.get("data", [])) | set(m.get("demo", []))
    for path in listed:
        assert (ADDONS / addon / path).exists(), f"{addon}: {path} listed but missing"
    on_disk = {
        str(p.relative_to(ADDONS / addon))
        for d in DATA_DIRS
        for p in (ADDONS / addon / d).glob("**/*")
        if p.suffix in (".xml", ".csv")
    }
    assert not on_disk - listed, f"{addon}: files not in the manifest: {sorted(on_disk - listed)}"
    assert len(m.get("data", [])) == len(set(m.get("data", []))), "a data file is listed twice"


def xml_files():
    return sorted(p for p in ADDONS.glob("**/*.xml"))


@pytest.mark.parametrize("path", xml_files(), ids=lambda p: str(p.relative_to(ADDONS)))
def test_xml_parses_and_uses_odoo18_idioms(path):
    tree = etree.parse(str(path))
    text = path.read_text(encoding="utf-8")
    assert "<tree" not in text, "use <list>, not <tree>"
    assert " attrs=" not in text and " states=" not in text, "use python expressions"
    assert "oe_chatter" not in text, "use <chatter/>"
    assert "t-esc=" not in text and "t-raw=" not in text, "use t-out"
    assert tree.getroot().tag == "odoo"


def model_names(addon):
    """Concrete (non-abstract) models declared by the addon: _name = "x"."""
    names = set()
    for path in (ADDONS / addon).glob("**/*.py"):
        if "tests" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {ast.unparse(b) for b in node.bases}
            if not bases & {"models.Model", "models.TransientModel"}:
                continue
            declared, inherited = None, set()
            for stmt in node.body:
                if not isinstance(stmt, ast.Assign):
                    continue
                targets = {getattr(t, "id", None) for t in stmt.targets}
                if "_name" in targets and isinstance(stmt.value, ast.Constant):
                    declared = stmt.value.value
                if "_inherit" in targets:
                    values = stmt.value.elts if isinstance(stmt.value, (ast.List, ast.Tuple)) else [stmt.value]
                    inherited |= {v.value for v in values if isinstance(v, ast.Constant)}
            # ``_name`` repeated in ``_inherit`` extends Odoo's model (e.g.
            # ir.rule with a mixin): not a model of the addon.
            if declared and declared not in inherited:
                names.add(declared)
    return names


def acl_rows():
    rows = []
    for addon in ADDON_NAMES:
        path = ADDONS / addon / "security/ir.model.access.csv"
        if path.exists():
            with path.open(encoding="utf-8") as f:
                rows += list(csv.DictReader(f))
    return rows


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_every_model_has_acl_rows_for_every_role(addon):
    rows = acl_rows()
    for name in sorted(model_names(addon)):
        model_xmlid = "model_" + name.replace(".", "_")
        groups = {
            r["group_id:id"].split(".")[-1]
            for r in rows
            if r["model_id:id"].split(".")[-1] == model_xmlid
        }
        missing = [g for g in ROLES if g not in groups]
        assert not missing, f"{name}: no ACL row for {missing}"


def test_acl_rows_always_name_a_group():
    for row in acl_rows():
        assert row["group_id:id"], f"{row['id']}: an ACL row without a group opens the model to everyone"


def po_files():
    return sorted(ADDONS.glob("*/i18n/zh_CN.po"))


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_translation_files_exist(addon):
    assert (ADDONS / addon / "i18n/zh_CN.po").exists()
    assert (ADDONS / addon / f"i18n/{addon}.pot").exists()


PLACEHOLDER = re.compile(r"%\(\w+\)s|%s|%d|\{\w*\}")


@pytest.mark.parametrize("path", po_files(), ids=lambda p: p.parts[-3])
def test_zh_cn_complete_and_valid(path):
    po = polib.pofile(str(path))
    assert po.metadata.get("Language") == "zh_CN"
    empty = [e.msgid for e in po if not e.msgstr and not e.obsolete]
    assert not empty, f"untranslated: {empty[:10]} ({len(empty)} in all)"
    for entry in po:
        assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(
            PLACEHOLDER.findall(entry.msgstr)
        ), f"placeholders differ in {entry.msgid!r}"
    if shutil.which("msgfmt"):
        out = subprocess.run(
            ["msgfmt", "-c", "-o", os.devnull, str(path)], capture_output=True, text=True
        )
        assert out.returncode == 0, out.stderr


@pytest.mark.parametrize("path", po_files(), ids=lambda p: p.parts[-3])
def test_pot_and_po_have_the_same_terms(path):
    pot = polib.pofile(str(path.with_name(path.parts[-3] + ".pot")))
    po = polib.pofile(str(path))
    missing = {(e.msgctxt, e.msgid) for e in pot} - {(e.msgctxt, e.msgid) for e in po}
    assert not missing, f"terms of the .pot missing in zh_CN.po: {sorted(missing)[:10]}"


def test_pylint_odoo_clean():
    import pylint_odoo  # noqa: F401  (the test tooling installs it)

    out = subprocess.run(
        [sys.executable, "-m", "pylint", f"--rcfile={ROOT / '.pylintrc'}"]
        + [str(ADDONS / a) for a in ADDON_NAMES],
        capture_output=True,
        text=True,
        cwd=str(ROOT),
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_compose_file_valid():
    if os.environ.get("XINGJI_SKIP_COMPOSE_CHECK") == "1":
        pytest.skip("compose check disabled inside the Docker image")
    exe = shutil.which("docker-compose")
    assert exe, "docker-compose (Debian package docker-compose) is needed to validate docker-compose.yml"
    out = subprocess.run(
        [exe, "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
        capture_output=True,
        text=True,
        cwd=str(ROOT),
    )
    assert out.returncode == 0, out.stderr
