# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .clue_common import XingjiClueCase


@tagged("post_install", "-at_install", "xingji_clue", "xingji_security")
class TestClueNeedToKnow(XingjiClueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A Settings administrator who also holds every linkage work role:
        # the global rule must still keep them out.
        cls.super_admin = new_test_user(
            cls.env,
            login="xj_test_super_admin",
            name="Settings admin with work roles",
            groups="base.group_user,base.group_system,xingji_linkage.group_xingji_unit_manager,"
            "xingji_linkage.group_xingji_discipline,xingji_linkage.group_xingji_supervision",
        )

    def setUp(self):
        super().setUp()
        self.clue = self._new_clue()
        self.material = self.env["xingji.clue.material"].with_user(self.user_handler).create(
            {"clue_id": self.clue.id, "name": "检查记录", "pages": 3}
        )
        self.attachment = self.env["ir.attachment"].with_user(self.user_handler).create(
            {"name": "记录.txt", "datas": base64.b64encode(b"secret"), "res_model": "xingji.clue.material",
             "res_id": self.material.id}
        )
        self.material.attachment_ids = [Command.link(self.attachment.id)]
        self.outsiders = {
            "handler of another unit": self.user_handler2,
            "settings admin": self.settings_admin,
            "settings admin with work roles": self.super_admin,
            "configuration manager": self.user_manager,
            "supervision (not on route)": self.user_supervision,
        }

    def _assert_invisible(self, user, clue):
        Clue = self.env["xingji.clue"].with_user(user)
        with mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model"):
            try:
                found = Clue.search([("id", "=", clue.id)])
            except AccessError:
                found = None  # no ACL at all: even better
            if found is not None:
                self.assertFalse(found, "search")
                self.assertFalse(Clue.search([("name", "=", clue.name)]), "search by number")
                self.assertFalse(Clue.name_search(clue.name), "name_search")
                groups = Clue.read_group([("id", "=", clue.id)], ["state"], ["state"])
                self.assertEqual(sum(g["state_count"] for g in groups), 0, "read_group")
                self.assertFalse(Clue.search_count([("person_names", "ilike", "王某"), ("id", "=", clue.id)]))
                self.assertFalse(
                    Clue.web_search_read([("id", "=", clue.id)], {"name": {}})["records"], "web_search_read"
                )
            with self.assertRaises(AccessError):
                Clue.browse(clue.id).read(["main_problem"])
            # Refused either by the rule or, for users without export rights, before it.
            with self.assertRaises(UserError):
                Clue.browse(clue.id).export_data(["name", "main_problem"])
            with self.assertRaises(AccessError):
                Clue.browse(clue.id).web_read({"name": {}})
            with self.assertRaises(AccessError):
                self.env["xingji.clue.person"].with_user(user).browse(clue.sudo().person_ids.ids).read(["name"])
            Attachment = self.env["ir.attachment"].with_user(user)
            with self.assertRaises(AccessError):
                Attachment.browse(self.attachment.id).read(["datas"])
            self.assertFalse(Attachment.search([("id", "=", self.attachment.id)]))
            with self.assertRaises(AccessError):
                self.env["mail.message"].with_user(user).browse(clue.sudo().message_ids[:1].ids).read(["body"])

    def test_outsiders_see_nothing(self):
        self.clue.action_submit()
        for label, user in self.outsiders.items():
            with self.subTest(user=label):
                self._assert_invisible(user, self.clue)

    def test_attachment_belongs_to_clue(self):
        self.assertEqual(self.attachment.res_model, "xingji.clue")
        self.assertEqual(self.attachment.res_id, self.clue.id)
        data = self.env["ir.attachment"].with_user(self.user_handler).browse(self.attachment.id).datas
        self.assertEqual(base64.b64decode(data), b"secret")

    def test_scope_follows_the_route(self):
        clue = self.clue
        scope = lambda: clue.sudo().scope_user_ids  # noqa: E731
        # Draft: drafter/handler and the head of the source unit only.
        self.assertEqual(scope(), self.user_handler | self.user_unit_manager)
        clue.action_submit()
        # An approver learns of the clue when his step is reached (the
        # approvers are fixed then, not read from the live configuration).
        self.assertNotIn(self.user_leader, scope())
        self.assertNotIn(self.user_discipline, scope(), "the receiving body learns of it on transfer")
        clue.with_user(self.user_unit_manager)._approve("ok")
        self.assertIn(self.user_leader, scope())
        clue.with_user(self.user_leader)._approve("ok")
        self.assertIn(self.user_discipline, scope())
        for user in self.outsiders.values():
            self.assertNotIn(user, scope())
        # Explicitly informed users join; outsiders still do not.
        clue.with_user(self.user_unit_manager).extra_scope_user_ids = [Command.link(self.user_handler2.id)]
        self.assertIn(self.user_handler2, scope())
        self.assertTrue(self.env["xingji.clue"].with_user(self.user_handler2).search([("id", "=", clue.id)]))

    def test_transit_body_knows(self):
        clue = self._new_clue(
            person_ids=[Command.create({"name": "处长", "cadre_rank": "division", "is_party_member": True})]
        )
        self._to_transferred(clue)
        self.assertEqual(clue.receiving_unit_id, self.unit_group)
        # The transit body (局机关纪委) knows it at once; the receiving body
        # only once the transit body has forwarded it (转送).
        self.assertIn(self.user_discipline, clue.sudo().scope_user_ids)
        self.assertEqual(clue.transit_state, "pending")
        self.assertNotIn(self.user_discipline2, clue.sudo().scope_user_ids)
        clue.with_user(self.user_discipline)._forward(fields.Date.today(), "测纪〔2026〕9号", "system")
        self.assertIn(self.user_discipline2, clue.sudo().scope_user_ids)

    def test_access_grant_opens_and_closes(self):
        self.clue.action_submit()
        grant = self.env["xingji.access.grant"].sudo().create(
            {"res_model": "xingji.clue", "res_id": self.clue.id, "user_id": self.user_handler2.id,
             "date_end": "2099-12-31"}
        )
        self.assertTrue(self.env["xingji.clue"].with_user(self.user_handler2).search([("id", "=", self.clue.id)]))
        grant.active = False
        self.assertFalse(self.env["xingji.clue"].with_user(self.user_handler2).search([("id", "=", self.clue.id)]))
        # Before transfer, access requests go to the head of the source unit.
        self.assertEqual(self.clue._get_access_approvers(), self.user_unit_manager)
        self.clue.with_user(self.user_unit_manager)._approve("ok")
        self.clue.with_user(self.user_leader)._approve("ok")
        # Once transferred, the head of the receiving body decides.
        self.assertEqual(self.clue._get_access_approvers(), self.user_discipline)

    def test_notifications_reach_only_the_scope(self):
        self.clue.action_submit()
        # The leader's step is reached: he is in the scope now.
        self.clue.with_user(self.user_unit_manager)._approve("ok")
        outsider = self.user_handler2
        self.clue.message_subscribe(partner_ids=[outsider.partner_id.id, self.user_leader.partner_id.id])
        self.assertNotIn(outsider.partner_id, self.clue.message_partner_ids)
        self.assertIn(self.user_leader.partner_id, self.clue.message_partner_ids)
        message = self.clue.with_user(self.user_handler).message_post(
            body="请审核",
            partner_ids=[outsider.partner_id.id, self.user_unit_manager.partner_id.id],
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        notified = message.sudo().notification_ids.res_partner_id
        self.assertIn(self.user_unit_manager.partner_id, notified)
        self.assertNotIn(outsider.partner_id, notified)

    def test_no_subscription_path_lets_an_outsider_follow(self):
        """Code posting as another author, or subscribing under sudo, goes
        through the private _message_subscribe: the scope still holds."""
        self.clue.action_submit()
        outsider = self.user_handler2
        self.clue.sudo()._message_subscribe(partner_ids=[outsider.partner_id.id])
        self.clue.sudo().message_post(
            body="系统消息", author_id=outsider.partner_id.id, message_type="comment"
        )
        self.assertNotIn(outsider.partner_id, self.clue.sudo().message_partner_ids)

    def test_transfer_notifies_receiving_body_not_outsiders(self):
        self._to_transferred(self.clue)
        messages = self.clue.sudo().message_ids
        notified = messages.notification_ids.res_partner_id
        self.assertIn(self.user_discipline.partner_id, notified)
        for user in self.outsiders.values():
            self.assertNotIn(user.partner_id, notified)
            self.assertNotIn(user.partner_id, self.clue.sudo().message_partner_ids)

    def test_open_is_logged(self):
        # Reading the content is an opening (number and state alone are not).
        self.clue.with_user(self.user_handler).web_read({"name": {}, "main_problem": {}})
        log = self.env["xingji.access.log"].sudo().search(
            [("res_model", "=", "xingji.clue"), ("res_id", "=", self.clue.id), ("action", "=", "open")]
        )
        self.assertEqual(log.user_id, self.user_handler)
