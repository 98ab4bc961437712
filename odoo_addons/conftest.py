"""pytest hooks for the Odoo tier (pytest-odoo).

With XINGJI_STRICT=1 (set by ./scripts/test), skipped is not passed: a skipped
test (a tour without Chromium or websocket-client, an HttpCase without
--odoo-http) fails the run, and so does a run in which no browser tour passed.
"""
import os

import pytest


def _problems(config):
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    stats = reporter.stats if reporter else {}
    skipped = [getattr(r, "nodeid", "?") for r in stats.get("skipped", [])]
    tours = [r for r in stats.get("passed", []) if "tour" in r.nodeid.lower()]
    problems = []
    if skipped:
        problems.append("skipped tests count as failures:\n  " + "\n  ".join(skipped))
    if not tours:
        problems.append("no browser tour passed")
    return problems, len(tours)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("XINGJI_STRICT") != "1":
        return
    problems, _tours = _problems(session.config)
    if problems and session.exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if os.environ.get("XINGJI_STRICT") != "1":
        return
    problems, tours = _problems(config)
    for problem in problems:
        terminalreporter.write_line("ERROR: " + problem, red=True)
    if not problems:
        terminalreporter.write_line(f"{tours} browser tour test(s) passed, none skipped", green=True)
