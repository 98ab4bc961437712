# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Links that reveal what they point to (issue 13), over JSON-RPC.

A link is set only to a record the user may read; a link's name is shown
only to who may read its target; verifier, organiser and inspector are
never self-assigned; a drawn inspection changes only by a recorded re-draw.
"""
from odoo import Command

from .attack_common import XingjiAttackCase, tagged
from .test_attack_workflow import HOSTILE, setup_workflow_fixtures, task_vals


@tagged("post_install", "-at_install")
class TestAttackLinks(XingjiAttackCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_workflow_fixtures(cls)
        env = cls.env
        # Hidden from handler2 (unit2): a draft notice to the first unit, a
        # meeting he is not part of, a finding of an undisclosed inspection.
        cls.notice = env["xingji.notice"].with_user(cls.discipline).create(
            {"name": "WF-HIDDEN-NOTICE", "issuer_unit_id": cls.unit_dis.id, "target_unit_id": cls.unit.id}
        )
        cls.meeting = env["xingji.meeting"].with_user(cls.discipline).create(
            {"name": "WF-HIDDEN-MEETING", "participant_user_ids": [Command.link(cls.discipline.id)]}
        )
        cls.inspection.sudo().write(
            {"inspected_unit_ids": [Command.set(cls.unit.ids)], "team_user_ids": [Command.set(cls.supervision.ids)],
             "state": "in_progress", "title": "WF-HIDDEN-INSPECTION"}
        )
        cls.finding = env["xingji.finding"].sudo().create(
            {"inspection_id": cls.inspection.id, "unit_id": cls.unit.id, "name": "WF-HIDDEN-FINDING",
             "description": "WF", "severity": "general"}
        )

    def test_task_source_must_be_readable(self):
        for source in (self.notice, self.meeting, self.finding):
            ref = f"{source._name},{source.id}"
            with self.subTest(source=source._name):
                self.assertRpcRefused(
                    self.handler2, "xingji.rectification", "create",
                    task_vals(self, responsible_unit_id=self.unit2.id, responsible_user_id=self.handler2.id,
                              verifier_id=False, issuer_unit_id=False, source_ref=ref),
                    context=HOSTILE,
                )
        self.assertFalse(self.finding.rectification_ids)
        own = self.rpc(
            self.handler2, "xingji.rectification", "create",
            task_vals(self, responsible_unit_id=self.unit2.id, responsible_user_id=self.handler2.id,
                      verifier_id=False, issuer_unit_id=False),
        )
        self.assertRpcRefused(
            self.handler2, "xingji.rectification", "write", [own],
            {"source_ref": f"xingji.finding,{self.finding.id}"},
        )
        self.assertFalse(self.finding.rectification_ids)

    def test_hidden_link_name_not_shown(self):
        # The supervision team member set a task from the finding for the
        # first unit, before the report: the unit may not read the finding.
        task = self.env["xingji.rectification"].with_user(self.supervision).create(
            task_vals(self, source_ref=f"xingji.finding,{self.finding.id}")
        )
        self.assertEqual(task.finding_id, self.finding)
        values = self.rpc(self.handler, "xingji.rectification", "read", [task.id], ["finding_id", "inspection_id"])
        spec = {"finding_id": {"fields": {"display_name": {}}}, "inspection_id": {"fields": {"display_name": {}}},
                "source_ref": {"fields": {"display_name": {}}}}
        web = self.rpc(self.handler, "xingji.rectification", "web_read", [task.id], spec)
        text = repr(values) + repr(web)
        for secret in ("WF-HIDDEN-FINDING", "WF-HIDDEN-INSPECTION"):
            self.assertNotIn(secret, text)
        # Who may read the finding sees its name.
        values = self.rpc(self.supervision, "xingji.rectification", "read", [task.id], ["finding_id"])
        self.assertIn("WF-HIDDEN-FINDING", values[0]["finding_id"][1])

    def test_verifier_not_self_assigned(self):
        task = self.env["xingji.rectification"].with_user(self.supervision).create(task_vals(self))
        self.assertRpcRefused(
            self.outsider_oversight, "xingji.rectification", "write", [task.id],
            {"verifier_id": self.outsider_oversight.id}, context=HOSTILE,
        )
        self.assertEqual(task.verifier_id, self.supervision)
        # A task without a verifier is verified by the issuing side, not by
        # any oversight user.
        open_task = self.env["xingji.rectification"].with_user(self.supervision).create(
            task_vals(self, verifier_id=False)
        )
        open_task.with_user(self.handler).action_start()
        open_task.with_user(self.handler).write({"result": "done", "evidence_note": "photos"})
        open_task.with_user(self.handler).action_submit()
        self.assertRpcRefused(self.outsider_oversight, "xingji.rectification", "action_verify", [open_task.id])
        self.assertEqual(open_task.state, "submitted")


@tagged("post_install", "-at_install")
class TestAttackDraw(XingjiAttackCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_workflow_fixtures(cls)
        cls.inspection._draw_random(
            cls.unit | cls.unit2, cls.supervision | cls.outsider_oversight, 1, 1, seed="wf-1"
        )

    def _wizard(self, user, reason="WF reason"):
        return self.rpc(
            user, "xingji.inspection.draw.wizard", "create",
            {"inspection_id": self.inspection.id, "unit_pool_ids": [Command.set((self.unit | self.unit2).ids)],
             "inspector_pool_ids": [Command.set(self.outsider_oversight.ids)], "unit_count": 1,
             "inspector_count": 1, "seed": "wf-2", "reason": reason},
            context={"default_inspection_id": self.inspection.id},
        )

    def test_redraw_only_by_organisers(self):
        for user in (self.outsider_oversight, self.leader):
            with self.subTest(user=user.login):
                wizard = self._wizard(user)
                self.assertRpcRefused(user, "xingji.inspection.draw.wizard", "action_draw", [wizard], context=HOSTILE)
        self.assertEqual(len(self.inspection.draw_ids), 1)
        self.assertRpcRefused(
            self.outsider_oversight, "xingji.inspection.draw", "create",
            {"inspection_id": self.inspection.id, "seed": "x", "date_draw": "2026-01-01 00:00:00",
             "operator_id": self.outsider_oversight.id},
        )
        # The organiser re-draws, with a reason.
        self.rpc(self.discipline, "xingji.inspection.draw.wizard", "action_draw", [self._wizard(self.discipline)])
        self.assertEqual(len(self.inspection.draw_ids), 2)
        self.assertEqual(self.inspection.team_user_ids, self.outsider_oversight)

    def test_drawn_units_and_team_not_edited(self):
        team, units = self.inspection.team_user_ids, self.inspection.inspected_unit_ids
        for vals in (
            {"team_user_ids": [Command.link(self.leader.id)]},
            {"inspected_unit_ids": [Command.set(self.unit2.ids)]},
            {"inspection_type": "special"},
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    self.discipline, "xingji.inspection", "write", [self.inspection.id], vals, context=HOSTILE
                )
        self.assertEqual(self.inspection.inspection_type, "random")
        self.assertEqual((self.inspection.team_user_ids, self.inspection.inspected_unit_ids), (team, units))

    def test_roles_not_self_assigned(self):
        inspection = self.env["xingji.inspection"].with_user(self.discipline).create(
            {"title": "WF专项", "inspection_type": "special",
             "organiser_unit_ids": [Command.set([self.unit_sup.id, self.unit_dis.id])]}
        )
        for vals in (
            {"leader_id": self.outsider_oversight.id},
            {"team_user_ids": [Command.link(self.outsider_oversight.id)]},
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    self.outsider_oversight, "xingji.inspection", "write", [inspection.id], vals, context=HOSTILE
                )
        self.assertFalse(inspection.team_user_ids)
