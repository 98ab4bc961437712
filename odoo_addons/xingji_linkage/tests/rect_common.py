# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import new_test_user

from .common import XingjiCase


class RectCase(XingjiCase):
    """Fixtures for inspections, rectification, notices and meetings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Messages are asserted in English, whatever the database language.
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        Unit = cls.env["xingji.unit"]
        # A second enforcement unit with its own handler and an inspector
        # pool: two supervision staff, one discipline staff, and one
        # handler of the first enforcement unit (回避 when it is drawn).
        cls.handler2 = new_test_user(
            cls.env, login="xj_test_handler2", name="Handler Two",
            groups="base.group_user,xingji_linkage.group_xingji_user",
        )
        cls.unit_enforcement2 = Unit.create(
            {"name": "测试检查分局", "code": "T-ENF2", "kind": "enforcement",
             "member_ids": [(4, cls.handler2.id)]}
        )
        cls.unit_enforcement3 = Unit.create(
            {"name": "测试直属单位", "code": "T-ENF3", "kind": "enforcement"}
        )
        cls.supervision2 = new_test_user(
            cls.env, login="xj_test_supervision2", name="Supervision Two",
            groups="base.group_user,xingji_linkage.group_xingji_supervision",
        )
        cls.discipline2 = new_test_user(
            cls.env, login="xj_test_discipline2", name="Discipline Two",
            groups="base.group_user,xingji_linkage.group_xingji_discipline",
        )
        cls.unit_supervision.member_ids = [(4, cls.supervision2.id)]
        cls.unit_discipline.write({"member_ids": [(4, cls.discipline2.id)], "manager_id": cls.user_discipline.id})
        cls.unit_supervision.manager_id = cls.user_supervision
        cls.inspection = cls.env["xingji.inspection"].with_user(cls.user_discipline).create(
            {
                "title": "2026年度联合法治督查",
                "inspection_type": "random",
                "organiser_unit_ids": [(6, 0, [cls.unit_supervision.id, cls.unit_discipline.id])],
                "leader_id": cls.user_discipline.id,
                "scope": "2026年行政处罚案卷",
            }
        )

    def _draw(self, user=None, seed="s-2026", units=None, inspectors=None, unit_count=2, inspector_count=2, reason=None,
              inspection=None):
        inspection = inspection or self.inspection
        Wizard = self.env["xingji.inspection.draw.wizard"].with_user(user or self.user_discipline)
        wizard = Wizard.with_context(default_inspection_id=inspection.id).create(
            {
                "inspection_id": inspection.id,
                "unit_pool_ids": [(6, 0, (units or self._unit_pool()).ids)],
                "inspector_pool_ids": [(6, 0, (inspectors or self._inspector_pool()).ids)],
                "unit_count": unit_count,
                "inspector_count": inspector_count,
                "seed": seed,
                "reason": reason,
            }
        )
        wizard.action_draw()
        return inspection.draw_id

    def _unit_pool(self):
        return self.unit_enforcement | self.unit_enforcement2 | self.unit_enforcement3

    def _inspector_pool(self):
        return self.user_supervision | self.supervision2 | self.discipline2 | self.user_handler

    def _start_with_finding(self, severity="general"):
        """Draw, start, record a finding on the first enforcement unit."""
        self._draw(units=self.unit_enforcement | self.unit_enforcement2, unit_count=2)
        self.inspection.with_user(self.user_discipline).action_start()
        return self.env["xingji.finding"].with_user(self.user_discipline).create(
            {
                "inspection_id": self.inspection.id,
                "unit_id": self.unit_enforcement.id,
                "name": "行政处罚决定未经法制审核",
                "description": "抽查的12份处罚案卷中有3份未经法制审核即作出决定。",
                "severity": severity,
                "person_ids": [(0, 0, {"name": "王某", "employer_post": "测试执法处科员",
                                       "cadre_rank": "below_division", "is_party_member": True,
                                       "cert_number": "GX-0001"})],
            }
        )

    def _task(self, user=None, **vals):
        values = {
            "name": "整改任务",
            "responsible_unit_id": self.unit_enforcement.id,
            "responsible_user_id": self.user_handler.id,
            "verifier_id": self.user_supervision.id,
            "issuer_unit_id": self.unit_supervision.id,
        }
        values.update(vals)
        return self.env["xingji.rectification"].with_user(user or self.user_supervision).create(values)
