# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.fields import Command
from odoo.tests import new_test_user

from .common import XingjiCase


class XingjiClueCase(XingjiCase):
    """Clue fixtures that do not rely on demo data.

    The routing rules shipped as data get the test bodies: 测试纪委 plays
    局机关纪委, 测试纪检组 plays 驻局纪检监察组, 测试法规处 the
    supervision body.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_discipline2 = new_test_user(
            cls.env,
            login="xj_test_discipline2",
            name="Test discipline group",
            groups="base.group_user,xingji_linkage.group_xingji_discipline",
        )
        cls.user_handler2 = new_test_user(
            cls.env,
            login="xj_test_user2",
            name="Test handler 2",
            groups="base.group_user,xingji_linkage.group_xingji_user",
        )
        cls.unit_group = cls.env["xingji.unit"].create(
            {
                "name": "测试纪检组",
                "code": "T-ZJZ",
                "kind": "discipline",
                "manager_id": cls.user_discipline2.id,
            }
        )
        cls.unit_discipline.manager_id = cls.user_discipline
        cls.unit_supervision.manager_id = cls.user_supervision
        ref = cls.env.ref
        for xmlid in (
            "routing_rule_bureau",
            "routing_rule_division",
            "routing_rule_below_division_non_party",
            "routing_rule_none_non_party",
        ):
            ref(f"xingji_linkage.{xmlid}").write(
                {"receiving_unit_id": cls.unit_group.id, "transit_unit_id": cls.unit_discipline.id}
            )
        ref("xingji_linkage.routing_rule_other_cadres").write(
            {"receiving_unit_id": cls.unit_discipline.id, "transit_unit_id": False}
        )
        ref("xingji_linkage.routing_rule_to_supervision").receiving_unit_id = cls.unit_supervision
        cls.step_head = ref("xingji_linkage.approval_step_unit_manager")
        cls.step_leader = ref("xingji_linkage.approval_step_leader")
        # Other leaders (demo data) must not be needed: the tests approve as this one.
        cls.Clue = cls.env["xingji.clue"]

    def _clue_vals(self, **vals):
        base = {
            "direction": "to_discipline",
            "source_unit_id": self.unit_enforcement.id,
            "date_discovered": "2026-03-02",
            "source": "inspection",
            "nature": "duty_violation",
            "main_problem": "检查中接受企业宴请",
            "handler_id": self.user_handler.id,
            "no_proposal_confirmed": True,
            "person_ids": [
                Command.create(
                    {"name": "王某", "cadre_rank": "below_division", "is_party_member": True}
                )
            ],
        }
        base.update(vals)
        # 线索收到时间 is required at submission: received when discovered.
        base.setdefault("date_received", base.get("date_discovered"))
        return base

    def _new_clue(self, user=None, **vals):
        user = user or self.user_handler
        return self.Clue.with_user(user).create(self._clue_vals(**vals))

    def _parent_headed_by_leader(self, unit):
        """Puts ``unit`` under a parent unit (测试局) headed by the bureau
        leader: a unit-head step its own head may not decide passes to him."""
        unit.parent_id = self.env["xingji.unit"].create(
            {"name": "测试局", "code": "T-BUR", "manager_id": self.user_leader.id}
        )
        return unit.parent_id

    def _new_fault_clue(self, **vals):
        """A fault clue (to the supervision body) drafted by the head of the
        discipline body: four eyes, the head of its parent unit decides the
        unit-head step."""
        if not self.unit_discipline.parent_id:
            self._parent_headed_by_leader(self.unit_discipline)
        defaults = {"direction": "to_supervision", "source_unit_id": self.unit_discipline.id, "nature": False}
        return self._new_clue(user=self.user_discipline, **{**defaults, **vals})

    def _to_transferred(self, clue=None, **vals):
        clue = clue or self._new_clue(**vals)
        clue.action_submit()
        clue.with_user(self.user_unit_manager)._approve("同意移送")
        if clue.direction == "to_discipline":
            clue.with_user(self.user_leader)._approve("同意")
        return clue
