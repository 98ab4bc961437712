# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from .common import XingjiCase


@tagged("post_install", "-at_install", "xingji_security")
class TestAccessLog(XingjiCase):
    def _log(self, n=3):
        Log = self.env["xingji.access.log"].with_user(self.user_handler)
        return Log._log(self.unit_enforcement | self.unit_supervision | self.unit_discipline, "open")[:n].sudo()

    def test_log_is_chained_and_verifies(self):
        entries = self._log()
        self.assertEqual(len(entries), 3)
        self.assertEqual(entries[0].user_id, self.user_handler)
        # Written at once, without a place in the chain yet...
        self.assertFalse(any(entries.mapped("sequence")))
        self.assertTrue(all(entries.mapped("content_hash")))
        self.assertEqual(self.env["xingji.access.log"]._verify_chain(), [])
        # ... which the verification (or the cron) gave them, in order.
        ordered = entries.sorted("id")
        self.assertEqual(ordered[1].sequence, ordered[0].sequence + 1)
        self.assertEqual(ordered[1].previous_hash, ordered[0].entry_hash)

    def test_nobody_rewrites_the_log_through_the_orm(self):
        entries = self._log()
        for user in (self.user_manager, self.settings_admin):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    entries.with_user(user).write({"detail": "x"})
                with self.assertRaises(UserError):
                    entries.with_user(user).unlink()
        with self.assertRaises(UserError):
            entries.sudo().write({"detail": "x"})
        with self.assertRaises(UserError):
            entries.sudo().unlink()

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_users_cannot_forge_entries(self):
        for user in self.role_users.values():
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["xingji.access.log"].with_user(user).create(
                    {"user_id": user.id, "res_model": "xingji.unit", "res_id": 1, "action": "open"}
                )

    def test_sql_tampering_detected_with_position(self):
        entries = self._log().sorted("id")
        self.env.flush_all()
        self.env.cr.execute(
            SQL("UPDATE xingji_access_log SET detail = 'forged' WHERE id = %s", entries[1].id)
        )
        problems = self.env["xingji.access.log"]._verify_chain()
        self.assertEqual([p["id"] for p in problems], [entries[1].id])
        self.assertIn("changed", problems[0]["message"])

    def test_sql_deletion_detected(self):
        entries = self._log().sorted("id")
        self.assertEqual(self.env["xingji.access.log"]._verify_chain(), [])
        self.env.cr.execute(SQL("DELETE FROM xingji_access_log WHERE id = %s", entries[1].id))
        problems = self.env["xingji.access.log"]._verify_chain()
        self.assertEqual([p["id"] for p in problems], [entries[2].id])
