# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .rect_common import RectCase


@tagged("post_install", "-at_install", "xingji_inspection")
class TestInspection(RectCase):
    def test_draw_is_recorded_and_replayable(self):
        draw = self._draw(seed="replay-me")
        self.assertEqual(draw.seed, "replay-me")
        self.assertEqual(draw.operator_id, self.user_discipline)
        self.assertTrue(draw.date_draw)
        self.assertEqual(draw.unit_pool_ids, self._unit_pool())
        self.assertEqual(draw.inspector_pool_ids, self._inspector_pool())
        self.assertEqual(len(draw.drawn_unit_ids), 2)
        self.assertEqual(len(draw.drawn_inspector_ids), 2)
        # The inspection carries the result.
        self.assertEqual(self.inspection.inspected_unit_ids, draw.drawn_unit_ids)
        self.assertEqual(self.inspection.team_user_ids, draw.drawn_inspector_ids)
        # Anyone replaying the stored draw gets the same units and inspectors,
        # even after the members of the units changed.
        self.unit_enforcement.member_ids = [(4, self.supervision2.id)]
        units, inspectors = draw.with_user(self.user_supervision)._replay()
        self.assertEqual(units, draw.drawn_unit_ids)
        self.assertEqual(inspectors, draw.drawn_inspector_ids)
        notification = draw.action_replay()
        self.assertEqual(notification["params"]["type"], "success")

    def test_same_seed_same_result_different_seeds_vary(self):
        Draw = self.env["xingji.inspection.draw"]
        pool_units = self._unit_pool()
        pool_users = self._inspector_pool()
        first = Draw._draw("abc", pool_units, pool_users, 2, 2)
        again = Draw._draw("abc", pool_units.sorted(lambda u: -u.id), pool_users, 2, 2)
        self.assertEqual(first[0], again[0])
        self.assertEqual(first[2], again[2])
        results = {tuple(sorted(Draw._draw(str(n), pool_units, pool_users, 1, 1)[0].ids)) for n in range(30)}
        self.assertGreater(len(results), 1, "Different seeds must be able to draw different units")

    def test_conflict_of_interest_excluded(self):
        # The handler belongs to the first enforcement unit: when it is
        # drawn, the handler is never drawn as inspector.
        for seed in ("a", "b", "c", "d", "e", "f"):
            units, excluded, inspectors = self.env["xingji.inspection.draw"]._draw(
                seed, self.unit_enforcement, self._inspector_pool(), 1, 3
            )
            self.assertEqual(excluded, self.user_handler)
            self.assertNotIn(self.user_handler, inspectors)
            self.assertEqual(len(inspectors), 3)
        draw = self._draw(units=self.unit_enforcement, unit_count=1, inspector_count=3, seed="x")
        self.assertEqual(draw.excluded_inspector_ids, self.user_handler)
        self.assertNotIn(self.user_handler, self.inspection.team_user_ids)

    def test_not_enough_inspectors_after_exclusion(self):
        with self.assertRaisesRegex(UserError, "Only 3 inspectors"):
            self._draw(units=self.unit_enforcement, unit_count=1, inspector_count=4)

    def test_redraw_needs_reason_and_keeps_history(self):
        first = self._draw(seed="one")
        with self.assertRaisesRegex(UserError, "re-draw is recorded"):
            self._draw(seed="two")
        with self.assertRaisesRegex(UserError, "re-draw is recorded"):
            self._draw(seed="two", reason="   ")
        # Changing the drawn units by hand is a silent re-draw: refused.
        with self.assertRaisesRegex(UserError, "recorded random draw"):
            self.inspection.with_user(self.user_discipline).inspected_unit_ids = [(6, 0, self.unit_enforcement3.ids)]
        second = self._draw(seed="two", reason="被抽中单位正在机构改革")
        self.assertEqual(self.inspection.draw_ids, first | second)
        self.assertEqual(self.inspection.draw_id, second)
        self.assertEqual(second.sequence, 2)
        self.assertEqual(second.reason, "被抽中单位正在机构改革")
        # The first draw is unchanged and still replays to its own result.
        self.assertEqual(first._replay()[0], first.drawn_unit_ids)
        self.assertIn("被抽中单位正在机构改革", self.inspection.message_ids[0].body)
        # Draws are append-only.
        with mute_logger("odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            first.with_user(self.user_discipline).write({"seed": "forged"})

    def test_handler_cannot_draw(self):
        with mute_logger("odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            self._draw(user=self.user_handler)

    def test_state_path(self):
        Inspection = self.inspection.with_user(self.user_discipline)
        # The organisers must come from both sides.
        Inspection.organiser_unit_ids = [(6, 0, self.unit_discipline.ids)]
        self._draw()
        with self.assertRaisesRegex(UserError, "both to the organisers"):
            Inspection.action_start()
        Inspection.organiser_unit_ids = [(6, 0, (self.unit_discipline | self.unit_supervision).ids)]
        Inspection.action_start()
        self.assertEqual(Inspection.state, "in_progress")
        self.assertTrue(Inspection.date_start)
        with self.assertRaisesRegex(UserError, "not possible now"):
            Inspection.action_open_draw_wizard()
        Inspection.action_to_report()
        with self.assertRaisesRegex(UserError, "summary and the conclusions"):
            Inspection.action_to_rectification()
        Inspection.write({"report_summary": "<p>共抽查2个单位</p>", "report_conclusion": "<p>总体规范</p>"})
        Inspection.action_to_rectification()
        self.assertEqual(Inspection.state, "rectification")
        Inspection.action_close()
        self.assertEqual(Inspection.state, "closed")

    def test_close_refused_with_open_tasks_and_cancel_needs_reason(self):
        finding = self._start_with_finding()
        self._task(source_ref=f"xingji.finding,{finding.id}")
        inspection = self.inspection.with_user(self.user_discipline)
        inspection.action_to_report()
        inspection.write({"report_summary": "<p>x</p>", "report_conclusion": "<p>y</p>"})
        inspection.action_to_rectification()
        with self.assertRaisesRegex(UserError, "not verified yet"):
            inspection.action_close()
        other = self.env["xingji.inspection"].with_user(self.user_supervision).create(
            {"title": "暗访", "inspection_type": "unannounced"}
        )
        with self.assertRaisesRegex(UserError, "reason for cancelling"):
            other.action_cancel()
        other.cancel_reason = "计划调整"
        other.action_cancel()
        self.assertEqual(other.state, "cancelled")

    def test_no_finding_before_the_start(self):
        self._draw()
        with self.assertRaisesRegex(ValidationError, "once .* has started"):
            self.env["xingji.finding"].with_user(self.user_discipline).create(
                {"inspection_id": self.inspection.id, "unit_id": self.inspection.inspected_unit_ids[0].id,
                 "name": "x", "description": "y"}
            )

    def test_finding_unit_must_be_inspected_and_creates_task(self):
        finding = self._start_with_finding()
        with self.assertRaises(ValidationError):
            self.env["xingji.finding"].with_user(self.user_discipline).create(
                {"inspection_id": self.inspection.id, "unit_id": self.unit_enforcement3.id,
                 "name": "x", "description": "y"}
            )
        action = finding.action_create_rectification()
        ctx = action["context"]
        self.assertEqual(ctx["default_responsible_unit_id"], self.unit_enforcement.id)
        self.assertEqual(ctx["default_source_ref"], f"xingji.finding,{finding.id}")
        task = self.env["xingji.rectification"].with_user(self.user_discipline).with_context(**ctx).create(
            {"name": finding.name}
        )
        self.assertEqual(task.finding_id, finding)
        self.assertEqual(task.inspection_id, self.inspection)
        self.assertEqual(task.source_kind, "finding")
        self.assertEqual(task.verifier_id, self.user_discipline)
        self.assertEqual(finding.state, "rectifying")
        self.assertEqual(self.inspection.rectification_count, 1)

    def test_record_rules(self):
        finding = self._start_with_finding()
        Inspection = self.env["xingji.inspection"]
        # A handler of an inspected unit does not see the inspection (nor its
        # findings) until the report is written.
        self.assertFalse(Inspection.with_user(self.user_handler).search([("id", "=", self.inspection.id)]))
        self.assertFalse(self.env["xingji.finding"].with_user(self.user_handler).search([("id", "=", finding.id)]))
        self.inspection.action_to_report()
        self.assertTrue(Inspection.with_user(self.user_handler).search([("id", "=", self.inspection.id)]))
        self.assertTrue(self.env["xingji.finding"].with_user(self.user_handler).search([("id", "=", finding.id)]))
        self.assertTrue(finding.person_ids.with_user(self.user_handler).read(["name"]))
        # ... but may not change the finding, the persons or the inspection.
        with mute_logger("odoo.addons.base.models.ir_rule"), self.assertRaises(AccessError):
            finding.with_user(self.user_handler).write({"severity": "general"})
        with mute_logger("odoo.addons.base.models.ir_rule"), self.assertRaises(AccessError):
            finding.person_ids.with_user(self.user_handler).write({"name": "改写"})
        with mute_logger("odoo.addons.base.models.ir_rule"), self.assertRaises(AccessError):
            self.inspection.with_user(self.user_handler).write({"report_summary": "<p>改写</p>"})
        # A drawn inspector of the team sees it.
        member = self.inspection.team_user_ids[0]
        self.assertTrue(Inspection.with_user(member).search([("id", "=", self.inspection.id)]))
        # A handler drawn into the team (group user only) may write the report.
        # (fixture: sudo, a drawn team changes only by a re-draw)
        self.inspection.sudo().team_user_ids = [(4, self.handler2.id)]
        self.inspection.with_user(self.handler2).write({"report_summary": "<p>检查组撰写</p>"})
        # The configuration manager sees none of it.
        with mute_logger("odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            Inspection.with_user(self.user_manager).search([])
        with mute_logger("odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            self.env["xingji.finding"].with_user(self.user_manager).search([])
