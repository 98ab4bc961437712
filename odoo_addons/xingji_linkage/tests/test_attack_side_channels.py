# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 9 item 6: the neighbours of a clue (followers, messages,
notifications, tracking values, activities) tell an outsider and a reported
person nothing."""
from .attack_common import tagged
from .leaks_common import LeaksAttackCase


@tagged("post_install", "-at_install")
class TestAttackSideChannels(LeaksAttackCase):
    def setUp(self):
        super().setUp()
        self.clue, _file = self._transferred_clue()
        clue = self.clue.sudo()
        # A message that reached the wrong people (a recipient outside the
        # scope) and an activity assigned outside it: what mail would show
        # them whatever their rights on the clue.
        self.message = clue.message_post(
            body="移送通知",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=(self.reported | self.outsider | self.user_handler).partner_id.ids,
        )
        self.env["mail.notification"].create(
            [
                {"mail_message_id": self.message.id, "res_partner_id": user.partner_id.id,
                 "notification_type": "inbox"}
                for user in (self.reported, self.outsider)
            ]
        )
        self.activity = clue.activity_schedule(
            "mail.mail_activity_data_todo", summary="核查王某", user_id=self.outsider.id
        )
        self.env.cr.flush()
        sudo = self.env["mail.followers"].sudo()
        self.assertTrue(sudo.search([("res_model", "=", "xingji.clue"), ("res_id", "=", self.clue.id)]))
        self.assertTrue(
            self.env["mail.tracking.value"].sudo().search([("mail_message_id.model", "=", "xingji.clue"),
                                                           ("mail_message_id.res_id", "=", self.clue.id)])
        )

    def _about_clue(self, rows, model_key, id_key):
        return [r for r in rows if r.get(model_key) == "xingji.clue" and r.get(id_key) == self.clue.id]

    def test_followers_hidden(self):
        for user in (self.outsider, self.reported, self.settings_admin):
            rows = self.rpc(user, "mail.followers", "search_read", [("res_model", "=", "xingji.clue")],
                            ["res_model", "res_id", "partner_id"])
            self.assertFalse(self._about_clue(rows, "res_model", "res_id"), user.login)
            follower = self.env["mail.followers"].sudo().search(
                [("res_model", "=", "xingji.clue"), ("res_id", "=", self.clue.id)], limit=1
            )
            self.assertRpcRefused(user, "mail.followers", "read", follower.ids, ["res_id", "partner_id"])
        rows = self.rpc(self.user_handler, "mail.followers", "search_read",
                        [("res_model", "=", "xingji.clue"), ("res_id", "=", self.clue.id)], ["partner_id"])
        self.assertTrue(rows, "The scope still sees the followers")

    def test_messages_hidden(self):
        for user in (self.outsider, self.reported):
            rows = self.rpc(user, "mail.message", "search_read", [("model", "=", "xingji.clue")],
                            ["model", "res_id", "body"])
            self.assertFalse(self._about_clue(rows, "model", "res_id"), user.login)
            self.assertRpcRefused(user, "mail.message", "read", self.message.ids, ["body"])
        rows = self.rpc(self.user_handler, "mail.message", "search_read",
                        [("id", "=", self.message.id)], ["body"])
        self.assertEqual(len(rows), 1)

    def test_notifications_hidden(self):
        for user in (self.outsider, self.reported):
            rows = self.rpc(user, "mail.notification", "search_read", [], ["mail_message_id"])
            self.assertFalse([r for r in rows if r["mail_message_id"] and r["mail_message_id"][0] == self.message.id],
                             user.login)

    def test_tracking_values_hidden(self):
        for user in (self.settings_admin,):
            rows = self.rpc(user, "mail.tracking.value", "search_read", [], ["mail_message_id", "new_value_char"])
            clue_messages = set(self.clue.sudo().message_ids.ids)
            self.assertFalse([r for r in rows if r["mail_message_id"] and r["mail_message_id"][0] in clue_messages])

    def test_activities_hidden(self):
        for user in (self.outsider, self.reported):
            rows = self.rpc(user, "mail.activity", "search_read", [("res_model", "=", "xingji.clue")],
                            ["res_model", "res_id", "summary"])
            self.assertFalse(self._about_clue(rows, "res_model", "res_id"), user.login)
        self.assertRpcRefused(self.outsider, "mail.activity", "read", self.activity.ids, ["summary"])


@tagged("post_install", "-at_install")
class TestAttackFindings(LeaksAttackCase):
    """Issue 9 item 10: a finding naming persons, once serious or referred,
    follows the need-to-know and 回避 rules of a clue."""

    def setUp(self):
        super().setUp()
        self.inspection = self.env["xingji.inspection"].create(
            {
                "title": "专项督查",
                "inspection_type": "special",
                "organiser_unit_ids": [(6, 0, [self.unit_supervision.id])],
                "leader_id": self.user_supervision.id,
                "team_user_ids": [(6, 0, [self.user_supervision.id])],
                "inspected_unit_ids": [(6, 0, [self.unit_enforcement.id])],
                "scope": "2026年行政处罚案卷",
            }
        )
        self.inspection.sudo().write({"state": "in_progress"})
        Finding = self.env["xingji.finding"].with_user(self.user_supervision)
        values = {
            "inspection_id": self.inspection.id,
            "unit_id": self.unit_enforcement.id,
            "description": "未经法制审核作出处罚决定",
            "person_ids": [(0, 0, {"name": "王某", "user_id": self.reported.id})],
        }
        self.serious = Finding.create(dict(values, name="严重问题", severity="serious"))
        self.general = Finding.create(dict(values, name="一般问题", severity="general"))
        self.inspection.sudo().write({"state": "report"})

    def _names(self, user, model="xingji.finding"):
        rows = self.rpc(user, model, "search_read", [], ["display_name"])
        return {row["id"] for row in rows}

    def test_serious_finding_only_to_its_scope(self):
        self.assertTrue(self.serious.is_confidential)
        self.assertFalse(self.general.is_confidential)
        # The named person (a leader), another leader outside the
        # inspection, the inspected unit after the report.
        for user in (self.reported, self.user_leader, self.user_handler, self.outsider):
            self.assertNotIn(self.serious.id, self._names(user), user.login)
            persons = self.rpc(user, "xingji.finding.person", "search_read",
                               [("finding_id", "=", self.serious.id)], ["name"])
            self.assertFalse(persons, user.login)
            self.assertRpcRefused(user, "xingji.finding", "read", self.serious.ids, ["description"])
            followers = self.rpc(user, "mail.followers", "search_read",
                                 [("res_model", "=", "xingji.finding"), ("res_id", "=", self.serious.id)], ["id"])
            self.assertFalse(followers, user.login)
        # The general finding keeps its readers.
        self.assertIn(self.general.id, self._names(self.user_leader))
        self.assertIn(self.general.id, self._names(self.user_handler))
        # The team reads the serious one.
        self.assertIn(self.serious.id, self._names(self.user_supervision))
