#!/usr/bin/env python3
"""Take a screenshot of a page of a running Odoo with headless Chromium.

  screenshot.py --base http://127.0.0.1:8069 --db xingji_demo --login xj_manager \
      --password xingji-demo --path /odoo/xingji-units --out docs/units.png \
      [--click ".o_navbar_apps_menu button"] [--wait 4] [--size 1440,900]

Logs in through /web/session/authenticate, hands the session cookie to a
fresh headless Chromium over the DevTools protocol, opens the page, optionally
clicks an element, and saves a PNG. Needs `requests` and `websocket-client`
(both in the test tooling) and Debian's chromium.
"""
import argparse
import base64
import json
import shutil
import subprocess
import tempfile
import time
from urllib.parse import urlparse

import requests
import websocket


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="xingji_demo")
    parser.add_argument("--login", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--click", action="append", default=[])
    parser.add_argument("--wait", type=float, default=4)
    parser.add_argument("--size", default="1440,900")
    opts = parser.parse_args()

    session = requests.Session()
    resp = session.post(
        f"{opts.base}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": opts.db, "login": opts.login, "password": opts.password}},
        timeout=60,
    )
    resp.raise_for_status()
    if resp.json().get("error"):
        raise SystemExit(f"login failed: {resp.json()['error']}")
    sid = session.cookies.get("session_id")

    port = 9333
    profile = tempfile.mkdtemp()
    chrome = subprocess.Popen(
        [
            shutil.which("chromium") or "chromium",
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}", f"--remote-debugging-port={port}",
            f"--window-size={opts.size}", "--lang=zh-CN", "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                targets = requests.get(f"http://127.0.0.1:{port}/json", timeout=2).json()
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:  # noqa: BLE001 - Chromium still starting
                time.sleep(0.2)
        ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        counter = iter(range(1, 10**6))

        def call(method, **params):
            msg_id = next(counter)
            ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
            while True:
                msg = json.loads(ws.recv())
                if msg.get("id") == msg_id:
                    return msg.get("result", {})

        width, height = (int(x) for x in opts.size.split(","))
        call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        call("Network.enable")
        call("Network.setCookie", name="session_id", value=sid, domain=urlparse(opts.base).hostname, path="/")
        call("Page.enable")
        call("Page.navigate", url=opts.base + opts.path)
        time.sleep(opts.wait)
        for selector in opts.click:
            call("Runtime.evaluate", expression=f"document.querySelector({json.dumps(selector)}).click()")
            time.sleep(1.5)
        shot = call("Page.captureScreenshot", format="png")
        with open(opts.out, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        print(f"saved {opts.out}")
    finally:
        chrome.terminate()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
