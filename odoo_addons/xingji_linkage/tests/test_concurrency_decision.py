# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two approvers decide the same step at the same moment.

HttpCase serves all requests of a test on one test cursor, one after the
other: real concurrency needs a served database. This test commits its
fixtures, starts ``odoo-bin`` on a free port against the same database,
sends both decisions at once over JSON-RPC from two sessions, then removes
what it committed.
"""
import contextlib
import socket
import subprocess
import sys
import threading
import time
import uuid

import requests

from odoo import SUPERUSER_ID, api
from odoo.fields import Command
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import SQL, config


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Client:
    def __init__(self, base, db, login):
        self.base = base
        self.session = requests.Session()
        self.call("/web/session/authenticate", {"db": db, "login": login, "password": login})

    def call(self, url, params):
        response = self.session.post(
            self.base + url,
            json={"jsonrpc": "2.0", "method": "call", "id": 0, "params": params},
            timeout=120,
        )
        response.raise_for_status()
        return response.json()

    def call_kw(self, model, method, *args):
        return self.call(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": {"context": {"lang": "en_US"}}},
        )


@tagged("post_install", "-at_install", "xingji_clue", "xingji_concurrency")
class TestConcurrentDecision(BaseCase):
    def setUp(self):
        super().setUp()
        self.db = get_db_name()
        self.registry = Registry(self.db)
        self.tag = uuid.uuid4().hex[:8]
        self.ids = {}
        self.server = None
        self.addCleanup(self._cleanup)

    # ------------------------------------------------------------ fixtures
    def _commit_fixtures(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            if not env.ref("xingji_linkage.user_leader_demo", raise_if_not_found=False):
                self.skipTest("the leader step needs the demo leader")
            Users = env["res.users"].with_context(no_reset_password=True)
            users = {}
            for key, group in (
                ("handler", "group_xingji_user"),
                ("head", "group_xingji_unit_manager"),
                ("a", "group_xingji_user"),
                ("b", "group_xingji_user"),
            ):
                login = f"xj_conc_{key}_{self.tag}"
                users[key] = Users.create(
                    {
                        "name": f"Concurrency {key} {self.tag}",
                        "login": login,
                        "password": login,
                        "email": f"{login}@example.com",
                        "groups_id": [Command.set([env.ref("base.group_user").id, env.ref(f"xingji_linkage.{group}").id])],
                    }
                )
            unit = env["xingji.unit"].create(
                {
                    "name": f"并发测试处 {self.tag}",
                    "code": f"C-{self.tag}",
                    "kind": "enforcement",
                    "manager_id": users["head"].id,
                    "member_ids": [Command.link(users["handler"].id)],
                }
            )
            problem = f"并发审批测试 {self.tag}"
            # A step for this clue only, decided by either of two users.
            step = env["xingji.approval.step"].create(
                {
                    "name": f"会签 {self.tag}",
                    "sequence": 1,
                    "approver_kind": "users",
                    "user_ids": [Command.set((users["a"] | users["b"]).ids)],
                    "condition_domain": repr([("main_problem", "=", problem)]),
                }
            )
            clue = env["xingji.clue"].with_user(users["handler"]).create(
                {
                    "direction": "to_discipline",
                    "source_unit_id": unit.id,
                    "date_discovered": "2026-03-02",
                    "source": "inspection",
                    "nature": "duty_violation",
                    "main_problem": problem,
                    "handler_id": users["handler"].id,
                    "no_proposal_confirmed": True,
                    "person_ids": [Command.create({"name": "王某", "cadre_rank": "below_division", "is_party_member": True})],
                }
            )
            clue.action_submit()
            self.assertEqual(clue.current_step_id, step)
            self.assertEqual(clue.pending_approver_ids, users["a"] | users["b"])
            self.ids = {
                "users": [u.id for u in users.values()],
                "logins": {k: u.login for k, u in users.items()},
                "unit": unit.id,
                "step": step.id,
                "clue": clue.id,
                "head": users["head"].id,
            }
            # The served database must see the fixtures: this test commits them
            # (and removes them in _cleanup).
            cr.commit()  # pylint: disable=invalid-commit

    def _cleanup(self):
        if self.server:
            self.server.terminate()
            try:
                self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.server.kill()
        if not self.ids:
            return
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            clue_id = self.ids["clue"]
            # Submitted clues are never deleted by the ORM; this test's is.
            cr.execute(SQL("DELETE FROM mail_activity WHERE res_model = 'xingji.clue' AND res_id = %s", clue_id))
            cr.execute(SQL("DELETE FROM mail_followers WHERE res_model = 'xingji.clue' AND res_id = %s", clue_id))
            cr.execute(SQL("DELETE FROM mail_message WHERE model = 'xingji.clue' AND res_id = %s", clue_id))
            cr.execute(SQL("DELETE FROM xingji_clue WHERE id = %s", clue_id))
            env["xingji.approval.step"].browse(self.ids["step"]).unlink()
            env["xingji.unit"].browse(self.ids["unit"]).unlink()
            users = env["res.users"].browse(self.ids["users"])
            try:
                with cr.savepoint():
                    users.unlink()
            except Exception:  # noqa: BLE001 - users referenced elsewhere: archive them
                users.write({"active": False})
            cr.commit()  # pylint: disable=invalid-commit

    # -------------------------------------------------------------- server
    def _start_server(self):
        port = _free_port()
        cmd = [
            sys.executable, "-m", "odoo",
            "--addons-path", config["addons_path"],
            "-d", self.db, "--db-filter", f"^{self.db}$",
            "--http-port", str(port), "--gevent-port", str(_free_port()),
            "--workers", "0", "--max-cron-threads", "0", "--log-level", "warn",
        ]
        for option, key in (("--db_host", "db_host"), ("--db_port", "db_port"),
                            ("--db_user", "db_user"), ("--db_password", "db_password")):
            if config.get(key):
                cmd += [option, str(config[key])]
        self.server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 120
        while time.time() < deadline:
            with contextlib.suppress(requests.RequestException):
                if requests.get(base + "/web/health", timeout=2).status_code == 200:
                    return base
            time.sleep(0.5)
        self.fail("the Odoo server did not start")

    # ---------------------------------------------------------------- test
    def test_two_approvers_decide_the_same_step_at_once(self):
        self._commit_fixtures()
        base = self._start_server()
        logins = self.ids["logins"]
        clients = [_Client(base, self.db, logins["a"]), _Client(base, self.db, logins["b"])]
        wizards = []
        for client in clients:
            answer = client.call_kw(
                "xingji.clue.decision.wizard", "create",
                {"clue_id": self.ids["clue"], "action": "approve", "comment": "同意"},
            )
            self.assertIn("result", answer, answer)
            wizards.append(answer["result"])
        barrier = threading.Barrier(2)
        answers = [None, None]

        def decide(index):
            barrier.wait()
            answers[index] = clients[index].call_kw(
                "xingji.clue.decision.wizard", "action_confirm", [wizards[index]]
            )

        threads = [threading.Thread(target=decide, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(180)
        succeeded = [a for a in answers if a and "result" in a]
        refused = [a for a in answers if a and "error" in a]
        self.assertEqual(len(succeeded), 1, answers)
        self.assertEqual(len(refused), 1, answers)
        # The late request is replayed after the first commits: the step is
        # decided, and the late approver (no longer awaited) may not even
        # read the clue any more (need to know).
        self.assertIn(
            refused[0]["error"]["data"]["name"],
            ("odoo.exceptions.UserError", "odoo.exceptions.AccessError"),
            refused[0],
        )
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            clue = env["xingji.clue"].browse(self.ids["clue"])
            lines = clue.approval_line_ids.filtered(lambda line: line.step_id.id == self.ids["step"])
            self.assertEqual(len(lines), 1, "the step was decided once")
            self.assertEqual(clue.state, "review")
            self.assertEqual(clue.pending_approver_ids.ids, [self.ids["head"]])
