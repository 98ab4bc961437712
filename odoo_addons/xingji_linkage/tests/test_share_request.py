# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os
import subprocess
import sys
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tools import config
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .share_common import ShareCase


@tagged("post_install", "-at_install", "xingji_share")
class TestShareRequest(ShareCase):
    def _can_read(self, user, record=None):
        record = record or self.share_gated
        self.env.invalidate_all()
        return bool(record.with_user(user).search([("id", "=", record.id)]))

    def _approve(self, request, user=None, comment="OK"):
        self.env["xingji.share.request.decision"].with_user(user or self.user_unit_manager).create(
            {"request_id": request.id, "decision": "approve", "comment": comment}
        ).action_confirm()

    def test_request_approve_read_expire(self):
        outsider = self.user_leader
        self.assertFalse(self._can_read(outsider))
        request = self._request(outsider)
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.approver_ids, self.user_unit_manager)
        self.assertEqual(request.res_name, "Gated item")
        self.assertTrue(self._logs(self.share_gated, "request"))
        # The approver is told through an activity.
        self.assertEqual(request.activity_ids.user_id, self.user_unit_manager)
        # The request is in the item's chatter.
        self.assertIn("Needed for a related case", self.share_gated.message_ids[0].body)
        # Still closed while pending.
        self.assertFalse(self._can_read(outsider))

        self._approve(request)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.grant_id.user_id, outsider)
        self.assertEqual(request.grant_id.request_id, request)
        self.assertFalse(request.activity_ids)
        self.assertTrue(self._can_read(outsider))
        self.assertEqual(
            self.share_gated.with_user(outsider).read(["body"])[0]["body"], "<p>secret</p>"
        )
        grant_log = self._logs(self.share_gated, "grant")
        self.assertEqual(grant_log.user_id, self.user_unit_manager)
        self.assertIn(outsider.name, grant_log.detail)
        self.assertIn("granted access", self.share_gated.message_ids[0].body)
        # Opening by the grantee is logged in their name.
        self.share_gated.with_user(outsider).web_read({"name": {}})
        self.assertIn(outsider, self._logs(self.share_gated, "open").user_id)

        Grant = self.env["xingji.access.grant"]
        with freeze_time(request.date_end):
            Grant._cron_expire_grants()
            self.assertEqual(request.state, "approved", "Valid through its last day")
            self.assertTrue(self._can_read(outsider))
        with freeze_time(request.date_end + timedelta(days=1)):
            Grant._cron_expire_grants()
            self.assertEqual(request.state, "expired")
            self.assertFalse(request.grant_id.active)
            self.assertFalse(self._can_read(outsider))
            with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
                self.share_gated.with_user(outsider).read(["body"])
        self.assertTrue(self._logs(self.share_gated, "expire"))
        self.assertIn("ended", self.share_gated.message_ids[0].body)
        self.assertEqual(self.env["xingji.access.log"]._verify_chain(), [])

    def test_early_revocation(self):
        outsider = self.user_discipline
        request = self._request(outsider)
        self._approve(request)
        self.assertTrue(self._can_read(outsider))
        # The grantee cannot revoke; a member of the owner unit can.
        with self.assertRaises(UserError):
            request.with_user(outsider).action_revoke(reason="no")
        with self.assertRaises(UserError):
            request.with_user(self.user_handler).action_revoke()
        self.env["xingji.share.request.decision"].with_user(self.user_handler).create(
            {"request_id": request.id, "decision": "revoke", "comment": "Case closed"}
        ).action_confirm()
        self.assertEqual(request.state, "revoked")
        self.assertFalse(request.grant_id.active)
        self.assertFalse(self._can_read(outsider))
        revoke = self._logs(self.share_gated, "revoke")
        self.assertEqual(revoke.user_id, self.user_handler)
        self.assertIn("Case closed", self.share_gated.message_ids[0].body)
        # An expiry cron later does not resurrect nor re-log it.
        with freeze_time(request.date_end + timedelta(days=1)):
            self.env["xingji.access.grant"]._cron_expire_grants()
        self.assertEqual(request.state, "revoked")

    def test_rejected_request_gives_no_access(self):
        outsider = self.user_supervision
        request = self._request(outsider)
        decision = self.env["xingji.share.request.decision"].with_user(self.user_unit_manager)
        with self.assertRaises(UserError):
            decision.create({"request_id": request.id, "decision": "reject"}).action_confirm()
        decision.create(
            {"request_id": request.id, "decision": "reject", "comment": "Not needed"}
        ).action_confirm()
        self.assertEqual(request.state, "rejected")
        self.assertFalse(request.grant_id)
        self.assertFalse(self._can_read(outsider))
        self.assertFalse(self._logs(self.share_gated, "grant"))
        # A decided request cannot be approved afterwards.
        with self.assertRaises(UserError):
            request.with_user(self.user_unit_manager).action_approve()
        self.assertIn("Not needed", "".join(request.message_ids.mapped("body")))

    def test_only_the_approver_decides(self):
        request = self._request(self.user_leader)
        for user in (self.user_leader, self.user_handler, self.user_discipline):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                request.with_user(user).action_approve()
        self.assertEqual(request.state, "pending")

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_named_approver_per_category(self):
        self.cat_gated.approver_id = self.user_discipline
        # The approver is fixed when an item is filed: a past item keeps its
        # own (the unit head); a new one gets the category's named approver.
        self.assertEqual(self._request(self.user_supervision).approver_ids, self.user_unit_manager)
        self.share_gated = self.env["xingji.share"].with_user(self.user_handler).create(
            {"name": "Gated item 2", "category_id": self.cat_gated.id, "body": "<p>secret</p>"}
        )
        request = self._request(self.user_leader)
        self.assertEqual(request.approver_ids, self.user_discipline)
        with self.assertRaises(UserError):
            request.with_user(self.user_unit_manager).action_approve()
        request.with_user(self.user_discipline).action_approve()
        self.assertTrue(self._can_read(self.user_leader))
        # Parties see the request; others do not.
        self.assertTrue(request.with_user(self.user_leader).read(["state"]))
        with self.assertRaises(AccessError):
            request.with_user(self.user_supervision).read(["state"])

    def test_request_refusals(self):
        # Already in scope.
        with self.assertRaises(UserError):
            self._request(self.user_handler)
        # Full items need no request.
        with self.assertRaises(UserError):
            self._request(self.user_leader, record=self.share_full)
        # End date must be in the future.
        with self.assertRaises(UserError):
            self._request(self.user_leader, date_end=fields.Date.today())
        # An outsider cannot ask for someone else.
        with self.assertRaises(UserError):
            self._request(self.user_leader, user_id=self.user_supervision.id)
        # No duplicate pending request.
        self._request(self.user_leader)
        with self.assertRaises(UserError):
            self._request(self.user_leader)
        # Not a confidential model.
        with self.assertRaises(UserError):
            self._request(self.user_leader, record=self.unit_enforcement)

    def test_scope_member_asks_for_colleague(self):
        request = self._request(self.user_handler, user_id=self.user_supervision.id)
        self.assertEqual(request.requester_id, self.user_handler)
        self.assertEqual(request.user_id, self.user_supervision)
        self._approve(request)
        self.assertTrue(self._can_read(self.user_supervision))
        action = self.share_gated.with_user(self.user_handler).action_request_access()
        self.assertFalse(action["context"]["default_user_id"])

    def test_scoped_item_request(self):
        request = self._request(self.user_leader, record=self.share_scoped)
        self._approve(request)
        self.assertTrue(self._can_read(self.user_leader, self.share_scoped))

    def test_directory_shows_titles_only(self):
        Directory = self.env["xingji.share.directory"].with_user(self.user_leader)
        entries = Directory.search([("id", "in", self.shares.ids)])
        self.assertEqual(set(entries.mapped("name")), {"Scoped item", "Gated item"})
        self.assertNotIn("body", Directory._fields)
        gated = entries.filtered(lambda e: e.grade == "gated")
        self.assertFalse(gated.can_read)
        action = gated.action_request_access()
        self.assertEqual(action["res_model"], "xingji.share.request")
        request = (
            self.env["xingji.share.request"]
            .with_user(self.user_leader)
            .with_context(**action["context"])
            .create({"reason": "Related case", "date_end": fields.Date.today() + timedelta(days=3)})
        )
        self.assertEqual((request.res_model, request.res_id), ("xingji.share", self.share_gated.id))
        self.assertEqual(request.user_id, self.user_leader)
        # The owner sees the item as readable in the directory.
        mine = self.env["xingji.share.directory"].with_user(self.user_handler).browse(gated.id)
        self.assertTrue(mine.can_read)

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_configuration_manager_has_no_share_access(self):
        for model in ("xingji.share", "xingji.share.request", "xingji.share.directory"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.user_manager).search([])

    def test_reminder_cron_reaches_approver(self):
        request = self._request(self.user_leader)
        request.sudo().activity_ids.unlink()
        with freeze_time(request.date_deadline):
            self.env["xingji.share.request"]._cron_deadline_reminders()
        self.assertEqual(request.activity_ids.user_id, self.user_unit_manager)


@tagged("post_install", "-at_install", "xingji_share")
class TestAccessLogVerification(ShareCase):
    def test_verify_action_reports_intact_then_tampered(self):
        # Reading the content is an opening (the title alone is not).
        self.share_gated.with_user(self.user_handler).web_read({"name": {}, "body": {}})
        self.share_gated.with_user(self.user_unit_manager).web_read({"name": {}, "body": {}})
        Log = self.env["xingji.access.log"]
        action = Log.with_user(self.user_manager).action_verify_chain()
        self.assertEqual(action["params"]["type"], "success")
        entries = self._logs(self.share_gated, "open").sorted("id")
        self.env.flush_all()
        self.env.cr.execute(
            SQL("UPDATE xingji_access_log SET user_id = %s WHERE id = %s", self.user_leader.id, entries[0].id)
        )
        action = Log.with_user(self.user_discipline).action_verify_chain()
        self.assertEqual(action["params"]["type"], "danger")
        self.env.cr.execute(SQL("SELECT count(*) FROM xingji_access_log WHERE id <= %s", entries[0].id))
        position = self.env.cr.fetchone()[0]
        self.assertIn(f"Entry {position} (id {entries[0].id})", action["params"]["message"])
        self.assertTrue(action["params"]["sticky"])

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_verify_reserved_to_log_readers(self):
        with self.assertRaises(AccessError):
            self.env["xingji.access.log"].with_user(self.user_handler).action_verify_chain()

    def test_command_line_verification(self):
        """scripts/verify_access_log.py checks a database from the shell."""
        script = os.path.join(
            os.path.dirname(__file__), "..", "..", "..", "scripts", "verify_access_log.py"
        )
        if not os.path.exists(script):
            self.skipTest("scripts/ is not shipped next to the addons here")
        args = [sys.executable, script, "-d", self.env.cr.dbname]
        if config.rcfile and os.path.exists(config.rcfile):
            args += ["-c", config.rcfile]
        args += ["--addons-path", config["addons_path"]]
        result = subprocess.run(args, capture_output=True, text=True, timeout=300, check=False)
        # The committed log of the test database is intact.
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("untampered", result.stdout)
