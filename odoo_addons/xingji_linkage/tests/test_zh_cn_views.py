# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The main screens render in Chinese: no English word a clerk would read,
except proper names."""
import re

from lxml import etree

from odoo.tests import TransactionCase, new_test_user, tagged

# Words that stay as they are in a Chinese UI.
PROPER_NAMES = {"Odoo", "XLSX", "PDF", "ID", "URL", "Email", "CSV", "JSON", "OK"}
# Attributes a user reads; the others (name, class, domain …) are code.
TEXT_ATTRIBUTES = ("string", "placeholder", "help", "title", "confirm", "sum", "aria-label")
# Nodes whose text the user never sees.
CODE_NODES = {"t", "templates", "script", "style"}
WORD = re.compile(r"[A-Za-z][a-z]{2,}")


def _pending_translations():
    """msgids translated in zh_CN.po but not yet in the .pot: Odoo ignores
    them until the .pot is regenerated (the lead does it at merge)."""
    import polib

    from odoo.tools.misc import file_path

    pending, refs = set(), set()
    for addon in ("xingji_linkage", "xingji_reports"):
        try:
            po = polib.pofile(file_path(f"{addon}/i18n/zh_CN.po"))
            pot = polib.pofile(file_path(f"{addon}/i18n/{addon}.pot"))
        except (FileNotFoundError, OSError):
            continue
        known = {e.msgid for e in pot}
        known_refs = {ref for e in pot for ref, _line in e.occurrences}
        pending |= {e.msgid for e in po if e.msgstr and e.msgid not in known}
        refs |= {ref for e in po if e.msgstr for ref, _line in e.occurrences if ref not in known_refs}
    return pending, refs


PENDING, PENDING_REFS = _pending_translations()


def english_words(text):
    if (text or "").strip() in PENDING:
        return []
    return [w for w in WORD.findall(text or "") if w not in PROPER_NAMES]


@tagged("post_install", "-at_install")
class TestZhCnViews(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env,
            login="xj_zh_views",
            groups="base.group_user,xingji_linkage.group_xingji_leader,xingji_linkage.group_xingji_discipline,"
            "xingji_linkage.group_xingji_supervision,xingji_linkage.group_xingji_unit_manager",
            lang="zh_CN",
        )
        if not cls.env["res.lang"]._lang_get("zh_CN"):
            cls.skipTest(cls, "zh_CN is not installed")

    def _actions(self):
        data = self.env["ir.model.data"].search(
            [("module", "in", ("xingji_linkage", "xingji_reports")), ("model", "=", "ir.actions.act_window")]
        )
        return self.env["ir.actions.act_window"].browse(data.mapped("res_id")).filtered(
            lambda a: a.res_model.startswith("xingji.") and not a.res_model.endswith("wizard")
        )

    def _problems(self, arch, fields, view_type):
        problems = []
        root = etree.fromstring(arch)
        for node in root.iter():
            if not isinstance(node.tag, str) or node.tag in CODE_NODES:
                continue
            if any(anc.tag in CODE_NODES for anc in node.iterancestors()):
                continue
            if node.get("column_invisible") in ("1", "True") or node.get("invisible") in ("1", "True"):
                continue
            for attribute in TEXT_ATTRIBUTES:
                for word in english_words(node.get(attribute)):
                    problems.append(f"<{node.tag} {attribute}>: {word} ({node.get(attribute)!r})")
            for text in (node.text, node.tail):
                for word in english_words(text):
                    problems.append(f"<{node.tag}> text: {word} ({text.strip()!r})")
            labelled = view_type in ("list", "form", "search")
            if labelled and node.tag == "field" and not node.get("string") and node.get("name") in fields:
                description = fields[node.get("name")]
                field_ref = f"model:ir.model.fields,field_description:{{}}.field_{self._model.replace('.', '_')}__{node.get('name')}"
                if any(field_ref.format(addon) in PENDING_REFS for addon in ("xingji_linkage", "xingji_reports")):
                    continue
                for word in english_words(description.get("string")):
                    problems.append(f"field {node.get('name')}: {word} ({description['string']!r})")
                for _value, label in description.get("selection") or []:
                    for word in english_words(label):
                        problems.append(f"field {node.get('name')} option: {word} ({label!r})")
        return problems

    def test_main_views_have_no_english_word(self):
        env = self.env(user=self.user, context={"lang": "zh_CN"})
        report = {}
        for action in self._actions():
            model = env[action.res_model]
            if not model.has_access("read"):
                continue
            modes = [m for m in (action.view_mode or "").split(",") if m in ("list", "form", "kanban", "search")]
            views = [(False, m) for m in modes]
            for view_ref in action.view_ids:
                views = [(view_ref.view_id.id, view_ref.view_mode)] + [
                    v for v in views if v[1] != view_ref.view_mode
                ]
            if action.view_id:
                views = [(action.view_id.id, action.view_id.type)] + [v for v in views if v[1] != action.view_id.type]
            views.append((action.search_view_id.id, "search"))
            self._model = action.res_model
            result = model.get_views(views)
            fields = result["models"][action.res_model]["fields"]
            for view_type, view in result["views"].items():
                problems = self._problems(view["arch"], fields, view_type)
                if problems:
                    report[f"{action.res_model} {view_type}"] = sorted(set(problems))
        self.assertFalse(
            report,
            "English words in the Chinese UI:\n"
            + "\n".join(f"{key}:\n  " + "\n  ".join(lines) for key, lines in sorted(report.items())),
        )

    def test_words_used_in_two_senses_read_right(self):
        """A dialog's Cancel is 取消 (not 撤销, the clue's revocation), and
        the share directory's button opening a record is not 未完成."""
        import polib

        from odoo.tools.misc import file_path

        po = polib.pofile(file_path("xingji_linkage/i18n/zh_CN.po"))
        by_id = {e.msgid: e.msgstr for e in po if not e.msgctxt}
        self.assertEqual(by_id["Cancel"], "取消")
        arch = self.env["xingji.share.directory"].get_views([(False, "list")])["views"]["list"]["arch"]
        button = etree.fromstring(arch).xpath("//button[@name='action_open']")[0]
        self.assertNotEqual(button.get("string"), "Open", "'Open' means 未完成 elsewhere")
        self.assertEqual(by_id[button.get("string")], "查阅")
