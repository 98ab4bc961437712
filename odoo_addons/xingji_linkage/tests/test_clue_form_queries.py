# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import tagged

from .clue_common import XingjiClueCase


@tagged("post_install", "-at_install", "xingji_clue", "xingji_performance")
class TestClueFormQueries(XingjiClueCase):
    """Opening a clue costs the same queries in a small and in a large
    database (scripts/bench measures it at 200,000 clues)."""

    def _form_spec(self):
        views = self.Clue.get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        fields = views["models"]["xingji.clue"]["fields"]
        spec = {}
        for node in arch.iter("field"):
            name = node.get("name")
            if name not in fields or any(p.tag == "field" for p in node.iterancestors()):
                continue
            relational = fields[name]["type"] in ("many2one", "one2many", "many2many")
            spec[name] = {"fields": {"display_name": {}}} if relational else {}
        return spec

    def _open(self, clue, spec):
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        clue.web_read(spec)
        return self.env.cr.sql_log_count - start

    def _bulk_clues(self, count):
        """Clues of the same unit and handler, in SQL (for speed), with
        the handler in their knowledge scope, and access-log rows."""
        self.env.flush_all()
        scope = self.Clue._fields["scope_user_ids"]
        self.env.cr.execute(
            f"""
            WITH c AS (
                INSERT INTO xingji_clue (name, direction, state, company_id, source_unit_id, handler_id,
                                         main_problem, person_names, create_uid, write_uid, create_date,
                                         write_date)
                SELECT 'YS-PERF-' || g, 'to_discipline', 'draft', %(company)s, %(unit)s, %(user)s,
                       '问题' || g, '人员' || g, %(user)s, %(user)s, now(), now()
                  FROM generate_series(1, %(count)s) g
                RETURNING id
            ), s AS (
                INSERT INTO {scope.relation} ({scope.column1}, {scope.column2})
                SELECT id, %(user)s FROM c RETURNING {scope.column1} AS id
            )
            INSERT INTO xingji_access_log (date, user_id, res_model, res_id, action, create_uid, write_uid,
                                           create_date, write_date)
            SELECT now(), %(user)s, 'xingji.clue', id, 'open', %(user)s, %(user)s, now(), now() FROM s
            """,
            {"company": self.env.company.id, "unit": self.unit_enforcement.id, "user": self.user_handler.id,
             "count": count},
        )
        self.env.invalidate_all()

    def test_form_query_count_does_not_depend_on_clue_count(self):
        clue = self._to_transferred().with_user(self.user_handler)
        spec = self._form_spec()
        self._open(clue, spec)  # warm the caches (rules, views, translations)
        small = self._open(clue, spec)
        self._bulk_clues(3000)
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            clue.web_read(spec)
        self.assertLess(small, 40, "A clue form should open with a small, fixed number of queries")
