# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import SQL, config, mute_logger

from ..models.xingji_access_log import chain_text, digest, payload

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


@tagged("post_install", "-at_install", "xingji_security")
class TestAccessLogAnchors(XingjiCase):
    """Rewrites by someone who can write SQL: without the server key, and
    with it (caught by the checkpoints kept in the leaders' inbox)."""

    KEY = "test-key-kept-in-the-server-configuration"

    def setUp(self):
        super().setUp()
        patcher = patch.dict(config.options, {"xingji_log_hmac_key": self.KEY})
        patcher.start()
        self.addCleanup(patcher.stop)
        self.Log = self.env["xingji.access.log"]
        units = self.unit_enforcement | self.unit_supervision | self.unit_discipline
        self.entries = self.Log.with_user(self.user_handler)._log(units, "open").sudo().sorted("id")
        self.assertEqual(self.Log._verify_chain(), [])

    def _rewrite(self, first, key, key_label=None):
        """What an attacker with SQL does: change ``first`` and recompute the
        hashes of it and of every later entry with ``key``."""
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(SQL("UPDATE xingji_access_log SET detail = 'forged' WHERE id = %s", first.id))
        cr.execute(SQL(
            "SELECT id, sequence, date, user_id, res_model, res_id, res_name, action, detail, ip_address,"
            " previous_hash, key_id FROM xingji_access_log WHERE sequence >= %s ORDER BY sequence",
            first.sequence,
        ))
        rows = cr.dictfetchall()
        previous = rows[0]["previous_hash"]
        for row in rows:
            content = digest(key, payload(row))
            entry = digest(key, chain_text(row["sequence"], previous, content))
            cr.execute(SQL(
                "UPDATE xingji_access_log SET content_hash = %s, previous_hash = %s, entry_hash = %s,"
                " key_id = %s WHERE id = %s",
                content, previous, entry, key_label or row["key_id"], row["id"],
            ))
            previous = entry
        self.env.invalidate_all()

    def test_rewrite_without_the_key_detected(self):
        self._rewrite(self.entries[1], None)
        problems = self.Log._verify_chain()
        self.assertTrue(problems)
        self.assertIn(self.entries[1].id, [p["id"] for p in problems])

    def test_rewrite_claiming_no_key_detected(self):
        self._rewrite(self.entries[1], None, key_label="sha256")
        problems = self.Log._verify_chain()
        self.assertIn(self.entries[1].id, [p["id"] for p in problems])
        self.assertIn("without the key", problems[0]["message"])

    def test_rewrite_with_the_key_caught_by_the_leaders_checkpoint(self):
        checkpoint = self.env["xingji.access.log.checkpoint"]._publish()
        self.assertEqual(checkpoint.sequence, self.entries[-1].sequence)
        # The leaders have it in their inbox.
        told = self.env["mail.message"].sudo().search([
            ("model", "=", "xingji.access.log.checkpoint"), ("res_id", "=", checkpoint.id),
            ("notification_ids.res_partner_id", "=", self.user_leader.partner_id.id),
        ])
        self.assertIn(checkpoint.head_hash, str(told.body))
        # The attacker holds the key and rewrites the chain and the table copy.
        self._rewrite(self.entries[1], self.KEY.encode())
        self.env.cr.execute(SQL(
            "UPDATE xingji_access_log_checkpoint SET head_hash = l.entry_hash FROM xingji_access_log l"
            " WHERE l.sequence = xingji_access_log_checkpoint.sequence"
        ))
        self.env.invalidate_all()
        _count, problems, text = self.Log._verify_report()
        self.assertTrue(problems)
        self.assertIn("checkpoint", text)

    def test_deleted_tail_caught_by_checkpoint(self):
        self.env["xingji.access.log.checkpoint"]._publish()
        self.env.cr.execute(SQL("DELETE FROM xingji_access_log WHERE id = %s", self.entries[-1].id))
        self.assertTrue(self.Log._verify_chain())

    def test_checkpoint_not_repeated_without_new_entries(self):
        first = self.env["xingji.access.log.checkpoint"]._publish()
        self.assertTrue(first)
        self.assertFalse(self.env["xingji.access.log.checkpoint"]._publish())

    def test_without_key_the_report_says_so(self):
        with patch.dict(config.options, {"xingji_log_hmac_key": ""}):
            _count, _problems, text = self.Log._verify_report()
        self.assertIn("No signing key", text)
