# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Real concurrency for the access log: a served database, 16 sessions
reading clues at the same moment, each request in its own transaction.

An HttpCase serves every request on one locked test cursor (one after the
other, in one transaction), so this test starts Odoo as a separate process
on a free port against the committed state of the test database (demo data:
its users and clues), sends parallel JSON-RPC calls, verifies the chain over
RPC and stops the server by its PID.
"""
import json
import logging
import re
import socket
import subprocess
import sys
import threading
import time

import requests

from odoo.tests import BaseCase, tagged
from odoo.tools import config

_logger = logging.getLogger(__name__)

DEMO_PASSWORD = "xingji-demo"
DEMO_READERS = (
    "xj_handler", "xj_inspector", "xj_unit_manager", "xj_branch_head",
    "xj_leader", "xj_discipline", "xj_discipline_group", "xj_supervision",
)
WRITERS = 16
ROUNDS = 5


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Client:
    def __init__(self, base, db, login):
        self.base, self.login, self.session = base, login, requests.Session()
        self.call("/web/session/authenticate", {"db": db, "login": login, "password": DEMO_PASSWORD})

    def call(self, path, params):
        response = self.session.post(
            self.base + path,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "id": 0, "params": params}),
            headers={"Content-Type": "application/json"},
            timeout=120,
        )
        body = response.json()
        if "error" in body:
            raise AssertionError(body["error"])
        return body["result"]

    def call_kw(self, model, method, args, **kwargs):
        kwargs.setdefault("context", {"lang": "en_US"})
        return self.call(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )


@tagged("post_install", "-at_install", "xingji_concurrency")
class TestLogConcurrency(BaseCase):
    def setUp(self):
        super().setUp()
        self.db = config["db_name"]
        if isinstance(self.db, (list, tuple)):
            self.db = self.db[0]
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        args = [
            sys.executable, "-m", "odoo", "server",
            "-d", self.db, "--db-filter", f"^{re.escape(self.db)}$",
            "--http-interface", "127.0.0.1", "--http-port", str(self.port),
            "--gevent-port", str(free_port()),
            "--addons-path", config["addons_path"],
            "--max-cron-threads", "0", "--workers", "0", "--db_maxconn", "64",
            "--log-level", "warn",
        ]
        for option in ("db_host", "db_port", "db_user", "db_password"):
            if config.get(option):
                args += [f"--{option.replace('_', '-')}", str(config[option])]
        self.server = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.addCleanup(self._stop)
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.server.poll() is not None:
                self.fail("Odoo did not start: " + self.server.stderr.read().decode()[-2000:])
            try:
                if requests.get(self.base + "/web/health", timeout=2).ok:
                    return
            except requests.RequestException:
                _logger.debug("Odoo is still starting")
            time.sleep(0.5)
        self.fail("Odoo did not answer within 90 s")

    def _stop(self):
        self.server.terminate()
        try:
            self.server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()

    def _verify(self, client):
        action = client.call_kw("xingji.access.log", "action_verify_chain", [[]])
        match = re.search(r"(\d+) entries checked", action["params"]["message"])
        return action["params"]["type"], match and int(match[1]), action["params"]["message"]

    def test_sixteen_parallel_readers_keep_one_chain(self):
        auditor = Client(self.base, self.db, "xj_manager")
        state, before, message = self._verify(auditor)
        self.assertEqual(state, "success", message)
        readers = []
        for login in DEMO_READERS:
            client = Client(self.base, self.db, login)
            ids = client.call_kw("xingji.clue", "search", [[]], limit=5)
            if ids:
                readers.append((client, ids))
        if not readers:
            self.skipTest("no demo clue readable: the database has no demo data")
        # 16 sessions (each its own HTTP session), readers cycled.
        sessions = []
        for i in range(WRITERS):
            client, ids = readers[i % len(readers)]
            sessions.append((Client(self.base, self.db, client.login), ids))
        barrier = threading.Barrier(WRITERS)
        errors, written = [], []
        lock = threading.Lock()

        def run(client, ids):
            try:
                for _round in range(ROUNDS):
                    barrier.wait(timeout=60)
                    client.call_kw("xingji.clue", "web_read", [ids], specification={"main_problem": {}})
                    with lock:
                        written.append(len(ids))
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)

        threads = [threading.Thread(target=run, args=session) for session in sessions]
        start = time.time()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=180)
        elapsed = time.time() - start
        self.assertFalse(errors, errors[:3])
        self.assertEqual(len(written), WRITERS * ROUNDS)
        state, after, message = self._verify(auditor)
        self.assertEqual(state, "success", message)
        self.assertEqual(after - before, sum(written), message)
        _logger.info(
            "%s sessions x %s rounds: %s entries in %.1f s, chain intact", WRITERS, ROUNDS, sum(written), elapsed
        )

