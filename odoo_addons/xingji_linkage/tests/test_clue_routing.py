# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .clue_common import XingjiClueCase


def person(name, rank, party, user=None):
    vals = {"name": name, "cadre_rank": rank, "is_party_member": party}
    if user:
        vals["user_id"] = user.id
    return Command.create(vals)


@tagged("post_install", "-at_install", "xingji_clue")
class TestClueRouting(XingjiClueCase):
    def _route(self, *persons, direction="to_discipline"):
        clue = self._new_clue(person_ids=list(persons), direction=direction)
        return clue.receiving_unit_id, clue.transit_unit_id

    def test_each_rank_and_party_case(self):
        group, organ = self.unit_group, self.unit_discipline
        cases = [
            ("bureau", True, group, organ),
            ("bureau", False, group, organ),
            ("division", True, group, organ),
            ("division", False, group, organ),
            ("below_division", False, group, organ),
            ("below_division", True, organ, self.env["xingji.unit"]),
            ("none", True, organ, self.env["xingji.unit"]),
            # Seed 000 §三: a non-party person without cadre rank goes like
            # 处级以下非党员干部, through 局机关纪委 (issue 11).
            ("none", False, group, organ),
        ]
        for rank, party, receiving, transit in cases:
            with self.subTest(rank=rank, party=party):
                self.assertEqual(self._route(person("某", rank, party)), (receiving, transit))

    def test_most_senior_body_wins(self):
        receiving, transit = self._route(
            person("科员", "below_division", True), person("处长", "division", True)
        )
        self.assertEqual(receiving, self.unit_group)
        self.assertEqual(transit, self.unit_discipline)
        receiving, _transit = self._route(
            person("科员甲", "below_division", True), person("其他人员", "none", True)
        )
        self.assertEqual(receiving, self.unit_discipline)

    def test_to_supervision_goes_to_supervision_body(self):
        clue = self._new_clue(
            user=self.user_discipline,
            direction="to_supervision",
            source_unit_id=self.unit_discipline.id,
            person_ids=[person("执法人员", "division", True)],
        )
        self.assertEqual(clue.receiving_unit_id, self.unit_supervision)
        self.assertFalse(clue.transit_unit_id)

    def test_rule_change_reroutes_drafts(self):
        clue = self._new_clue()
        self.assertEqual(clue.receiving_unit_id, self.unit_discipline)
        other = self.env["xingji.unit"].create({"name": "另一纪检机构", "code": "T-OTH", "kind": "discipline"})
        self.env.ref("xingji_linkage.routing_rule_other_cadres").with_user(self.user_manager).write(
            {"receiving_unit_id": other.id}
        )
        clue2 = self._new_clue()
        self.assertEqual(clue2.receiving_unit_id, other)

    def test_no_rule_matches_refused_clearly(self):
        self.env["xingji.routing.rule"].search([("direction", "=", "to_discipline")]).active = False
        clue = self._new_clue()
        self.assertFalse(clue.receiving_unit_id)
        with self.assertRaisesRegex(UserError, "No routing rule matches"):
            clue.action_submit()
        # Choosing the body by hand, with a reason, still works.
        clue.write({"receiving_unit_id": self.unit_discipline.id, "routing_override_reason": "无适用规则"})
        clue.action_submit()
        self.assertEqual(clue.state, "review")

    def test_rule_without_body_refused_clearly(self):
        self.env.ref("xingji_linkage.routing_rule_other_cadres").receiving_unit_id = False
        clue = self._new_clue()
        with self.assertRaisesRegex(UserError, "names no receiving body"):
            clue.action_submit()

    def test_wrong_kind_of_body_refused(self):
        clue = self._new_clue()
        clue.write({"receiving_unit_id": self.unit_supervision.id, "routing_override_reason": "试试"})
        with self.assertRaisesRegex(UserError, "cannot receive"):
            clue.action_submit()
