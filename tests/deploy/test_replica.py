"""Odoo on a PostgreSQL primary with a streaming read replica (config/odoo-multiworker.conf).

Builds a throw-away primary cluster and a hot-standby replica cloned from it
with ``pg_basebackup -R`` (ports of their own, sockets in a temporary folder;
the machine's PostgreSQL is not touched), installs both addons with demo data
on the primary, then serves them with ``db_replica_host`` pointing at the
replica and checks, over JSON-RPC as a demo user, that:

* read-only requests (the clue list, a clue form) are really served by the
  replica (its transaction counter for the database moves);
* the list and the form give the same answer as a server without a replica;
* every reading that writes an access-log row still writes it, on the primary
  (the replica receives it by streaming), and the log verifies intact;
* a printed form (``/report/pdf``) is logged on the primary too.

Needs the PostgreSQL server binaries and an installed Odoo 18 (``ODOO_PYTHON``
/ ``sys.executable``); as root the clusters run as ``postgres``, as any other
user (the Docker image's ``odoo``) as that user.
"""
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.cookiejar import CookieJar

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ODOO_PY = os.environ.get("ODOO_PY") or sys.executable
ADDONS = os.environ.get("XINGJI_ADDONS_PATH")
DB = "xingji_replica"


def _bindir():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL server binaries (initdb) not found under /usr/lib/postgresql")
    return os.path.dirname(found[-1])


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _owner_cmd(cmd):
    """PostgreSQL refuses to run as root: as root the clusters run as
    ``postgres``; any other user (the Docker image's ``odoo``) owns them."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else list(cmd)


def _as_postgres(*cmd, **kw):
    return subprocess.run(_owner_cmd(cmd), check=True, **kw)


def _sql(port, query, db=DB):
    import psycopg2

    conn = psycopg2.connect(host="127.0.0.1", port=port, user="root", dbname=db)
    conn.autocommit = True
    try:
        cur = conn.cursor()
        cur.execute(query)
        return cur.fetchall()
    finally:
        conn.close()


class Client:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def jsonrpc(self, route, params):
        data = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}).encode()
        req = urllib.request.Request(self.base + route, data, {"Content-Type": "application/json"})
        body = json.loads(self.opener.open(req, timeout=120).read())
        if "error" in body:
            raise AssertionError(body["error"])
        return body["result"]

    def login(self, login, password):
        return self.jsonrpc("/web/session/authenticate", {"db": DB, "login": login, "password": password})

    def call(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", {"lang": "zh_CN", "tz": "Asia/Shanghai"})
        return self.jsonrpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def get(self, path):
        return self.opener.open(self.base + path, timeout=180)


def _serve(conf, port, *extra):
    log = open(conf + f".{port}.log", "wb")
    proc = subprocess.Popen(
        [ODOO_PY, "-m", "odoo", "-c", conf, "-d", DB, f"--db-filter=^{DB}$", f"--http-port={port}",
         "--http-interface=127.0.0.1", "--max-cron-threads=0", *extra],
        stdout=log, stderr=subprocess.STDOUT, cwd="/",
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/web/login", timeout=5)
            return proc
        except Exception:
            if proc.poll() is not None:
                break
            time.sleep(0.5)
    proc.kill()
    raise AssertionError("Odoo did not start:\n" + open(conf + f".{port}.log").read()[-3000:])


@pytest.fixture(scope="module")
def clusters():
    if not ADDONS:
        pytest.fail("XINGJI_ADDONS_PATH is not set (run through ./scripts/test)")
    bindir = _bindir()
    tmp = tempfile.mkdtemp(prefix="xingji-replica-")
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres")
    primary, replica = os.path.join(tmp, "primary"), os.path.join(tmp, "replica")
    pport, rport = _free_port(), _free_port()
    procs = []
    try:
        _as_postgres(f"{bindir}/initdb", "-D", primary, "-U", "root", "--auth=trust", "-E", "UTF8",
                     "--locale=C.UTF-8", stdout=subprocess.DEVNULL)
        opts = f"-p {pport} -k {tmp} -c listen_addresses=127.0.0.1 -c wal_level=replica -c fsync=off"
        _as_postgres(f"{bindir}/pg_ctl", "-D", primary, "-l", f"{tmp}/primary.log", "-o", opts, "-w", "start",
                     stdout=subprocess.DEVNULL)
        conf = os.path.join(tmp, "odoo.conf")
        with open(conf, "w") as f:
            f.write(
                "[options]\n"
                f"addons_path = {ADDONS}\n"
                "db_host = 127.0.0.1\n"
                f"db_port = {pport}\n"
                "db_user = root\n"
                f"data_dir = {tmp}/data\n"
            )
        subprocess.run(
            [ODOO_PY, "-m", "odoo", "-c", conf, "-d", DB, "-i", "xingji_linkage,xingji_reports",
             "--stop-after-init", "--log-level=warn", "--load-language=zh_CN"],
            check=True, cwd="/",
        )
        _as_postgres(f"{bindir}/pg_basebackup", "-h", "127.0.0.1", "-p", str(pport), "-U", "root",
                     "-D", replica, "-R", "-X", "stream", "--checkpoint=fast", stdout=subprocess.DEVNULL)
        # Every statement the replica runs goes to its log: proof of which
        # requests it served (pg_stat_database lags by up to seconds).
        opts = (f"-p {rport} -k {tmp} -c listen_addresses=127.0.0.1 -c hot_standby=on"
                " -c log_statement=all -c logging_collector=off")
        _as_postgres(f"{bindir}/pg_ctl", "-D", replica, "-l", f"{tmp}/replica.log", "-o", opts, "-w", "start",
                     stdout=subprocess.DEVNULL)
        assert _sql(rport, "SELECT pg_is_in_recovery()") == [(True,)]
        port_plain, port_replica = _free_port(), _free_port()
        procs.append(_serve(conf, port_plain))
        procs.append(_serve(conf, port_replica, "--db_replica_host=127.0.0.1", f"--db_replica_port={rport}"))
        yield {"primary": pport, "replica": rport, "plain": port_plain, "with_replica": port_replica,
               "replica_log": f"{tmp}/replica.log"}
    finally:
        for proc in procs:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
        for data in (replica, primary):
            if os.path.exists(os.path.join(data, "postmaster.pid")):
                subprocess.run(_owner_cmd([f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"]),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)


def _replica_clue_queries(clusters):
    """Statements on xingji_clue the replica has run so far."""
    with open(clusters["replica_log"], encoding="utf-8", errors="replace") as f:
        return sum(1 for line in f if "statement:" in line and '"xingji_clue"' in line)


def _log_rows(port):
    return _sql(port, "SELECT count(*) FROM xingji_access_log")[0][0]


def _wait_replayed(primary, replica):
    lsn = _sql(primary, "SELECT pg_current_wal_lsn()::text", db="postgres")[0][0]
    for _ in range(100):
        done = _sql(replica, f"SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn", db="postgres")[0][0]
        if done:
            return
        time.sleep(0.1)
    raise AssertionError("the replica did not catch up with the primary")


LIST_SPEC = {"name": {}, "state": {}, "direction": {}, "date_deadline": {}}
FORM_SPEC = {"name": {}, "state": {}, "main_problem": {}, "violation_facts": {}, "person_ids": {"fields": {"name": {}}}}


def _list_and_form(client):
    listed = client.call("xingji.clue", "web_search_read", [], specification=LIST_SPEC, limit=80)
    assert listed["length"] > 0, "the demo handler sees no clue"
    first = listed["records"][0]["id"]
    form = client.call("xingji.clue", "web_read", [first], specification=FORM_SPEC)
    return listed, form, first


def test_reads_go_to_the_replica_and_logging_to_the_primary(clusters):
    plain, with_replica = Client(clusters["plain"]), Client(clusters["with_replica"])
    for client in (plain, with_replica):
        assert client.login("xj_handler", "xingji-demo")["uid"]

    listed_plain, form_plain, clue_id = _list_and_form(plain)

    before_queries = _replica_clue_queries(clusters)
    before_log = _log_rows(clusters["primary"])
    listed, form, same_id = _list_and_form(with_replica)
    after_queries = _replica_clue_queries(clusters)

    # The same answers with and without the replica.
    assert same_id == clue_id
    assert listed == listed_plain
    assert form == form_plain
    # The read-only requests ran on the replica.
    assert after_queries > before_queries, "no query on clues reached the replica"
    # The form opening (content read) was logged, on the primary.
    after_log = _log_rows(clusters["primary"])
    assert after_log > before_log, "opening a clue through the replica server wrote no access-log row"
    rows = _sql(clusters["primary"],
                f"SELECT action FROM xingji_access_log WHERE res_model = 'xingji.clue' AND res_id = {clue_id}"
                " ORDER BY id DESC LIMIT 1")
    assert rows and rows[0][0] == "open"
    # ... and streamed to the replica.
    _wait_replayed(clusters["primary"], clusters["replica"])
    assert _log_rows(clusters["replica"]) == after_log


def test_printed_form_logged_on_primary(clusters):
    client = Client(clusters["with_replica"])
    client.login("xj_handler", "xingji-demo")
    listed = client.call("xingji.clue", "web_search_read", [], specification=LIST_SPEC, limit=1)
    clue_id = listed["records"][0]["id"]
    before = _log_rows(clusters["primary"])
    response = client.get(f"/report/pdf/xingji_reports.report_clue_transfer/{clue_id}")
    assert response.headers.get_content_type() == "application/pdf"
    assert _log_rows(clusters["primary"]) > before
    rows = _sql(clusters["primary"],
                f"SELECT action FROM xingji_access_log WHERE res_id = {clue_id} ORDER BY id DESC LIMIT 1")
    assert rows[0][0] == "print"


def test_log_verifies_intact_after_replica_reads(clusters):
    client = Client(clusters["with_replica"])
    client.login("xj_leader", "xingji-demo")
    result = client.call("xingji.access.log", "action_verify_chain", [])
    assert result["params"]["type"] == "success", result["params"]["message"]
