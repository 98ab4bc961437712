# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .rect_common import RectCase


@tagged("post_install", "-at_install", "xingji_inspection")
class TestInspectionClue(RectCase):
    def test_serious_finding_starts_prefilled_clue(self):
        finding = self._start_with_finding(severity="serious")
        finding.evidence = "案卷2026-T-001"
        action = finding.with_user(self.user_supervision).action_create_clue()
        clue = self.env["xingji.clue"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "xingji.clue")
        self.assertEqual(clue.state, "draft")
        self.assertEqual(clue.direction, "to_discipline")
        self.assertEqual(clue.source, "inspection")
        # The organiser the user belongs to refers it.
        self.assertEqual(clue.source_unit_id, self.unit_supervision)
        self.assertEqual(clue.main_problem, finding.description)
        self.assertEqual(clue.evidence, "案卷2026-T-001")
        self.assertEqual(clue.person_ids.mapped("name"), ["王某"])
        self.assertEqual(clue.person_ids.cert_number, "GX-0001")
        self.assertTrue(clue.person_ids.is_party_member)
        self.assertEqual(clue.handler_id, self.user_supervision)
        # Linked both ways; the drafter sees it from the finding.
        self.assertEqual(clue.finding_id, finding)
        self.assertEqual(
            self.env["xingji.clue"].with_user(self.user_supervision).search([("finding_id", "=", finding.id)]), clue
        )
        self.assertEqual(finding.with_user(self.user_supervision).clue_count, 1)
        # Started once only, even by another team member.
        with self.assertRaisesRegex(UserError, "already started"):
            finding.with_user(self.user_discipline).action_create_clue()

    def test_non_serious_finding_is_not_referred(self):
        finding = self._start_with_finding(severity="major")
        with self.assertRaisesRegex(UserError, "Only a serious finding"):
            finding.with_user(self.user_supervision).action_create_clue()
        self.assertFalse(self.env["xingji.clue"].sudo().search([("finding_id", "=", finding.id)]))

    def test_clue_stays_confidential_to_other_team_members(self):
        finding = self._start_with_finding(severity="serious")
        finding.with_user(self.user_supervision).action_create_clue()
        # The inspected unit's head sees the finding after the report, never
        # the clue about its staff.
        self.inspection.action_to_report()
        clue = self.env["xingji.clue"].sudo().search([("finding_id", "=", finding.id)])
        self.assertFalse(self.env["xingji.clue"].with_user(self.user_unit_manager).search([("id", "=", clue.id)]))
        self.assertEqual(finding.with_user(self.user_unit_manager).clue_count, 0)

    def test_rectification_from_an_accepted_clue(self):
        clue = self.env["xingji.clue"].sudo().create(
            {
                "direction": "to_discipline",
                "source_unit_id": self.unit_enforcement.id,
                "receiving_unit_id": self.unit_discipline.id,
                "main_problem": "执法人员违规减免罚款",
                "state": "accepted",
                "person_ids": [(0, 0, {"name": "某某", "cadre_rank": "below_division"})],
            }
        )
        self.assertEqual(clue.receiving_unit_id, self.unit_discipline)
        with self.assertRaisesRegex(UserError, "once it has accepted the clue"):
            clue.with_user(self.user_handler).action_create_rectification()
        ctx = clue.with_user(self.user_discipline).action_create_rectification()["context"]
        task = self.env["xingji.rectification"].with_user(self.user_discipline).with_context(**ctx).create(
            {"name": "规范罚没款减免审批"}
        )
        self.assertEqual(task.clue_id, clue)
        self.assertEqual(task.source_kind, "clue")
        self.assertEqual(task.responsible_unit_id, self.unit_enforcement)
        self.assertEqual(task.verifier_id, self.user_discipline)
        self.assertEqual(clue.with_user(self.user_discipline).rectification_count, 1)
        # The unit sees its task, not the confidential clue behind it.
        as_unit = task.with_user(self.user_handler)
        values = as_unit.web_read({"name": {}, "source_ref": {"fields": {"display_name": {}}}})[0]
        self.assertEqual(values["name"], "规范罚没款减免审批")
        self.assertNotEqual(values["source_ref"]["display_name"], clue.sudo().display_name)
