# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The access log attacked over HTTP: what counts as a reading, downloads on
Odoo's read-only cursor, who reads the log, the Settings administrator."""
import json

from odoo.tools import mute_logger

from .attack_common import XingjiAttackCase, tagged
from .log_common import setup_log_fixture

KANBAN_SPEC = {
    "name": {}, "direction": {}, "state": {}, "person_names": {}, "date_deadline": {},
    "is_overdue": {}, "source_unit_id": {"fields": {"display_name": {}}},
    "receiving_unit_id": {"fields": {"display_name": {}}},
}
FORM_SPEC = {"name": {}, "state": {}, "main_problem": {}, "evidence": {}, "person_ids": {"fields": {"name": {}}}}


@tagged("post_install", "-at_install", "xingji_security")
class TestAttackLog(XingjiAttackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_log_fixture(cls)

    def _entries(self, action="open", user=None, record=None):
        record = record or self.clue
        domain = [("res_model", "=", record._name), ("res_id", "=", record.id), ("action", "=", action)]
        if user:
            domain.append(("user_id", "=", user.id))
        return self.env["xingji.access.log"].sudo().search(domain)

    # ------------------------------------------------------ what is a reading
    def test_content_read_logged_once_per_request(self):
        self.rpc(self.user_handler, "xingji.clue", "read", [self.clue.id], ["main_problem"])
        self.assertEqual(len(self._entries(user=self.user_handler)), 1)
        self.rpc(
            self.user_leader, "xingji.clue", "search_read", [("id", "=", self.clue.id)], ["evidence"]
        )
        self.assertEqual(len(self._entries(user=self.user_leader)), 1)
        # The form: web_read with content, sub-records included: one entry.
        self.rpc(self.user_discipline, "xingji.clue", "web_read", [self.clue.id], FORM_SPEC)
        self.assertEqual(len(self._entries(user=self.user_discipline)), 1)

    def test_multi_record_web_read_logged_in_one_batch(self):
        clue2 = self.env["xingji.clue"].with_user(self.user_handler).create({
            "direction": "to_discipline", "source_unit_id": self.unit_enforcement.id,
            "date_discovered": "2026-03-03", "source": "inspection", "nature": "duty_violation",
            "main_problem": "第二条线索", "handler_id": self.user_handler.id,
        })
        self.rpc(
            self.user_handler, "xingji.clue", "web_read", [self.clue.id, clue2.id], {"main_problem": {}}
        )
        entries = self._entries(user=self.user_handler) | self._entries(user=self.user_handler, record=clue2)
        self.assertEqual(len(entries), 2)
        # One insert: consecutive ids, one timestamp.
        self.assertEqual(max(entries.ids) - min(entries.ids), 1)
        self.assertEqual(len(set(entries.mapped("date"))), 1)

    def test_lines_read_directly_are_an_opening(self):
        """The reported persons read on their own model over RPC."""
        person_ids = self.clue.person_ids.ids
        self.rpc(self.user_leader, "xingji.clue.person", "read", person_ids, ["name", "cert_number"])
        entry = self._entries(user=self.user_leader)
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.detail, "Reported Person")
        # Within the form (the clue's own reading) they add no second entry.
        self.rpc(self.user_discipline, "xingji.clue", "web_read", [self.clue.id], FORM_SPEC)
        self.assertEqual(len(self._entries(user=self.user_discipline)), 1)

    def test_chatter_is_a_reading(self):
        """Tracked content changes and messages, in the chatter or over RPC."""
        self._login(self.user_leader)
        payload = {"id": 0, "jsonrpc": "2.0", "method": "call",
                   "params": {"thread_model": "xingji.clue", "thread_id": self.clue.id}}
        response = self.url_open(
            "/mail/thread/messages", data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
        )
        self.assertNotIn("error", response.json())
        self.assertEqual(self._entries(user=self.user_leader).detail, "Chatter")
        self.rpc(self.user_discipline, "mail.message", "search_read",
                 [("model", "=", "xingji.clue"), ("res_id", "=", self.clue.id)], ["body"])
        self.assertEqual(self._entries(user=self.user_discipline).detail, "Chatter")

    @mute_logger("odoo.http")
    def test_content_cannot_be_grouped_or_aggregated(self):
        self.assertRpcRefused(
            self.user_handler, "xingji.clue", "read_group", [], ["main_problem"], ["main_problem"]
        )
        self.assertRpcRefused(
            self.user_handler, "xingji.clue", "web_read_group", [], ["main_problem:array_agg"], ["state"]
        )
        # Counting by state stays open, and is no opening.
        groups = self.rpc(self.user_handler, "xingji.clue", "web_read_group", [], ["state"], ["state"])
        self.assertTrue(groups["groups"])
        self.assertFalse(self._entries())

    def test_kanban_and_list_are_not_openings(self):
        """Issue 10: the kanban wrote one 打开 row per visible card."""
        for user in (self.user_handler, self.user_leader, self.user_discipline):
            result = self.rpc(
                user, "xingji.clue", "web_search_read", [("id", "=", self.clue.id)], KANBAN_SPEC, limit=80
            )
            self.assertEqual(result["length"], 1)
            self.rpc(user, "xingji.clue", "read", [self.clue.id], ["name", "state"])
        self.assertFalse(self._entries())

    def test_web_content_download_logged_without_error_or_replay(self):
        self._login(self.user_handler)
        with self.assertNoLogs("odoo", level="ERROR"):
            response = self.url_open(f"/web/content/{self.attachment.id}?download=true")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"evidence")
        downloads = self._entries("download", user=self.user_handler)
        self.assertEqual(len(downloads), 1)
        self.assertEqual(downloads.detail, "证据.txt")

    def test_attachment_datas_read_over_rpc_logged(self):
        values = self.rpc(self.user_handler, "ir.attachment", "read", [self.attachment.id], ["datas", "name"])
        self.assertTrue(values[0]["datas"])
        self.assertEqual(self._entries("download", user=self.user_handler).detail, "证据.txt")
        # Names only (the attachment list of the form) are not a download.
        self.rpc(self.user_leader, "ir.attachment", "read", [self.attachment.id], ["name", "mimetype"])
        self.assertFalse(self._entries("download", user=self.user_leader))

    def test_report_html_logged(self):
        report = self.env["ir.actions.report"].search(
            [("report_name", "=", "xingji_reports.report_clue_transfer")], limit=1
        )
        if not report:
            self.skipTest("xingji_reports is not installed")
        self._login(self.user_handler)
        with self.assertNoLogs("odoo", level="ERROR"):
            response = self.url_open(f"/report/html/{report.report_name}/{self.clue.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self._entries("print", user=self.user_handler)), 1)
        # An auditor outside the scope gets a refusal, and nothing is logged.
        self._login(self.user_outsider)
        with mute_logger("odoo.http", "odoo.addons.base.models.ir_rule"):
            response = self.url_open(f"/report/html/{report.report_name}/{self.clue.id}")
        self.assertIn(response.status_code, (403, 404))
        self.assertFalse(self._entries("print", user=self.user_outsider))

    # ----------------------------------------------------- who reads the log
    def test_log_rows_only_for_auditors_in_scope(self):
        self.rpc(self.user_handler, "xingji.clue", "read", [self.clue.id], ["main_problem"])
        entry = self._entries(user=self.user_handler)
        self.assertTrue(entry)
        domain = [("res_model", "=", "xingji.clue"), ("res_id", "=", self.clue.id)]
        # Auditors of the clue's knowledge scope read its trail.
        for user in (self.user_leader, self.user_discipline):
            with self.subTest(user=user.login):
                rows = self.rpc(user, "xingji.access.log", "search_read", domain, ["res_name", "user_id"])
                self.assertIn(entry.id, [row["id"] for row in rows])
        # The reported leader, an auditor of another body, the configuration
        # manager and the Settings administrator learn nothing.
        for user in (self.user_reported, self.user_outsider, self.user_manager):
            with self.subTest(user=user.login):
                self.assertEqual(self.rpc(user, "xingji.access.log", "search_read", domain, ["res_name"]), [])
                self.assertEqual(self.rpc(user, "xingji.access.log", "search_count", domain), 0)
                self.assertEqual(
                    self.rpc(user, "xingji.access.log", "read_group", domain, ["res_id"], ["res_name"]), []
                )
                self.assertRpcRefused(user, "xingji.access.log", "read", [entry.id], ["res_name"])
        self.assertRpcRefused(self.settings_admin, "xingji.access.log", "search_read", domain, ["res_name"])

    # -------------------------------------------------- the verify button
    def test_verify_button_called_as_the_client_does(self):
        """Issue 10: the list header button crashed (called with the ids)."""
        self.rpc(self.user_handler, "xingji.clue", "read", [self.clue.id], ["main_problem"])
        ids = [row["id"] for row in self.rpc(self.user_leader, "xingji.access.log", "search_read", [], ["id"])]
        self.assertTrue(ids)
        action = self.rpc(self.user_leader, "xingji.access.log", "action_verify_chain", ids)
        self.assertEqual(action["params"]["type"], "success", action["params"]["message"])
        # The header button goes through call_button, with the selected ids.
        payload = {
            "id": 0, "jsonrpc": "2.0", "method": "call",
            "params": {"model": "xingji.access.log", "method": "action_verify_chain",
                       "args": [ids], "kwargs": {"context": {"lang": "en_US"}}},
        }
        response = self.url_open(
            "/web/dataset/call_button", data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        body = response.json()
        self.assertNotIn("error", body, body)
        self.assertEqual(body["result"]["params"]["type"], "success")
        # The menu's server action (empty recordset), as the manager.
        self._login(self.user_manager)
        server_action = self.env.ref("xingji_linkage.xingji_access_log_action_verify")
        payload = {"id": 0, "jsonrpc": "2.0", "method": "call",
                   "params": {"action_id": server_action.id, "context": {"lang": "en_US"}}}
        response = self.url_open(
            "/web/action/run", data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
        )
        body = response.json()
        self.assertNotIn("error", body, body)
        self.assertEqual(body["result"]["params"]["type"], "success")
        self.assertRpcRefused(self.user_handler, "xingji.access.log", "action_verify_chain", [])

    # ---------------------------------------------- the Settings administrator
    def _config_entries(self, record):
        return self.env["xingji.access.log"].sudo().search(
            [("action", "=", "config"), ("res_model", "=", record._name), ("res_id", "=", record.id)]
        )

    def _leader_told(self, record):
        return self.env["mail.message"].sudo().search([
            ("model", "=", "xingji.access.log"),
            ("res_id", "in", self._config_entries(record).ids),
            ("notification_ids.res_partner_id", "=", self.user_leader.partner_id.id),
        ])

    @mute_logger("odoo.http")
    def test_admin_cannot_switch_off_the_clue_rules(self):
        rule = self.env.ref("xingji_linkage.xingji_clue_rule_need_to_know")
        clue_model = self.env["ir.model"]._get("xingji.clue")
        # No context key opens the door, whatever the client sends.
        for context in ({}, {"install_mode": True, "module": "xingji_linkage", "_force_unlink": True}):
            self.assertRpcRefused(self.settings_admin, "ir.rule", "write", [rule.id], {"active": False},
                                  context=context)
            self.assertRpcRefused(self.settings_admin, "ir.rule", "write", [rule.id],
                                  {"domain_force": "[(1, '=', 1)]"}, context=context)
            self.assertRpcRefused(self.settings_admin, "ir.rule", "unlink", [rule.id], context=context)
            self.assertRpcRefused(self.settings_admin, "ir.rule", "create",
                                  {"name": "open", "model_id": clue_model.id, "domain_force": "[(1, '=', 1)]",
                                   "groups": [(4, self.env.ref("base.group_system").id)]}, context=context)
            access = self.env["ir.model.access"].search([("model_id", "=", clue_model.id)], limit=1)
            self.assertRpcRefused(self.settings_admin, "ir.model.access", "write", [access.id],
                                  {"perm_unlink": True}, context=context)
        self.assertTrue(rule.active)
        self.assertEqual(self.env["ir.model"]._get("xingji.access.log").name, "Confidential Access Log")

    def test_admin_giving_himself_a_role_is_logged_and_told(self):
        leader_group = self.env.ref("xingji_linkage.group_xingji_leader")
        self.rpc(self.settings_admin, "res.users", "write", [self.settings_admin.id],
                 {"groups_id": [(4, leader_group.id)]})
        entry = self._config_entries(self.settings_admin)
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.user_id, self.settings_admin)
        self.assertIn("+", entry.detail)
        self.assertTrue(self._leader_told(self.settings_admin))
        # Through the group form (users of a role) too.
        discipline = self.env.ref("xingji_linkage.group_xingji_discipline")
        self.rpc(self.settings_admin, "res.groups", "write", [discipline.id],
                 {"users": [(4, self.settings_admin.id)]})
        self.assertIn("xj_log_admin", self._config_entries(discipline).detail)
        self.assertTrue(self._leader_told(discipline))
        # A rule on the chatter's activities: allowed, logged and told.
        rule_id = self.rpc(self.settings_admin, "ir.rule", "create", {
            "name": "activities", "model_id": self.env["ir.model"]._get("mail.activity").id,
            "domain_force": "[(1, '=', 1)]",
        })
        rule = self.env["ir.rule"].browse(rule_id)
        self.assertTrue(self._config_entries(rule))
        self.assertTrue(self._leader_told(rule))
        # The leaders read these entries; the administrator does not.
        rows = self.rpc(self.user_leader, "xingji.access.log", "search_read", [("action", "=", "config")], ["detail"])
        self.assertIn(entry.id, [row["id"] for row in rows])

    def test_admin_password_reset_and_code_actions_logged_and_told(self):
        """What Odoo cannot forbid a Settings administrator (log in as a
        linkage user after resetting his password; run Python code) is
        written to the access log and told to the leaders."""
        self.rpc(self.settings_admin, "res.users", "write", [self.user_discipline.id], {"password": "x" * 12})
        entry = self._config_entries(self.user_discipline).filtered(lambda e: "password" in e.detail)
        self.assertEqual(len(entry), 1)
        self.assertTrue(self._leader_told(self.user_discipline))
        action_id = self.rpc(self.settings_admin, "ir.actions.server", "create", {
            "name": "peek", "model_id": self.env["ir.model"]._get("xingji.clue").id,
            "state": "code", "code": "action = env['xingji.clue'].sudo().search_read([])",
        })
        action = self.env["ir.actions.server"].browse(action_id)
        self.assertIn("search_read", self._config_entries(action).detail)
        self.assertTrue(self._leader_told(action))
