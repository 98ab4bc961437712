# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "xingji_tour")
class TestInspectionUi(HttpCase):
    def test_inspection_to_verified_rectification(self):
        """Draw → finding → task submitted by the unit → verified by the inspector."""
        env = self.env
        inspector = env.ref("xingji_linkage.user_supervision_demo")
        handler = env.ref("xingji_linkage.user_handler_demo")
        production = env.ref("xingji_linkage.unit_production_demo")
        branch1 = env.ref("xingji_linkage.unit_branch1_demo")
        for user in inspector | handler:
            user.password = user.login
        # Keep the unit pool to two units so that the draw (2 of 2) is known
        # in advance; the inspector pool defaults to the organisers' members.
        env["xingji.unit"].search(
            [("kind", "=", "enforcement"), ("id", "not in", (production | branch1).ids), ("parent_id", "!=", False)]
        ).active = False
        inspection = env["xingji.inspection"].create(
            {
                "title": "导览联合督查",
                "inspection_type": "random",
                "organiser_unit_ids": [
                    (6, 0, [env.ref("xingji_linkage.unit_legal_demo").id,
                            env.ref("xingji_linkage.unit_organ_commission_demo").id])
                ],
                "leader_id": inspector.id,
            }
        )
        self.start_tour("/odoo", "xingji_inspection_tour", login=inspector.login)
        draw = inspection.draw_id
        self.assertEqual(draw.seed, "TOUR-2026")
        self.assertEqual(draw.operator_id, inspector)
        self.assertEqual(draw.drawn_unit_ids, production | branch1)
        self.assertEqual(draw._replay()[0], production | branch1)
        self.assertEqual(inspection.state, "in_progress")
        task = env["xingji.rectification"].search([("name", "=", "导览整改：补齐法制审核")])
        self.assertEqual(task.finding_id.inspection_id, inspection)
        self.assertEqual(task.responsible_unit_id, production)
        self.assertEqual(task.verifier_id, inspector)

        self.start_tour("/odoo", "xingji_rectification_submit_tour", login=handler.login)
        self.assertEqual(task.state, "submitted")
        self.assertTrue(task.evidence_note)

        self.start_tour("/odoo", "xingji_rectification_verify_tour", login=inspector.login)
        self.assertEqual(task.state, "done")
        self.assertEqual(task.verified_by_id, inspector)
        self.assertEqual(task.finding_id.state, "resolved")
