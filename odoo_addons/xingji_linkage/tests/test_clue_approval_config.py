# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .clue_common import XingjiClueCase


@tagged("post_install", "-at_install", "xingji_clue")
class TestClueApprovalConfig(XingjiClueCase):
    def setUp(self):
        super().setUp()
        self.Step = self.env["xingji.approval.step"].with_user(self.user_manager)

    def test_added_step_takes_effect(self):
        extra = self.Step.create(
            {
                "name": "纪检联络员会签",
                "sequence": 15,
                "stage": "review",
                "approver_kind": "users",
                "user_ids": [Command.set(self.user_handler2.ids)],
                "deadline_days": 2,
            }
        )
        clue = self._new_clue()
        clue.action_submit()
        self.assertEqual(clue.route_step_ids, self.step_head | extra | self.step_leader)
        clue.with_user(self.user_unit_manager)._approve("ok")
        self.assertEqual(clue.current_step_id, extra)
        self.assertEqual(clue.pending_approver_ids, self.user_handler2)
        # The added approver knows of the clue.
        self.assertIn(self.user_handler2, clue.sudo().scope_user_ids)
        clue.with_user(self.user_handler2)._approve("会签同意")
        self.assertEqual(clue.current_step_id, self.step_leader)
        clue.with_user(self.user_leader)._approve("ok")
        self.assertEqual(clue.state, "transferred")
        self.assertEqual(len(clue.approval_line_ids), 3)

    def test_removed_step_no_longer_applies(self):
        self.step_leader.with_user(self.user_manager).active = False
        clue = self._new_clue()
        clue.action_submit()
        clue.with_user(self.user_unit_manager)._approve("ok")
        self.assertEqual(clue.state, "transferred")
        # A leader outside the route does not know of the clue.
        self.assertNotIn(self.user_leader, clue.sudo().scope_user_ids)

    def test_reordered_steps(self):
        self.step_leader.with_user(self.user_manager).sequence = 1
        clue = self._new_clue()
        clue.action_submit()
        self.assertEqual(clue.current_step_id, self.step_leader)
        self.assertEqual(clue.state, "approval")
        clue.with_user(self.user_leader)._approve("先批")
        self.assertEqual(clue.current_step_id, self.step_head)
        self.assertEqual(clue.state, "review")
        clue.with_user(self.user_unit_manager)._approve("ok")
        self.assertEqual(clue.state, "transferred")

    def test_major_only_condition(self):
        major_step = self.Step.create(
            {
                "name": "主要负责人审批",
                "sequence": 30,
                "stage": "approval",
                "approver_kind": "users",
                "user_ids": [Command.set(self.user_handler2.ids)],
                "major_only": True,
            }
        )
        ordinary = self._new_clue()
        ordinary.action_submit()
        self.assertNotIn(major_step, ordinary.route_step_ids)
        major = self._new_clue(is_major=True)
        major.action_submit()
        self.assertIn(major_step, major.route_step_ids)

    def test_domain_condition_and_direction(self):
        step = self.Step.create(
            {
                "name": "涉嫌职务犯罪加签",
                "sequence": 25,
                "stage": "approval",
                "approver_kind": "users",
                "user_ids": [Command.set(self.user_handler2.ids)],
                "condition_domain": "[('nature', '=', 'duty_crime')]",
                "direction": "to_discipline",
            }
        )
        crime = self._new_clue(nature="duty_crime")
        crime.action_submit()
        self.assertIn(step, crime.route_step_ids)
        other = self._new_clue(nature="other")
        other.action_submit()
        self.assertNotIn(step, other.route_step_ids)

    def test_in_flight_clue_keeps_its_route(self):
        clue = self._new_clue()
        clue.action_submit()
        self.Step.create(
            {"name": "后加步骤", "sequence": 15, "approver_kind": "users",
             "user_ids": [Command.set(self.user_handler2.ids)]}
        )
        clue.with_user(self.user_unit_manager)._approve("ok")
        self.assertEqual(clue.current_step_id, self.step_leader)

    def test_invalid_configuration_refused(self):
        with self.assertRaisesRegex(ValidationError, "group"):
            self.Step.create({"name": "无组", "approver_kind": "group"})
        with self.assertRaisesRegex(ValidationError, "approver"):
            self.Step.create({"name": "无人", "approver_kind": "users"})
        with self.assertRaisesRegex(ValidationError, "not a valid domain"):
            self.Step.create({"name": "坏条件", "condition_domain": "[('no_such_field', '=', 1)]"})

    def test_configuration_manager_reads_no_clue(self):
        clue = self._new_clue()
        clue.action_submit()
        with self.assertRaises(Exception):
            self.env["xingji.clue"].with_user(self.user_manager).search([])
