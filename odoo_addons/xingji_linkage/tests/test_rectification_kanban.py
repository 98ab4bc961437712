# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import tagged

from .rect_common import RectCase

# What the rectification kanban card reads (views/xingji_rectification_views.xml).
KANBAN_SPEC = {
    "deadline_color": {},
    "state": {},
    "reference": {},
    "priority": {},
    "name": {},
    "responsible_unit_id": {"fields": {"display_name": {}}},
    "source_kind": {},
    "date_deadline": {},
    "activity_ids": {"fields": {}},
    "activity_state": {},
    "activity_summary": {},
    "activity_type_icon": {},
    "activity_exception_decoration": {},
    "responsible_user_id": {"fields": {"display_name": {}}},
}
KANBAN_LIMIT = 40


@tagged("post_install", "-at_install", "xingji_rectification", "xingji_perf")
class TestRectificationKanbanQueries(RectCase):
    def _insert_tasks(self, unit, count, start=0):
        """Insert tasks in bulk (SQL, for speed), spread over the states."""
        self.env.flush_all()
        self.env.cr.execute(
            """
            INSERT INTO xingji_rectification
                (reference, name, state, priority, responsible_unit_id, responsible_user_id,
                 company_id, date_deadline, create_uid, write_uid, create_date, write_date)
            SELECT 'ZG-PERF-' || (%(start)s + n), '批量整改任务 ' || (%(start)s + n),
                   (ARRAY['todo', 'doing', 'submitted', 'done'])[1 + n %% 4], '0',
                   %(unit)s, %(user)s, %(company)s,
                   CURRENT_DATE + (n %% 60 - 20), %(uid)s, %(uid)s, now(), now()
              FROM generate_series(1, %(count)s) AS n
            """,
            {
                "start": start,
                "unit": unit.id,
                "user": (unit.member_ids[:1]).id or None,
                "company": self.env.company.id,
                "uid": self.user_supervision.id,
                "count": count,
            },
        )
        self.env.invalidate_all()

    def _open_kanban(self, user):
        """What the web client does to open the kanban grouped by state."""
        Task = self.env["xingji.rectification"].with_user(user)
        groups = Task.web_read_group([], ["state"], ["state"], lazy=True)["groups"]
        for group in groups:
            Task.web_search_read(group["__domain"], KANBAN_SPEC, limit=KANBAN_LIMIT)
        return groups

    def _count_queries(self, user):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        groups = self._open_kanban(user)
        return self.env.cr.sql_log_count - before, groups

    def test_spec_covers_the_kanban_view(self):
        """The measured read is what the kanban card really shows."""
        arch = self.env["xingji.rectification"].get_views([(False, "kanban")])["views"]["kanban"]["arch"]
        shown = {node.get("name") for node in etree.fromstring(arch).iter("field")}
        self.assertLessEqual(shown, set(KANBAN_SPEC))

    def test_kanban_query_count_does_not_depend_on_task_count(self):
        # Small: 200 tasks, more than a kanban page (40) in every column, so
        # both cases include the column counts.
        self._insert_tasks(self.unit_enforcement, 200)
        self._insert_tasks(self.unit_enforcement2, 200, start=500)
        self._open_kanban(self.user_handler)  # warm the caches (rules, views)
        small, groups = self._count_queries(self.user_handler)
        self.assertEqual(sum(g["state_count"] for g in groups), 200)

        self._insert_tasks(self.unit_enforcement, 10_000 - 200, start=1000)
        self._insert_tasks(self.unit_enforcement2, 2_000, start=20_000)
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            groups = self._open_kanban(self.user_handler)
        # The unit sees its own 10,000 tasks, not the other unit's.
        self.assertEqual(sum(g["state_count"] for g in groups), 10_000)
        self.assertEqual([g["state"] for g in groups], ["todo", "doing", "submitted", "done"])
        large, _groups = self._count_queries(self.user_handler)
        self.assertEqual(small, large)
        self.assertLess(small, 40, "The kanban should open with a small, fixed number of queries")
