# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A bureau's working day: people told in the Odoo inbox, the home page of
their work, the roles on the user form without developer mode."""
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from .attack_common import RpcError, XingjiAttackCase
from .clue_common import XingjiClueCase


@tagged("post_install", "-at_install")
class TestDailyInbox(XingjiClueCase):
    def test_new_linkage_user_reads_notifications_in_odoo(self):
        home = self.env.ref("xingji_linkage.xingji_home_action")
        user = new_test_user(self.env, login="xj_daily_new", groups="base.group_user,xingji_linkage.group_xingji_user")
        self.assertEqual(user.notification_type, "inbox")
        self.assertEqual(user.action_id.id, home.id, "a linkage user lands on his home page")
        other = new_test_user(self.env, login="xj_daily_other", groups="base.group_user")
        self.assertEqual(other.notification_type, "email", "users outside the linkage keep Odoo's default")
        self.assertFalse(other.action_id)
        explicit = new_test_user(
            self.env,
            login="xj_daily_explicit",
            groups="base.group_user,xingji_linkage.group_xingji_user",
            notification_type="email",
        )
        self.assertEqual(explicit.notification_type, "email", "an explicit choice is kept")

    def test_role_given_on_the_form_sets_the_defaults(self):
        user = new_test_user(self.env, login="xj_daily_later", groups="base.group_user")
        discipline = self.env.ref("xingji_linkage.group_xingji_discipline")
        user.xingji_role_ids = discipline
        self.assertTrue(user.has_group("xingji_linkage.group_xingji_discipline"))
        self.assertTrue(user.has_group("xingji_linkage.group_xingji_user"), "implied role kept")
        self.assertIn(discipline, user.xingji_role_ids)
        self.assertEqual(user.notification_type, "inbox")
        self.assertEqual(user.action_id.id, self.env.ref("xingji_linkage.xingji_home_action").id)
        user.xingji_role_ids = False
        self.assertFalse(user.has_group("xingji_linkage.group_xingji_discipline"))

    def test_handler_told_in_inbox_of_transfer_and_acceptance(self):
        clue = self._to_transferred()
        clue.with_user(clue._receiver_users()[:1]).action_accept()
        partner = self.user_handler.partner_id
        notifications = self.env["mail.notification"].search(
            [
                ("res_partner_id", "=", partner.id),
                ("mail_message_id.model", "=", "xingji.clue"),
                ("mail_message_id.res_id", "=", clue.id),
            ]
        )
        self.assertGreaterEqual(len(notifications), 2, "told of the transfer and of the acceptance")
        self.assertEqual(set(notifications.mapped("notification_type")), {"inbox"})
        self.assertFalse(
            self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)]),
            "no e-mail waits for a mail server",
        )

    def test_feed_back_button_opens_the_disposal_fields(self):
        clue = self._to_transferred()
        receiver = clue._receiver_users()[:1]
        clue.with_user(receiver).action_accept()
        form = self.env.ref("xingji_linkage.xingji_clue_view_form")
        arch = self.env["xingji.clue"].with_user(receiver).get_views([(form.id, "form")])["views"]["form"]["arch"]
        button = etree.fromstring(arch).xpath("//button[contains(@class, 'o_xingji_feedback')]")[0]
        server_action = self.env["ir.actions.server"].browse(int(button.get("name")))
        action = server_action.with_user(receiver).with_context(
            active_model="xingji.clue", active_id=clue.id, active_ids=clue.ids
        ).run()
        self.assertEqual((action["res_model"], action["res_id"], action["target"]), ("xingji.clue", clue.id, "new"))
        dialog = self.env["xingji.clue"].with_user(receiver).get_views([(action["views"][0][0], "form")])
        dialog_arch = etree.fromstring(dialog["views"]["form"]["arch"])
        for name in ("disposal", "result"):
            field = dialog_arch.xpath(f"//field[@name='{name}']")[0]
            self.assertIn("direction == 'to_discipline'", field.get("required") or "", f"{name} marked required")
        self.assertTrue(dialog_arch.xpath("//footer/button[@name='action_feedback']"))
        # The handler of the referring unit has no such button.
        with self.assertRaises(AccessError):
            server_action.with_user(self.user_handler).with_context(
                active_model="xingji.clue", active_id=clue.id, active_ids=clue.ids
            ).run()

    def test_demo_users_read_in_odoo(self):
        handler = self.env.ref("xingji_linkage.user_handler_demo", raise_if_not_found=False)
        if not handler:
            self.skipTest("needs the demo data")
        demo_users = self.env["res.users"].search([("login", "=like", "xj\\_%"), ("login", "not like", "xj_test")])
        demo_users |= self.env.ref("base.user_admin")
        self.assertEqual(set(demo_users.mapped("notification_type")), {"inbox"})
        workers = demo_users.filtered(lambda u: u.has_group("xingji_linkage.group_xingji_user"))
        self.assertEqual(workers.action_id.ids, self.env.ref("xingji_linkage.xingji_home_action").ids)

    def test_signup_is_by_invitation_only(self):
        self.assertEqual(self.env["ir.config_parameter"].sudo().get_param("auth_signup.invitation_scope"), "b2b")


@tagged("post_install", "-at_install")
class TestDailyHome(XingjiAttackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        cls.handler = new_test_user(
            cls.env, login="xj_daily_home", groups="base.group_user,xingji_linkage.group_xingji_user"
        )

    def _call_button(self, user, model, method, ids, context=None):
        self._login(user)
        self.env.flush_all()
        return self.make_jsonrpc_request(
            "/web/dataset/call_button",
            {
                "model": model,
                "method": method,
                "args": [ids],
                "kwargs": {"context": dict({"lang": "zh_CN"}, **(context or {}))},
            },
        )

    def test_home_tiles_count_and_open_in_one_click(self):
        handler = self.env.ref("xingji_linkage.user_handler_demo", raise_if_not_found=False)
        if not handler:
            self.skipTest("needs the demo data")
        handler.password = handler.login
        home = self.env.ref("xingji_linkage.xingji_home_action")
        self.assertEqual(handler.action_id.id, home.id)
        domain = ["|", ["group_ids", "=", False], ["group_ids.users", "in", [handler.id]]]
        tiles = self.rpc(
            handler, "xingji.home.tile", "web_search_read", domain, specification={"name": {}, "record_count": {}}
        )["records"]
        by_id = {t["id"]: t for t in tiles}
        drafts = self.env.ref("xingji_linkage.home_tile_clue_drafts")
        self.assertIn(drafts.id, by_id)
        self.assertNotIn(self.env.ref("xingji_linkage.home_tile_clue_to_accept").id, by_id, "not his role")
        count = by_id[drafts.id]["record_count"]
        self.assertGreater(count, 0, "the demo handler has a draft")
        action = self._call_button(handler, "xingji.home.tile", "action_open", [drafts.id])
        self.assertEqual(action["res_model"], "xingji.clue")
        self.assertEqual(action["name"], drafts.with_context(lang="zh_CN").name, "named in the user's language")
        found = self.rpc(handler, "xingji.clue", "search_read", action["domain"], fields=["state", "handler_id"])
        self.assertEqual(len(found), count)
        self.assertEqual({c["state"] for c in found}, {"draft"})

    def test_roles_on_the_user_form_without_developer_mode(self):
        self._login(self.admin)
        views = self.make_jsonrpc_request(
            "/web/dataset/call_kw/res.users/get_views",
            {
                "model": "res.users",
                "method": "get_views",
                "args": [[[self.env.ref("base.view_users_form").id, "form"]]],
                "kwargs": {"context": {"lang": "zh_CN"}},
            },
        )
        arch = etree.fromstring(views["views"]["form"]["arch"])
        self.assertTrue(arch.xpath("//field[@name='xingji_role_ids']"), "roles offered without debug mode")
        field = views["models"]["res.users"]["fields"]["xingji_role_ids"]
        self.assertEqual(
            field["string"], self.env["res.users"].with_context(lang="zh_CN")._fields["xingji_role_ids"]._description_string(
                self.env(context={"lang": "zh_CN"})
            )
        )
        roles = self.rpc(
            self.admin, "res.groups", "search_read", field["domain"], fields=["name"], context={"lang": "zh_CN"}
        )
        self.assertIn("行纪贯通：经办人", [r["name"] for r in roles])

    def _demo_user(self, xmlid):
        user = self.env.ref(f"xingji_linkage.{xmlid}", raise_if_not_found=False)
        if not user:
            self.skipTest("needs the demo data")
        user.password = user.login
        return user

    def _field_domain(self, user, model, view_xmlid, field):
        self._login(user)
        views = self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/get_views",
            {
                "model": model,
                "method": "get_views",
                "args": [[[self.env.ref(view_xmlid).id, "form"]]],
                "kwargs": {"context": {"lang": "zh_CN"}},
            },
        )
        node = etree.fromstring(views["views"]["form"]["arch"]).xpath(f"//field[@name='{field}']")[0]
        return node.get("domain")

    def test_user_pickers_offer_only_linkage_people(self):
        handler = self._demo_user("user_handler_demo")
        odoo_people = self.env.ref("base.user_admin") | self.env.ref("base.user_demo", raise_if_not_found=False)
        for model, view, field in (
            ("xingji.clue", "xingji_linkage.xingji_clue_view_form", "handler_id"),
            ("xingji.rectification", "xingji_linkage.xingji_rectification_view_form", "responsible_user_id"),
        ):
            with self.subTest(field=field):
                domain = self._field_domain(handler, model, view, field)
                self.assertTrue(domain, "the picker has a domain")
                from odoo.tools.safe_eval import safe_eval

                offered = self.rpc(handler, "res.users", "name_search", "", args=safe_eval(domain), limit=100)
                offered_ids = {uid for uid, _name in offered}
                self.assertIn(handler.id, offered_ids)
                self.assertFalse(offered_ids & set(odoo_people.ids), "Odoo's own demo users are not offered")

    def test_draw_wizard_opens_with_a_usable_pool(self):
        supervision = self._demo_user("user_supervision_demo")
        inspection = self.env["xingji.inspection"].sudo().search([("state", "=", "plan")], limit=1)
        if not inspection:
            self.skipTest("no planned inspection in the demo data")
        action = self._call_button(supervision, "xingji.inspection", "action_open_draw_wizard", inspection.ids)
        defaults = self.rpc(
            supervision,
            "xingji.inspection.draw.wizard",
            "default_get",
            ["unit_pool_ids", "inspector_pool_ids"],
            context=action["context"],
        )
        def ids(value):
            # default_get answers x2many defaults as commands: [(6, 0, ids)].
            return [i for cmd in value for i in (cmd[2] if isinstance(cmd, list) else [cmd])]

        units = self.env["xingji.unit"].browse(ids(defaults["unit_pool_ids"]))
        self.assertTrue(units)
        self.assertFalse(units.child_ids, "the bureau above the units is never inspected by draw")
        self.assertEqual(set(units.mapped("kind")), {"enforcement"})
        inspectors = self.env["res.users"].browse(ids(defaults["inspector_pool_ids"]))
        self.assertGreaterEqual(len(inspectors), 2, "enough inspectors to draw two")
        bodies = inspectors.xingji_unit_ids | inspectors.xingji_managed_unit_ids
        self.assertTrue(all(u.xingji_unit_ids | u.xingji_managed_unit_ids for u in inspectors))
        self.assertTrue(set(bodies.mapped("kind")) & {"supervision", "discipline"})

    def test_decision_dialog_is_titled_with_the_decision(self):
        clue = self.env["xingji.clue"].sudo().search([("state", "in", ("review", "approval"))], limit=1)
        if not clue or not clue.pending_approver_ids:
            self.skipTest("no clue waiting for a decision in the demo data")
        approver = clue.pending_approver_ids[:1]
        approver.password = approver.login
        action = self._call_button(approver, "xingji.clue", "action_open_approve", clue.ids)
        self.assertTrue(action.get("name"), "a dialog without a name is titled 'Odoo'")
        self.assertIn(clue.name, action["name"])

    def test_statistics_wizard_default_unit_adds_up_its_sub_units(self):
        if "xingji.statistics.wizard" not in self.env:
            self.skipTest("xingji_reports not installed")
        bureau = self.env["xingji.unit"].sudo().search([("child_ids", "!=", False), ("kind", "=", "enforcement")])
        leader = bureau.member_ids.filtered(lambda u: u.has_group("xingji_linkage.group_xingji_leader"))[:1]
        if not leader:
            self.skipTest("no leader member of the bureau in the demo data")
        leader.password = leader.login
        defaults = self.rpc(leader, "xingji.statistics.wizard", "default_get", ["unit_ids"])
        ids = [i for cmd in defaults["unit_ids"] for i in (cmd[2] if isinstance(cmd, list) else [cmd])]
        units = self.env["xingji.unit"].browse(ids)
        self.assertIn(bureau[:1], units)
        self.assertTrue(bureau[:1].child_ids.filtered(lambda u: u.kind == "enforcement") <= units)

    def test_access_error_is_a_sentence_a_clerk_understands(self):
        outsider = self._demo_user("user_handler2_demo")
        clue = self.env["xingji.clue"].sudo().search([("scope_user_ids", "not in", outsider.ids)], limit=1)
        if not clue:
            self.skipTest("no clue hidden from the demo inspector")
        with self.assertRaises(RpcError) as refused:
            self.rpc(outsider, "xingji.clue", "read", clue.ids, ["name"])
        message = refused.exception.message
        self.assertIn("AccessError", refused.exception.name)
        # In the user's language (the demo users read Chinese).
        self.assertTrue("is not open to you" in message or "您无权查看" in message, message)
        for joke in ("Uh-oh", "cookies", "top-secret", clue.name):
            self.assertNotIn(joke, message)

    def test_roles_given_on_the_form_and_not_taken_by_oneself(self):
        user = new_test_user(self.env, login="xj_daily_form", groups="base.group_user")
        leader = self.env.ref("xingji_linkage.group_xingji_leader")
        self.rpc(self.admin, "res.users", "web_save", user.ids, {"xingji_role_ids": [[6, 0, leader.ids]]}, specification={})
        user.invalidate_recordset()
        self.assertTrue(user.has_group("xingji_linkage.group_xingji_leader"))
        self.assertEqual(user.notification_type, "inbox")
        # A user cannot give himself a role through the same field.
        manager = self.env.ref("xingji_linkage.group_xingji_manager")
        with self.assertRaises(RpcError):
            self.rpc(user, "res.users", "web_save", user.ids, {"xingji_role_ids": [[4, manager.id]]}, specification={})
        user.invalidate_recordset()
        self.assertFalse(user.has_group("xingji_linkage.group_xingji_manager"))


@tagged("post_install", "-at_install")
class TestDailyTranslations(XingjiClueCase):
    def test_new_words_have_a_chinese_translation(self):
        """The new strings are translated in zh_CN.po (they show once the
        .pot lists them: Odoo ignores .po entries missing from the .pot)."""
        import polib

        from odoo.tools.misc import file_path

        po = polib.pofile(file_path("xingji_linkage/i18n/zh_CN.po"))
        translated = {e.msgid: e.msgstr for e in po if e.msgstr}
        for msgid in (
            "My Work",
            "Linkage Roles",
            "My clue drafts",
            "Clues awaiting my decision",
            "Access requests waiting for me",
            "Home Page Counters",
        ):
            with self.subTest(msgid=msgid):
                self.assertTrue(translated.get(msgid), f"{msgid!r} has a Chinese translation")

    def test_fields_needed_to_submit_are_marked_required_in_draft(self):
        arch = self.env["xingji.clue"].get_views([(self.env.ref("xingji_linkage.xingji_clue_view_form").id, "form")])
        root = etree.fromstring(arch["views"]["form"]["arch"])
        for name in ("source_unit_id", "date_discovered", "source", "main_problem", "handler_id", "nature"):
            with self.subTest(field=name):
                node = root.xpath(f"//sheet//field[@name='{name}']")[0]
                self.assertIn("state == 'draft'", node.get("required") or "")


@tagged("post_install", "-at_install")
class TestDemoChatterWords(TransactionCase):
    def test_demo_clue_creation_message_is_chinese(self):
        clue = self.env.ref("xingji_linkage.clue_demo_draft", raise_if_not_found=False)
        if not clue:
            clue = self.env["xingji.clue"].sudo().search([], limit=1, order="id")
        if not clue:
            self.skipTest("needs the demo data")
        first = clue.sudo().message_ids.sorted("id")[:1]
        self.assertTrue(first, "the demo clue has a creation message")
        self.assertNotIn("Problem Clue", str(first.body))
        self.assertIn("起草", str(first.body))
