# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Declarative ACL matrix: model -> role -> allowed operations.

Letters: c = create, r = read, w = write, u = unlink; "" = no access.
Every model of both addons must have a row (``test_every_model_in_matrix``).
A new model joins by adding its row here; models of ``xingji_reports`` go in
that addon's ``tests/security_matrix.py`` under the same shape.
Record rules (need-to-know) are tested separately, model by model.
"""

ALL_READ = {
    "user": "r",
    "unit_manager": "r",
    "leader": "r",
    "discipline": "r",
    "supervision": "r",
}

WORK_ALL = {role: "crwu" for role in ALL_READ}

MATRIX = {
    "xingji.unit": {**ALL_READ, "manager": "crwu"},
    "xingji.violation.type": {**ALL_READ, "manager": "crwu"},
    "xingji.holiday": {**ALL_READ, "manager": "crwu"},
    # Nobody creates log rows through the ORM with their own rights: the
    # log writes itself under sudo so that no user can forge an entry.
    "xingji.access.log": {
        "user": "",
        "unit_manager": "",
        "leader": "r",
        "discipline": "r",
        "supervision": "",
        "manager": "r",
    },
    # Signed heads of the log (counts and hashes only), sent to the leaders.
    "xingji.access.log.checkpoint": {
        "user": "",
        "unit_manager": "",
        "leader": "r",
        "discipline": "r",
        "supervision": "",
        "manager": "r",
    },
    "xingji.access.grant": {**ALL_READ, "manager": "r"},
    # Inspections, findings, rectification, notices, meetings (feat/rect).
    # The configuration manager has no work role: no access at all.
    "xingji.inspection": {
        "user": "rw",
        "unit_manager": "rw",
        "leader": "crw",
        "discipline": "crw",
        "supervision": "crw",
        "manager": "",
    },
    "xingji.inspection.draw": {
        "user": "r",
        "unit_manager": "r",
        "leader": "cr",
        "discipline": "cr",
        "supervision": "cr",
        "manager": "",
    },
    "xingji.inspection.draw.wizard": {
        "user": "",
        "unit_manager": "",
        "leader": "crwu",
        "discipline": "crwu",
        "supervision": "crwu",
        "manager": "",
    },
    "xingji.finding": {
        "user": "crw",
        "unit_manager": "crw",
        "leader": "crw",
        "discipline": "crw",
        "supervision": "crw",
        "manager": "",
    },
    "xingji.finding.person": {
        "user": "crwu",
        "unit_manager": "crwu",
        "leader": "crwu",
        "discipline": "crwu",
        "supervision": "crwu",
        "manager": "",
    },
    "xingji.rectification": {
        "user": "crw",
        "unit_manager": "crw",
        "leader": "crw",
        "discipline": "crw",
        "supervision": "crw",
        "manager": "",
    },
    "xingji.notice": {
        "user": "crw",
        "unit_manager": "crw",
        "leader": "crw",
        "discipline": "crw",
        "supervision": "crw",
        "manager": "",
    },
    "xingji.meeting": {
        "user": "crw",
        "unit_manager": "crw",
        "leader": "crw",
        "discipline": "crw",
        "supervision": "crw",
        "manager": "",
    },
    "xingji.meeting.decision": {
        "user": "crwu",
        "unit_manager": "crwu",
        "leader": "crwu",
        "discipline": "crwu",
        "supervision": "crwu",
        "manager": "",
    },
    # Clues: every work role may act on the clues of its knowledge scope
    # (the global need-to-know rule narrows them); deletion is refused in
    # code once submitted. The configuration manager never reads clues.
    "xingji.clue": {**WORK_ALL, "manager": ""},
    "xingji.clue.person": {**WORK_ALL, "manager": ""},
    "xingji.clue.material": {**WORK_ALL, "manager": ""},
    # Decisions are written by the workflow under sudo, never by hand.
    "xingji.clue.approval": {**ALL_READ, "manager": ""},
    "xingji.routing.rule": {**ALL_READ, "manager": "crwu"},
    "xingji.approval.step": {**ALL_READ, "manager": "crwu"},
    "xingji.clue.deadline": {**ALL_READ, "manager": "crwu"},
    "xingji.clue.decision.wizard": {**{r: "crw" for r in ALL_READ}, "manager": ""},
    "xingji.share.category": {**ALL_READ, "manager": "crwu"},
    # Nothing shared is deleted (archive instead); the configuration manager
    # configures categories and never needs the items themselves.
    "xingji.share": {**{role: "crw" for role in ALL_READ}, "manager": ""},
    # Requests change state only through their checked actions (sudo).
    "xingji.share.request": {**{role: "cr" for role in ALL_READ}, "manager": ""},
    "xingji.share.directory": {**ALL_READ, "manager": ""},
    # Naming liaisons: heads and bureau leaders only (a liaison knows the clues).
    "xingji.unit.liaison.wizard": {
        "user": "", "unit_manager": "crw", "leader": "crw", "discipline": "", "supervision": "", "manager": "",
    },
    "xingji.share.request.decision": {**{role: "crw" for role in ALL_READ}, "manager": ""},
    # Also used by the configuration manager for a category's default grade.
    "xingji.share.grade.wizard": {**{role: "crw" for role in ALL_READ}, "manager": "crw"},
    # Counters of the home page (feat/daily): configured by the manager.
    "xingji.home.tile": {**ALL_READ, "manager": "crwu"},
}
