# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The knowledge scope of a clue over JSON-RPC: the people of the units on
its route are those of the moment each unit entered it (configuring a unit
later opens no past clue), and the unit's liaisons (联络员) are in the scope
of their unit's clues, except those the clue reports (回避)."""
from odoo.fields import Command
from odoo.tests import new_test_user

from .attack_common import XingjiAttackCase, tagged
from .clue_common import XingjiClueCase
from .rect_common import RectCase


@tagged("post_install", "-at_install", "xingji_clue")
class TestAttackClueScope(XingjiAttackCase, XingjiClueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.newcomer = new_test_user(
            cls.env, login="xj_test_newcomer", name="Newcomer",
            groups="base.group_user,xingji_linkage.group_xingji_discipline",
        )
        cls.new_liaison = new_test_user(
            cls.env, login="xj_test_new_liaison", name="New liaison",
            groups="base.group_user,xingji_linkage.group_xingji_user",
        )
        cls.new_head = new_test_user(
            cls.env, login="xj_test_new_head", name="New head",
            groups="base.group_user,xingji_linkage.group_xingji_unit_manager",
        )

    def _visible(self, user, clue):
        return self.rpc(user, "xingji.clue", "search", [("id", "=", clue.id)])

    def test_joining_the_receiving_body_opens_no_past_clue(self):
        clue = self._to_transferred()
        self.assertEqual(clue.receiving_unit_id, self.unit_discipline)
        self.assertEqual(self._visible(self.user_discipline, clue), clue.ids)
        # The configuration manager puts a newcomer (and himself) into the
        # receiving body, and names a new head of the source unit.
        self.rpc(self.user_manager, "xingji.unit", "write", [self.unit_discipline.id],
                 {"member_ids": [Command.link(self.newcomer.id), Command.link(self.user_manager.id)]})
        self.rpc(self.user_manager, "xingji.unit", "write", [self.unit_enforcement.id],
                 {"manager_id": self.new_head.id})
        for user in (self.newcomer, self.new_head):
            self.assertEqual(self._visible(user, clue), [], f"{user.name} reads a past clue")
            self.assertRpcRefused(user, "xingji.clue", "read", [clue.id], ["main_problem"])
        # Later steps of the clue do not re-read the body's members either.
        self.rpc(self.user_discipline, "xingji.clue", "action_accept", [clue.id])
        self.assertEqual(clue.sudo().state, "accepted")
        for user in (self.newcomer, self.new_head, self.user_manager):
            self.assertNotIn(user, clue.sudo().scope_user_ids)
        # A clue transferred after the change does reach the newcomer.
        self.unit_enforcement.manager_id = self.user_unit_manager
        later = self._to_transferred()
        self.assertEqual(self._visible(self.newcomer, later), later.ids)

    def _name_liaisons(self, user_ids):
        """As the client does: the head opens the wizard and saves it."""
        head = self.unit_enforcement.manager_id
        wizard = self.rpc(head, "xingji.unit.liaison.wizard", "create",
                          {"unit_id": self.unit_enforcement.id, "liaison_ids": [Command.set(user_ids)]})
        self.rpc(head, "xingji.unit.liaison.wizard", "action_apply", [wizard])

    def test_new_liaison_sees_his_units_clues_but_not_one_reporting_him(self):
        clue = self._to_transferred()
        reporting = self._to_transferred(
            person_ids=[Command.create({"name": "New liaison", "cadre_rank": "below_division",
                                        "is_party_member": True, "user_id": self.new_liaison.id})]
        )
        self.assertEqual(self._visible(self.new_liaison, clue), [])
        # The head names the liaison (the configuration role may not: test_attack_unit).
        self._name_liaisons([self.new_liaison.id])
        found = self.rpc(self.new_liaison, "xingji.clue", "search",
                         [("source_unit_id", "=", self.unit_enforcement.id)])
        self.assertIn(clue.id, found, "The liaison collects every clue of his unit")
        self.assertNotIn(reporting.id, found, "回避: never the clue that reports him")
        self.assertRpcRefused(self.new_liaison, "xingji.clue", "read", [reporting.id], ["main_problem"])
        # Not a drafter's private matter: a draft is not the liaison's yet.
        draft = self._new_clue()
        self.assertEqual(self._visible(self.new_liaison, draft), [])
        # A liaison who is replaced leaves the scope of the unit's clues.
        self._name_liaisons([])
        self.assertEqual(self._visible(self.new_liaison, clue), [])

    def test_passing_on_drops_the_former_body(self):
        clue = self._to_transferred()
        clue.with_user(self.user_discipline)._pass_on(self.unit_group, "属于驻局纪检监察组管辖")
        self.assertNotIn(self.user_discipline, clue.sudo().scope_user_ids)
        self.assertIn(self.user_discipline2, clue.sudo().scope_user_ids)


@tagged("post_install", "-at_install", "xingji_inspection")
class TestFindingScopeFollowsClue(RectCase):
    def test_finding_scope_refreshed_with_its_clue(self):
        finding = self._start_with_finding(severity="serious")
        action = finding.with_user(self.user_supervision).action_create_clue()
        clue = self.env["xingji.clue"].browse(action["res_id"])
        informed = new_test_user(
            self.env, login="xj_test_informed", name="Informed",
            groups="base.group_user,xingji_linkage.group_xingji_user",
        )
        self.assertNotIn(informed, finding.sudo().scope_user_ids)
        # Each write ends with a flush, as a request does.
        clue.with_user(self.user_supervision).extra_scope_user_ids = [Command.link(informed.id)]
        self.env.flush_all()
        self.assertIn(informed, clue.sudo().scope_user_ids)
        self.assertIn(informed, finding.sudo().scope_user_ids, "The finding's scope follows its clue's")
        clue.with_user(self.user_supervision).extra_scope_user_ids = [Command.unlink(informed.id)]
        self.env.flush_all()
        self.assertNotIn(informed, finding.sudo().scope_user_ids)
