# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .share_common import ShareCase

# user attribute -> grades that user reads
EXPECTED = {
    "user_handler": {"full", "scoped", "gated"},
    "user_unit_manager": {"full", "scoped", "gated"},
    "user_supervision": {"full", "scoped"},
    "user_leader": {"full"},
    "user_discipline": {"full"},
    "system_handler": {"full"},
    "user_manager": set(),
    "settings_admin": set(),
}


@tagged("post_install", "-at_install", "xingji_share")
class TestShareGrades(ShareCase):
    def _users(self):
        return {name: getattr(self, name) for name in EXPECTED}

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_read_by_grade_and_role(self):
        for name, user in self._users().items():
            for share in self.shares:
                with self.subTest(user=name, grade=share.grade):
                    self.env.invalidate_all()
                    if share.grade in EXPECTED[name]:
                        self.assertEqual(share.with_user(user).read(["name"])[0]["name"], share.name)
                    else:
                        with self.assertRaises(AccessError):
                            share.with_user(user).read(["name", "body"])

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_search_read_group_name_search_export(self):
        for name, user in self._users().items():
            with self.subTest(user=name):
                Share = self.env["xingji.share"].with_user(user)
                domain = [("id", "in", self.shares.ids)]
                if not EXPECTED[name]:
                    # No linkage role: no rights on shared information at all.
                    with self.assertRaises(AccessError):
                        Share.search(domain)
                    with self.assertRaises(AccessError):
                        Share.name_search("item")
                    continue
                found = Share.search(domain)
                self.assertEqual(set(found.mapped("grade")), EXPECTED[name])
                groups = Share._read_group(domain, ["grade"], ["__count"])
                self.assertEqual({grade for grade, _count in groups}, EXPECTED[name])
                names = {n for _id, n in Share.name_search("item")}
                expected_names = {s.name for s in self.shares if s.grade in EXPECTED[name]}
                self.assertEqual(names & {s.name for s in self.shares}, expected_names)
                rows = found.export_data(["name", "body"])["datas"]
                self.assertEqual(len(rows), len(EXPECTED[name]))
                self.assertEqual(
                    Share.search_count([("body", "ilike", "secret")]),
                    int("gated" in EXPECTED[name]),
                )

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_export_of_unreadable_item_refused(self):
        for name in ("user_leader", "user_discipline", "system_handler", "user_supervision"):
            with self.subTest(user=name), self.assertRaises(AccessError):
                self.share_gated.with_user(getattr(self, name)).export_data(["name", "body"])

    def test_attachments_bound_to_their_item(self):
        attachment = self.attachments["gated"]
        self.assertEqual((attachment.res_model, attachment.res_id), ("xingji.share", self.share_gated.id))

    def test_files_of_other_records_cannot_be_attached(self):
        stolen = self.attachments["gated"]
        own = self.env["xingji.share"].with_user(self.user_supervision).create(
            {
                "name": "Supervision policy",
                "category_id": self.cat_full.id,
                "owner_unit_id": self.unit_supervision.id,
            }
        )
        with self.assertRaises(ValidationError):
            own.write({"attachment_ids": [Command.link(stolen.id)]})
        self.assertEqual(stolen.sudo().res_id, self.share_gated.id)

    def test_gated_open_logged_full_not(self):
        for share in (self.share_full, self.share_scoped, self.share_gated):
            share.with_user(self.user_handler).web_read({"name": {}, "body": {}})
        log = self._logs(self.share_gated, "open")
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.user_handler)
        self.assertEqual(log.res_name, "Gated item")
        self.assertFalse(self._logs(self.share_full, "open"))
        self.assertFalse(self._logs(self.share_scoped, "open"))
        self.assertEqual(self.env["xingji.access.log"]._verify_chain(), [])

    def test_gated_export_logged(self):
        self.shares.with_user(self.user_unit_manager).export_data(["name"])
        log = self._logs(self.share_gated, "export")
        self.assertEqual(log.user_id, self.user_unit_manager)
        self.assertFalse(self._logs(self.share_full, "export"))

    def test_followers_limited_to_scope(self):
        self.share_gated.sudo().message_subscribe(
            partner_ids=(self.user_leader | self.user_unit_manager).partner_id.ids
        )
        followers = self.share_gated.sudo().message_partner_ids
        self.assertIn(self.user_unit_manager.partner_id, followers)
        self.assertNotIn(self.user_leader.partner_id, followers)
        # A full item may be followed by any linkage user.
        self.share_full.sudo().message_subscribe(partner_ids=self.user_leader.partner_id.ids)
        self.assertIn(self.user_leader.partner_id, self.share_full.sudo().message_partner_ids)

    def test_message_names_only_scope_partners(self):
        """A partner named on a message reads it: on a gated item only the
        knowledge scope is named; on a full item any linkage user."""
        named = (self.user_leader | self.user_unit_manager).partner_id
        message = self.share_gated.with_user(self.user_handler).message_post(
            body="请阅", message_type="comment", subtype_xmlid="mail.mt_comment", partner_ids=named.ids
        )
        self.assertEqual(message.sudo().partner_ids, self.user_unit_manager.partner_id)
        message = self.share_full.with_user(self.user_handler).message_post(
            body="请阅", message_type="comment", subtype_xmlid="mail.mt_comment", partner_ids=named.ids
        )
        self.assertEqual(message.sudo().partner_ids, named)

    def test_scoped_heads_when_configured(self):
        head = self.user_leader
        self.unit_supervision.parent_id = self.env["xingji.unit"].create(
            {"name": "Parent", "code": "T-PAR", "manager_id": head.id}
        )
        self.assertNotIn(head, self.share_scoped.sudo().scope_user_ids)
        self.cat_scoped.include_managers = True
        self.assertIn(head, self.share_scoped.sudo().scope_user_ids)
        self.assertTrue(self.share_scoped.with_user(head).read(["name"]))

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_only_owner_unit_writes(self):
        self.share_full.with_user(self.user_unit_manager).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.share_full.with_user(self.user_leader).write({"name": "Hijacked"})
        with self.assertRaises(AccessError):
            self.share_scoped.with_user(self.user_supervision).write({"name": "Hijacked"})

    def test_share_only_for_own_unit(self):
        with self.assertRaises(UserError):
            self.env["xingji.share"].with_user(self.user_leader).create(
                {
                    "name": "Not mine",
                    "category_id": self.cat_full.id,
                    "owner_unit_id": self.unit_enforcement.id,
                }
            )


@tagged("post_install", "-at_install", "xingji_share")
class TestShareGradeChange(ShareCase):
    def test_default_grade_from_category(self):
        self.assertEqual(
            [self.share_full.grade, self.share_scoped.grade, self.share_gated.grade],
            ["full", "scoped", "gated"],
        )

    def test_lowering_without_approval_refused(self):
        # The handler owns the item but is not its approver.
        with self.assertRaises(UserError):
            self.share_gated.with_user(self.user_handler).with_context(
                xingji_grade_change_reason="no longer secret"
            ).write({"grade": "scoped"})
        # Nor can the approver lower it without a reason.
        with self.assertRaises(UserError):
            self.share_gated.with_user(self.user_unit_manager).write({"grade": "full"})
        # Moving the item to a fully shared category would lower it too.
        with self.assertRaises(UserError):
            self.share_gated.with_user(self.user_handler).write({"category_id": self.cat_full.id})
        # Creating an item of a gated category with a lower grade is lowering.
        with self.assertRaises(UserError):
            self.env["xingji.share"].with_user(self.user_handler).create(
                {"name": "Sneaky", "category_id": self.cat_gated.id, "grade": "full"}
            )
        self.assertEqual(self.share_gated.grade, "gated")
        self.assertFalse(self._logs(self.share_gated, "grade"))

    def test_lowering_by_approver_with_reason_logged(self):
        wizard = (
            self.env["xingji.share.grade.wizard"]
            .with_user(self.user_unit_manager)
            .create({"share_id": self.share_gated.id, "grade": "scoped", "reason": "Case closed"})
        )
        wizard.action_confirm()
        self.assertEqual(self.share_gated.grade, "scoped")
        log = self._logs(self.share_gated, "grade")
        self.assertEqual(log.user_id, self.user_unit_manager)
        self.assertIn("Case closed", log.detail)
        self.assertIn("Case closed", self.share_gated.message_ids[0].body)

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_named_approver_decides_grade(self):
        self.cat_gated.approver_id = self.user_discipline
        self.env.flush_all()  # end of the configuration request
        # Past items keep the approver they were filed with: the new one
        # does not read them. Items filed from now on are his to decide.
        with self.assertRaises(AccessError):
            self.share_gated.with_user(self.user_discipline).read(["name"])
        self.share_gated = self.env["xingji.share"].with_user(self.user_handler).create(
            {"name": "Gated item 2", "category_id": self.cat_gated.id, "body": "<p>secret</p>"}
        )
        self.assertEqual(self.share_gated.approver_id, self.user_discipline)
        # The named approver knows the items they decide on.
        self.assertTrue(self.share_gated.with_user(self.user_discipline).read(["name"]))
        Wizard = self.env["xingji.share.grade.wizard"]
        with self.assertRaises(UserError):
            Wizard.with_user(self.user_unit_manager).create(
                {"share_id": self.share_gated.id, "grade": "scoped", "reason": "x"}
            ).action_confirm()
        Wizard.with_user(self.user_discipline).create(
            {"share_id": self.share_gated.id, "grade": "scoped", "reason": "Cleared"}
        ).action_confirm()
        self.assertEqual(self.share_gated.grade, "scoped")
        self.assertEqual(self._logs(self.share_gated, "grade").user_id, self.user_discipline)

    def test_raising_is_free_and_logged_for_gated(self):
        self.share_full.with_user(self.user_handler).write({"grade": "gated"})
        self.assertEqual(self.share_full.grade, "gated")
        self.assertTrue(self._logs(self.share_full, "grade"))
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            self.share_full.with_user(self.user_leader).read(["name"])

    def test_offline_material_has_no_content(self):
        Share = self.env["xingji.share"].with_user(self.user_handler)
        offline = Share.create(
            {
                "name": "Paper original",
                "category_id": self.cat_gated.id,
                "is_offline": True,
                "offline_location": "Safe, room 305",
                "offline_keeper": "Li Qiang",
            }
        )
        self.assertTrue(offline.is_offline)
        with self.assertRaises(ValidationError):
            offline.write({"body": "<p>the content</p>"})
        with self.assertRaises(ValidationError):
            offline.write({"attachment_ids": [Command.create({"name": "scan.pdf", "raw": b"x"})]})
        with self.assertRaises(ValidationError):
            Share.create(
                {
                    "name": "Offline but scoped",
                    "category_id": self.cat_scoped.id,
                    "is_offline": True,
                    "offline_location": "Safe",
                    "offline_keeper": "Li",
                }
            )
        with self.assertRaises(ValidationError):
            Share.create({"name": "Nowhere", "category_id": self.cat_gated.id, "is_offline": True})


@tagged("post_install", "-at_install", "xingji_share")
class TestCategoryGrade(ShareCase):
    def _wizard(self, user, grade, reason="Policy changed"):
        return (
            self.env["xingji.share.grade.wizard"]
            .with_user(user)
            .create({"category_id": self.cat_gated.id, "grade": grade, "reason": reason})
        )

    def _category_logs(self):
        return self.env["xingji.access.log"].sudo().search(
            [("res_model", "=", "xingji.share.category"), ("res_id", "=", self.cat_gated.id)]
        )

    def test_lowering_gated_category_needs_leader(self):
        manager = self.user_manager
        # A plain write is refused, even for the configuration manager.
        with self.assertRaises(UserError):
            self.cat_gated.with_user(manager).write({"default_grade": "scoped"})
        self._wizard(manager, "scoped").action_confirm()
        self.assertEqual(self.cat_gated.default_grade, "gated", "not before approval")
        self.assertEqual(self.cat_gated.requested_grade, "scoped")
        self.assertIn(self.user_leader, self.cat_gated.activity_ids.user_id)
        # New items still get the gated grade meanwhile.
        share = self.env["xingji.share"].with_user(self.user_handler).create(
            {"name": "Meanwhile", "category_id": self.cat_gated.id}
        )
        self.assertEqual(share.grade, "gated")
        # Only a bureau leader decides.
        with self.assertRaises(UserError):
            self.cat_gated.with_user(self.user_discipline).action_approve_grade()
        self.cat_gated.with_user(self.user_leader).action_approve_grade()
        self.assertEqual(self.cat_gated.default_grade, "scoped")
        self.assertFalse(self.cat_gated.requested_grade)
        logs = self._category_logs()
        self.assertEqual(set(logs.user_id), {manager, self.user_leader})
        self.assertEqual(self.env["xingji.access.log"]._verify_chain(), [])

    def test_rejected_lowering_keeps_grade(self):
        self._wizard(self.user_manager, "full").action_confirm()
        self.cat_gated.with_user(self.user_leader).action_reject_grade()
        self.assertEqual(self.cat_gated.default_grade, "gated")
        self.assertFalse(self.cat_gated.requested_grade)

    def test_raising_category_is_direct(self):
        self.env["xingji.share.grade.wizard"].with_user(self.user_manager).create(
            {"category_id": self.cat_full.id, "grade": "gated", "reason": "Now secret"}
        ).action_confirm()
        self.assertEqual(self.cat_full.default_grade, "gated")


@tagged("post_install", "-at_install", "xingji_share")
class TestShareQueryCount(ShareCase):
    SPEC = {
        "name": {},
        "body": {},
        "grade": {},
        "is_offline": {},
        "can_manage": {},
        "request_count": {},
        "category_id": {"fields": {"display_name": {}}},
        "owner_unit_id": {"fields": {"display_name": {}}},
        "attachment_ids": {"fields": {"name": {}}},
        "unit_ids": {"fields": {"display_name": {}}},
        "user_ids": {"fields": {"display_name": {}}},
    }

    def _open_count(self, share, user):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        share.with_user(user).web_read(self.SPEC)
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_open_gated_item_bounded_queries(self):
        share = self.share_gated
        user = self.user_handler
        self._open_count(share, user)  # warm up caches (ormcache, rules)
        few = self._open_count(share, user)
        # Many grants on the item and many log rows.
        others = self.env["res.users"].create(
            [{"name": f"Reader {i}", "login": f"xj_reader_{i}"} for i in range(25)]
        )
        self.env["xingji.access.grant"].create(
            [
                {
                    "res_model": share._name,
                    "res_id": share.id,
                    "user_id": u.id,
                    "date_end": "2099-12-31",
                }
                for u in others
            ]
        )
        for _i in range(20):
            self.env["xingji.access.log"].with_user(user)._log(self.shares, "open")
        self.assertEqual(len(share.sudo().scope_user_ids), 2 + 25)
        self._open_count(share, user)  # creating users cleared the caches
        many = self._open_count(share, user)
        self.assertEqual(few, many, "Opening costs the same whatever the grants and log rows")
        with self.assertQueryCount(many):
            self.env.invalidate_all()
            share.with_user(user).web_read(self.SPEC)
            self.env.flush_all()
        # 16 measured: ACL/rules, the item, its relations, request count, and
        # the log entry (lock, last hash, insert).
        self.assertLessEqual(many, 18)


@tagged("post_install", "-at_install", "xingji_share")
class TestShareDownload(HttpCase, ShareCase):
    """Attachment downloads through /web/content, as a browser does."""

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_attachment_download_by_grade_and_role(self):
        for name in EXPECTED:
            user = getattr(self, name)
            self.authenticate(user.login, user.login)
            for grade, attachment in self.attachments.items():
                with self.subTest(user=name, grade=grade):
                    response = self.url_open(f"/web/content/{attachment.id}?download=true")
                    if grade in EXPECTED[name]:
                        self.assertEqual(response.status_code, 200)
                        self.assertEqual(response.content, b"content")
                    else:
                        self.assertIn(response.status_code, (403, 404))
                        self.assertNotEqual(response.content, b"content")
        downloads = self._logs(self.share_gated, "download")
        self.assertEqual(
            set(downloads.user_id), {self.user_handler, self.user_unit_manager}
        )
        self.assertEqual(set(downloads.mapped("detail")), {"Gated item.txt"})
        # Full and scoped items are not logged.
        self.assertFalse(self._logs(self.share_full, "download"))


@tagged("post_install", "-at_install")
class TestShareReadOnlyForm(ShareCase):
    def test_reader_who_may_not_change_gets_a_read_only_form(self):
        # The leader reads the full item but does not own it; the owner unit does.
        reader = self.share_full.with_user(self.user_leader)
        self.assertFalse(reader.can_edit)
        self.assertTrue(self.share_full.with_user(self.user_handler).can_edit)
        view = self.env["xingji.share"].with_user(self.user_leader).get_views([(False, "form")])
        arch = view["views"]["form"]["arch"]
        for fname in ("name", "body", "attachment_ids", "category_id"):
            self.assertRegex(arch, rf'name="{fname}"[^>]*readonly="not can_edit"')
        # A new item is editable by whoever may create one.
        self.assertTrue(self.env["xingji.share"].with_user(self.user_handler).new({}).can_edit)
