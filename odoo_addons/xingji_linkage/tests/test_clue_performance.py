# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .clue_common import XingjiClueCase

LIST_SPEC = {
    "name": {},
    "direction": {},
    "person_names": {},
    "source_unit_id": {"fields": {"display_name": {}}},
    "receiving_unit_id": {"fields": {"display_name": {}}},
    "nature": {},
    "date_deadline": {},
    "is_overdue": {},
    "state": {},
    "handler_id": {"fields": {"display_name": {}}},
    "activity_ids": {"fields": {}},
}


@tagged("post_install", "-at_install", "xingji_clue", "xingji_performance")
class TestCluePerformance(XingjiClueCase):
    def _create(self, user, count, **vals):
        return self.Clue.with_user(user).create([self._clue_vals(**vals) for _i in range(count)])

    def _list(self, user):
        self.env.invalidate_all()
        Clue = self.Clue.with_user(user)
        start = self.env.cr.sql_log_count
        result = Clue.web_search_read([], LIST_SPEC, limit=80, order="id desc")
        return result, self.env.cr.sql_log_count - start

    def test_listing_cost_does_not_grow(self):
        self._create(self.user_handler, 80)
        self._list(self.user_handler)  # warm up rule and ACL caches
        result, queries_80 = self._list(self.user_handler)
        self.assertEqual(len(result["records"]), 80)
        # Many more clues in the database, in and out of the user's scope.
        self._create(self.user_handler, 40)
        self._create(
            self.user_handler2, 80, source_unit_id=self.unit_supervision.id, handler_id=self.user_handler2.id
        )
        result, queries_200 = self._list(self.user_handler)
        self.assertEqual(len(result["records"]), 80)
        self.assertEqual(result["length"], 120)
        self.assertEqual(queries_200, queries_80)
        self.env.invalidate_all()
        with self.assertQueryCount(9):
            self.Clue.with_user(self.user_handler).web_search_read([], LIST_SPEC, limit=80, order="id desc")

    def test_kanban_grouping_cost_does_not_grow(self):
        self._create(self.user_handler, 20)
        Clue = self.Clue.with_user(self.user_handler)

        def group():
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            Clue.web_read_group([], ["state"], ["state"])
            return self.env.cr.sql_log_count - start

        group()
        small = group()
        self._create(self.user_handler, 60)
        self.assertEqual(group(), small)
