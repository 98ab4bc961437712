# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""ACL matrix rows of xingji_reports' models; same shape as
``xingji_linkage/tests/security_matrix.py``, merged into its matrix test."""

WORK_ROLES_CRW = {
    "user": "crw",
    "unit_manager": "crw",
    "leader": "crw",
    "discipline": "crw",
    "supervision": "crw",
}

MATRIX = {
    # Every work role implies the staff group: members fill and submit their
    # own units' tables (record rule), leaders and the receiving bodies read
    # every table.  The configuration manager reads no clue data.
    "xingji.statistics.table": {**WORK_ROLES_CRW, "manager": ""},
    "xingji.statistics.wizard": {**WORK_ROLES_CRW, "manager": ""},
    # Rows: liaisons type off-system rows in a draft table (Python guards
    # and a global need-to-know rule restrict them further).
    "xingji.statistics.line": {**{role: "crwu" for role in WORK_ROLES_CRW}, "manager": ""},
    # The committee prepares the summary; the leader in charge acknowledges it.
    "xingji.statistics.summary": {
        "user": "", "unit_manager": "", "leader": "rw", "discipline": "crw", "supervision": "", "manager": "",
    },
    "xingji.statistics.summary.line": {
        "user": "", "unit_manager": "", "leader": "r", "discipline": "r", "supervision": "", "manager": "",
    },
    # A read-only SQL view; rows follow the knowledge scope of their clue.
    "xingji.clue.report": {
        "user": "r",
        "unit_manager": "r",
        "leader": "r",
        "discipline": "r",
        "supervision": "r",
        "manager": "",
    },
}
