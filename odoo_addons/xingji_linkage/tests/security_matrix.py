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
}
