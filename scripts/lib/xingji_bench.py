#!/usr/bin/env python3
"""Benchmark of 行纪贯通 at a province's volume (run through ``scripts/bench``).

1. Creates a fresh database and installs xingji_linkage and xingji_reports
   without demo data.
2. Sets up units, routing and one template clue per direction through the
   ORM, then generates the volume with bulk SQL (INSERT ... SELECT
   generate_series, COPY for the hash-chained access log): users (partner,
   user, company, groups with their implied groups, unit memberships),
   clues in every state and both directions with their reported persons,
   stored computed fields and knowledge scope (``scope_user_ids``) filled
   as the ORM fills them, access grants, rectification tasks and log rows.
   The data is generated in two stages (10 %, then the rest): query counts
   are measured at both volumes.  A sample of the rows is recomputed and
   validated by the ORM at the end of the generation.
3. Measures each figure against a baseline of the same run and prints one
   table; exit status 1 if a ratio misses its target.
"""
import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "scripts", "lib"))
from odoo_paths import default_addons_path  # noqa: E402

FULL = {"clues": 200_000, "tasks": 500_000, "logs": 1_000_000, "users": 5_000}
UNITS = 50
BIG_UNIT_SHARE = 10  # one clue in 10 belongs to unit 0: 20,000 at full volume
CLUE_STATES = ["draft", "review", "approval", "transferred", "accepted", "returned", "fed_back", "closed",
               "cancelled"]
T0 = time.perf_counter()


def say(text):
    print(f"[{time.perf_counter() - T0:7.1f}s] {text}", flush=True)


def timed(fn, repeat=5, before=None):
    """Median wall time of ``fn`` over ``repeat`` runs (caches invalidated by ``before``)."""
    times = []
    result = None
    for _i in range(repeat):
        if before:
            before()
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def timed_pair(fn_a, fn_b, repeat=21, before=None):
    """Median wall times of ``fn_a`` and ``fn_b``, run alternately so that a
    change in the machine's load falls on both alike."""
    times_a, times_b = [], []
    for _i in range(repeat):
        for fn, times in ((fn_a, times_a), (fn_b, times_b)):
            if before:
                before()
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
    return statistics.median(times_a), statistics.median(times_b)


# ---------------------------------------------------------------- setup
def install(opts):
    import odoo

    odoo.tools.config.parse_config(
        ["--addons-path", opts.addons_path, "-d", opts.db, "--log-level", "warn", "--without-demo", "all",
         "-i", "xingji_linkage,xingji_reports", "--load-language", "zh_CN"]
    )
    from odoo.service import db as dbservice

    if dbservice.exp_db_exist(opts.db):
        raise SystemExit(f"Database {opts.db} exists: choose another --db or drop it.")
    if opts.template:
        # for development of the bench itself: copy a database where both
        # addons are installed (and nothing generated) instead of installing
        say(f"copying {opts.template} to {opts.db}")
        with odoo.sql_db.db_connect("postgres").cursor() as cr:
            cr._cnx.autocommit = True
            cr.execute(f'CREATE DATABASE "{opts.db}" TEMPLATE "{opts.template}"')
        odoo.tools.config["init"] = {}
        return odoo.modules.registry.Registry.new(opts.db)
    dbservice._create_empty_database(opts.db)
    say(f"installing xingji_linkage and xingji_reports into {opts.db} (no demo data)")
    registry = odoo.modules.registry.Registry.new(opts.db, update_module=True)
    odoo.tools.config["init"] = {}
    return registry


class Bench:
    def __init__(self, env, scale):
        self.env = env
        self.cr = env.cr
        self.n = {key: max(int(value * scale), 1) for key, value in FULL.items()}
        self.n["users"] = max(self.n["users"], 4 * UNITS)
        self.today = date.today()
        self.rows = []  # (figure, measured, baseline, ratio text, target, ok)

    def q(self, query, params=None):
        self.cr.execute(query, params or {})

    # ------------------------------------------------------------ ORM part
    def setup_orm(self):
        env = self.env
        Unit = env["xingji.unit"]
        company = env.company
        self.company = company
        self.discipline = Unit.create({"name": "局机关纪委", "code": "B-JW", "kind": "discipline"})
        self.group_unit = Unit.create({"name": "驻局纪检监察组", "code": "B-ZJZ", "kind": "discipline"})
        self.supervision = Unit.create({"name": "法规处", "code": "B-FG", "kind": "enforcement"})
        self.units = Unit.create(
            [{"name": f"执法单位{i + 1:02d}", "code": f"B-{i + 1:02d}",
              "kind": "discipline" if i >= UNITS - 5 else "enforcement"} for i in range(UNITS)]
        )
        ref = env.ref
        for xmlid in ("routing_rule_bureau", "routing_rule_division", "routing_rule_below_division_non_party"):
            ref(f"xingji_linkage.{xmlid}").write(
                {"receiving_unit_id": self.group_unit.id, "transit_unit_id": self.discipline.id}
            )
        ref("xingji_linkage.routing_rule_other_cadres").write(
            {"receiving_unit_id": self.discipline.id, "transit_unit_id": False}
        )
        ref("xingji_linkage.routing_rule_to_supervision").receiving_unit_id = self.supervision
        env.flush_all()

    def groups_of(self, xmlid):
        group = self.env.ref(xmlid)
        return (group | group.trans_implied_ids).ids

    # --------------------------------------------------------------- users
    def gen_users(self):
        """Partners and users as ``res.users.create`` writes them (login,
        active, company and allowed companies, share=False, notification
        type, groups with all their implied groups), then unit memberships:
        about 100 members per unit, the first one its head."""
        n = self.n["users"]
        say(f"users: {n:,}")
        uid = self.env.uid
        self.q(
            """
            CREATE TEMP TABLE bench_users ON COMMIT DROP AS
            WITH p AS (
                INSERT INTO res_partner (name, complete_name, company_id, active, type, lang, tz,
                                         email, is_company, create_uid, write_uid, create_date, write_date)
                SELECT '用户' || g, '用户' || g, %(company)s, true, 'contact', 'zh_CN', 'Asia/Shanghai',
                       'bench' || g || '@example.com', false, %(uid)s, %(uid)s, now(), now()
                  FROM generate_series(1, %(n)s) g
                RETURNING id
            ), numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS g FROM p)
            SELECT g, id AS partner_id FROM numbered
            """,
            {"company": self.company.id, "uid": uid, "n": n},
        )
        self.q(
            """
            INSERT INTO res_users (login, partner_id, company_id, active, share, notification_type,
                                   create_uid, write_uid, create_date, write_date)
            SELECT 'bench' || g, partner_id, %(company)s, true, false, 'email', %(uid)s, %(uid)s, now(), now()
              FROM bench_users ORDER BY g
            """,
            {"company": self.company.id, "uid": uid},
        )
        self.q("SELECT id FROM res_users WHERE login LIKE 'bench%%' ORDER BY id")
        self.user_ids = [r[0] for r in self.cr.fetchall()]
        self.q(
            "INSERT INTO res_company_users_rel (cid, user_id) SELECT %(c)s, unnest(%(u)s::int[])",
            {"c": self.company.id, "u": self.user_ids},
        )
        # Roles: unit heads (first member of each unit), 5 leaders, 10
        # discipline and 5 supervision officers; the others are 经办人.
        per_unit = (len(self.user_ids) - 20) // UNITS
        self.members = {
            unit.id: self.user_ids[20 + i * per_unit: 20 + (i + 1) * per_unit] for i, unit in enumerate(self.units)
        }
        self.leaders = self.user_ids[:5]
        self.discipline_users = self.user_ids[5:15]
        self.supervision_users = self.user_ids[15:20]
        heads = [m[0] for m in self.members.values()]
        handlers = [u for m in self.members.values() for u in m[1:]]
        for xmlid, users in (
            ("xingji_linkage.group_xingji_user", handlers),
            ("xingji_linkage.group_xingji_unit_manager", heads),
            ("xingji_linkage.group_xingji_leader", self.leaders),
            ("xingji_linkage.group_xingji_discipline", self.discipline_users),
            ("xingji_linkage.group_xingji_supervision", self.supervision_users),
        ):
            self.q(
                """
                INSERT INTO res_groups_users_rel (gid, uid)
                SELECT g, u FROM unnest(%(g)s::int[]) g CROSS JOIN unnest(%(u)s::int[]) u
                ON CONFLICT DO NOTHING
                """,
                {"g": self.groups_of(xmlid), "u": users},
            )
        member_rows = [(unit, user) for unit, users in self.members.items() for user in users]
        member_rows += [(self.discipline.id, u) for u in self.discipline_users[:5]]
        member_rows += [(self.group_unit.id, u) for u in self.discipline_users[5:]]
        member_rows += [(self.supervision.id, u) for u in self.supervision_users]
        self.q(
            "INSERT INTO xingji_unit_member_rel (unit_id, user_id) SELECT unnest(%(a)s::int[]), unnest(%(b)s::int[])",
            {"a": [r[0] for r in member_rows], "b": [r[1] for r in member_rows]},
        )
        for unit in self.units:
            self.q("UPDATE xingji_unit SET manager_id = %(m)s WHERE id = %(u)s",
                   {"m": self.members[unit.id][0], "u": unit.id})
        self.q("UPDATE xingji_unit SET manager_id = %(m)s WHERE id = %(u)s",
               {"m": self.discipline_users[0], "u": self.discipline.id})
        self.q("UPDATE xingji_unit SET manager_id = %(m)s WHERE id = %(u)s",
               {"m": self.discipline_users[5], "u": self.group_unit.id})
        self.q("UPDATE xingji_unit SET manager_id = %(m)s WHERE id = %(u)s",
               {"m": self.supervision_users[0], "u": self.supervision.id})
        self.env.invalidate_all()
        self.env.registry.clear_cache()

    def templates(self):
        """One draft clue per direction through the ORM: what routing the
        ORM computes for the reported person every generated clue has."""
        Clue = self.env["xingji.clue"]
        Users = self.env["res.users"]
        self.template = {}
        for direction, unit in (("to_discipline", self.units[0]), ("to_supervision", self.units[-1])):
            handler = Users.browse(self.members[unit.id][1])
            clue = Clue.with_user(handler).create(
                {
                    "direction": direction,
                    "source_unit_id": unit.id,
                    "source": "inspection",
                    "nature": "duty_violation",
                    "main_problem": "模板",
                    "handler_id": handler.id,
                    "person_ids": [(0, 0, {"name": "模板人员", "cadre_rank": "below_division",
                                           "is_party_member": True})],
                }
            )
            clue.flush_recordset()
            self.template[direction] = {
                "routing_rule_id": clue.routing_rule_id.id or None,
                "routed_unit_id": clue.routed_unit_id.id or None,
                "receiving_unit_id": clue.receiving_unit_id.id or None,
                "transit_unit_id": clue.transit_unit_id.id or None,
            }
        say(f"routing as the ORM computes it: {self.template}")

    # --------------------------------------------------------------- clues
    def gen_clues(self, start, stop):
        """Clues [start, stop): unit 0 gets one in 10; units 45-49
        (discipline bodies) refer to supervision, the others to discipline.
        States cycle over all nine, with the dates each transition stamps."""
        say(f"clues {start:,}..{stop:,}")
        t = self.template
        unit_ids = self.units.ids
        # Handler of clue g: a member (not the head) of its unit.
        members = [self.members[u][1:] for u in unit_ids]
        width = min(len(m) for m in members)
        handler_matrix = [m[:width] for m in members]
        span_days = 700  # discovered between 2025-01-01 and about 2026-12
        self.q(
            """
            CREATE TEMP TABLE IF NOT EXISTS bench_clue_src (g int, unit_idx int, state text);
            TRUNCATE bench_clue_src;
            INSERT INTO bench_clue_src
            SELECT g, CASE WHEN g %% %(big)s = 0 THEN 0 ELSE 1 + (g / %(big)s + g) %% (%(nu)s - 1) END,
                   (%(states)s::text[])[1 + (g / 7) %% 9]
              FROM generate_series(%(start)s, %(stop)s - 1) g;
            """,
            {"big": BIG_UNIT_SHARE, "nu": UNITS, "states": CLUE_STATES, "start": start, "stop": stop},
        )
        self.q(
            """
            INSERT INTO xingji_clue (
                name, direction, state, company_id, source_unit_id, handler_id, handler_phone,
                date_discovered, date_received, source, main_problem, violation_facts, power_type,
                nature, no_proposal_confirmed, person_names,
                routing_rule_id, routed_unit_id, receiving_unit_id, transit_unit_id,
                date_submitted, date_transferred, date_accepted, date_fed_back, date_closed,
                date_deadline, return_reason, cancel_reason, disposal,
                deadline_reminded, deadline_escalated,
                create_uid, write_uid, create_date, write_date)
            SELECT CASE WHEN s.unit_idx >= %(nu)s - 5 THEN 'JS' ELSE 'YS' END || '-BENCH-' || lpad(s.g::text, 7, '0'),
                   d.direction, s.state, %(company)s, (%(units)s::int[])[1 + s.unit_idx], h.handler,
                   '0791-8' || lpad((s.g %% 1000000)::text, 6, '0'),
                   d.discovered, d.discovered - 2, (ARRAY['inspection','supervision','complaint','audit'])[1 + s.g %% 4],
                   '检查中发现的问题线索第' || s.g || '号：检查人员被反映接受企业宴请，对现场发现的缺陷未予记录。',
                   '违反《药品监督管理行政执法人员行为规范》第十二条。',
                   (ARRAY['inspection','licensing','punishment','sampling'])[1 + s.g %% 4],
                   (ARRAY['party_discipline','duty_violation','duty_crime','other'])[1 + s.g %% 4],
                   true, '人员' || s.g,
                   d.routing_rule_id, d.routed_unit_id, d.receiving_unit_id, d.transit_unit_id,
                   CASE WHEN s.state <> 'draft' AND NOT (s.state = 'cancelled' AND s.g %% 2 = 0)
                        THEN d.discovered + time '09:00' + interval '3 days' END,
                   CASE WHEN s.state IN ('transferred','accepted','returned','fed_back','closed')
                          OR (s.state = 'cancelled' AND s.g %% 2 = 1)
                        THEN d.discovered + time '10:00' + interval '6 days' END,
                   CASE WHEN s.state IN ('accepted','fed_back','closed') THEN d.discovered + interval '9 days' END,
                   CASE WHEN s.state IN ('fed_back','closed') THEN d.discovered + interval '40 days' END,
                   CASE WHEN s.state = 'closed' THEN d.discovered + interval '50 days' END,
                   CASE WHEN s.state IN ('draft','review','approval') THEN d.discovered + 15
                        WHEN s.state IN ('transferred','accepted') THEN d.discovered + 36 END,
                   CASE WHEN s.state = 'returned' THEN '材料不全，请补充后重新移送。' END,
                   CASE WHEN s.state = 'cancelled' THEN '重复线索。' END,
                   CASE WHEN s.state IN ('fed_back','closed')
                        THEN (ARRAY['case_filed','preliminary','talk','closed'])[1 + s.g %% 4] END,
                   true, true,
                   h.handler, h.handler, d.discovered + time '08:00', d.discovered + time '08:00'
              FROM bench_clue_src s
              CROSS JOIN LATERAL (
                  SELECT CASE WHEN s.unit_idx >= %(nu)s - 5 THEN 'to_supervision' ELSE 'to_discipline' END AS direction,
                         date '2025-01-01' + ((s.g::bigint * 7919) %% %(span)s)::int AS discovered
              ) dd
              CROSS JOIN LATERAL (
                  SELECT dd.direction, dd.discovered,
                         CASE WHEN dd.direction = 'to_discipline' THEN %(rr1)s::int ELSE %(rr2)s::int END AS routing_rule_id,
                         CASE WHEN dd.direction = 'to_discipline' THEN %(ru1)s::int ELSE %(ru2)s::int END AS routed_unit_id,
                         CASE WHEN dd.direction = 'to_discipline' THEN %(rc1)s::int ELSE %(rc2)s::int END AS receiving_unit_id,
                         CASE WHEN dd.direction = 'to_discipline' THEN %(tu1)s::int ELSE %(tu2)s::int END AS transit_unit_id
              ) d
              CROSS JOIN LATERAL (
                  SELECT (%(handlers)s::int[])[1 + s.unit_idx][1 + (s.g / %(nu)s) %% %(width)s] AS handler
              ) h
             ORDER BY s.g
            """,
            {
                "nu": UNITS, "company": self.company.id, "units": unit_ids, "span": span_days,
                "rr1": t["to_discipline"]["routing_rule_id"], "rr2": t["to_supervision"]["routing_rule_id"],
                "ru1": t["to_discipline"]["routed_unit_id"], "ru2": t["to_supervision"]["routed_unit_id"],
                "rc1": t["to_discipline"]["receiving_unit_id"], "rc2": t["to_supervision"]["receiving_unit_id"],
                "tu1": t["to_discipline"]["transit_unit_id"], "tu2": t["to_supervision"]["transit_unit_id"],
                "handlers": handler_matrix, "width": width,
            },
        )
        # Reported persons: one per clue, the name person_names shows.
        self.q(
            """
            INSERT INTO xingji_clue_person (clue_id, sequence, name, employer_post, cadre_rank, is_party_member,
                                            create_uid, write_uid, create_date, write_date)
            SELECT c.id, 10, '人员' || substring(c.name from '(\\d+)$')::int, '某检查分局 科员',
                   'below_division', true, c.create_uid, c.create_uid, c.create_date, c.create_date
              FROM xingji_clue c
             WHERE c.name LIKE '%%-BENCH-%%' AND NOT EXISTS (SELECT 1 FROM xingji_clue_person p WHERE p.clue_id = c.id)
            """
        )
        # A bureau leader is informed of every clue (extra_scope_user_ids),
        # so that the analysis covers all units.
        Clue = self.env["xingji.clue"]
        extra = Clue._fields["extra_scope_user_ids"]
        self.q(
            f"""
            INSERT INTO {extra.relation} ({extra.column1}, {extra.column2})
            SELECT c.id, %(leader)s FROM xingji_clue c
             WHERE c.name LIKE '%%-BENCH-%%'
               AND NOT EXISTS (SELECT 1 FROM {extra.relation} e WHERE e.{extra.column1} = c.id)
            """,
            {"leader": self.leaders[0]},
        )
        self.fill_scope()

    def fill_scope(self):
        """The route snapshot (``route_unit_ids``, ``route_user_ids``) and
        ``scope_user_ids`` as ``_compute_route_snapshot`` and
        ``_compute_scope_user_ids`` fill them, one statement each.

        Route: the source unit and its head; once received (or cancelled
        after transfer) the transit body and, unless it still holds the clue
        (转送 pending), the receiving body, with their members.  Scope:
        create_uid, handler, the route people, extra scope users, approvers
        (none here), the liaisons of the units the clue has reached, plus
        current grants (``gen_grants``), minus reported persons' users."""
        Clue = self.env["xingji.clue"]
        field = Clue._fields["scope_user_ids"]
        extra = Clue._fields["extra_scope_user_ids"]
        route_users, route_units = Clue._fields["route_user_ids"], Clue._fields["route_unit_ids"]
        rel, c1, c2 = field.relation, field.column1, field.column2
        received = ("(c.state IN ('transferred','accepted','returned','fed_back','closed')"
                    " OR (c.state = 'cancelled' AND c.date_transferred IS NOT NULL))")
        self.q(
            f"""
            CREATE TEMP TABLE IF NOT EXISTS bench_todo (id int PRIMARY KEY);
            TRUNCATE bench_todo;
            INSERT INTO bench_todo SELECT c.id FROM xingji_clue c
             WHERE c.name LIKE '%%-BENCH-%%' AND NOT EXISTS (SELECT 1 FROM {rel} r WHERE r.{c1} = c.id);
            INSERT INTO {route_units.relation} ({route_units.column1}, {route_units.column2})
            SELECT DISTINCT s.clue, s.unit FROM (
                SELECT c.id AS clue, c.source_unit_id AS unit FROM xingji_clue c JOIN bench_todo t ON t.id = c.id
                UNION ALL SELECT c.id, c.transit_unit_id FROM xingji_clue c JOIN bench_todo t ON t.id = c.id
                         WHERE {received}
                UNION ALL SELECT c.id, c.receiving_unit_id FROM xingji_clue c JOIN bench_todo t ON t.id = c.id
                         WHERE {received} AND c.transit_state IS DISTINCT FROM 'pending'
            ) s WHERE s.unit IS NOT NULL;
            INSERT INTO {route_users.relation} ({route_users.column1}, {route_users.column2})
            SELECT DISTINCT s.clue, s.u FROM (
                SELECT c.id AS clue, su.manager_id AS u FROM xingji_clue c JOIN bench_todo t ON t.id = c.id
                  JOIN xingji_unit su ON su.id = c.source_unit_id
                UNION ALL SELECT c.id, m.user_id FROM xingji_clue c JOIN bench_todo t ON t.id = c.id
                  JOIN {route_units.relation} ru ON ru.{route_units.column1} = c.id
                   AND ru.{route_units.column2} <> c.source_unit_id
                  JOIN xingji_unit_member_rel m ON m.unit_id = ru.{route_units.column2}
            ) s WHERE s.u IS NOT NULL;
            INSERT INTO {rel} ({c1}, {c2})
            SELECT DISTINCT s.clue, s.u FROM (
                SELECT c.id AS clue, c.create_uid AS u FROM xingji_clue c JOIN bench_todo t ON t.id = c.id
                UNION ALL SELECT c.id, c.handler_id FROM xingji_clue c JOIN bench_todo t ON t.id = c.id
                UNION ALL SELECT r.{route_users.column1}, r.{route_users.column2} FROM {route_users.relation} r
                          JOIN bench_todo t ON t.id = r.{route_users.column1}
                UNION ALL SELECT e.{extra.column1}, e.{extra.column2} FROM {extra.relation} e
                          JOIN bench_todo t ON t.id = e.{extra.column1}
                UNION ALL SELECT c.id, l.user_id FROM xingji_clue c JOIN bench_todo t ON t.id = c.id
                          JOIN xingji_unit_liaison_rel l ON l.unit_id = c.source_unit_id
                         WHERE c.state <> 'draft' OR c.date_submitted IS NOT NULL
                UNION ALL SELECT c.id, l.user_id FROM xingji_clue c JOIN bench_todo t ON t.id = c.id
                          JOIN xingji_unit_liaison_rel l ON l.unit_id = c.transit_unit_id
                         WHERE {received}
                UNION ALL SELECT c.id, l.user_id FROM xingji_clue c JOIN bench_todo t ON t.id = c.id
                          JOIN xingji_unit_liaison_rel l ON l.unit_id = c.receiving_unit_id
                         WHERE {received} AND c.transit_state IS DISTINCT FROM 'pending'
            ) s WHERE s.u IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM xingji_clue_person p WHERE p.clue_id = s.clue AND p.user_id = s.u)
            """
        )

    def gen_grants(self, count):
        """Access grants (xingji.access.grant) to users outside the scope,
        valid for a year; the grantee joins the scope as the ORM does."""
        say(f"grants: {count:,}")
        field = self.env["xingji.clue"]._fields["scope_user_ids"]
        self.q(
            f"""
            WITH picked AS (
                SELECT c.id AS clue, u.id AS usr, row_number() OVER () AS k
                  FROM (SELECT id, row_number() OVER (ORDER BY id) AS k FROM xingji_clue
                         WHERE name LIKE '%%-BENCH-%%' ORDER BY id DESC LIMIT %(n)s) c
                  JOIN (SELECT unnest(%(users)s::int[]) AS id, generate_subscripts(%(users)s::int[], 1) AS k) u
                    ON u.k = 1 + c.k %% %(nusers)s
                 WHERE NOT EXISTS (SELECT 1 FROM {field.relation} r WHERE r.{field.column1} = c.id
                                   AND r.{field.column2} = u.id)
            ), g AS (
                INSERT INTO xingji_access_grant (res_model, res_id, user_id, date_end, active, reason,
                                                 create_uid, write_uid, create_date, write_date)
                SELECT 'xingji.clue', clue, usr, CURRENT_DATE + 365, true, '因工作需要查阅',
                       %(uid)s, %(uid)s, now(), now() FROM picked
                RETURNING res_id, user_id
            )
            INSERT INTO {field.relation} ({field.column1}, {field.column2}) SELECT res_id, user_id FROM g
            """,
            {"n": count, "users": self.discipline_users + self.supervision_users,
             "nusers": len(self.discipline_users + self.supervision_users), "uid": self.env.uid},
        )

    # --------------------------------------------------------------- tasks
    def gen_tasks(self, start, stop):
        """Rectification tasks [start, stop) over the 50 units; deadlines
        from a year ago to a year ahead; the daily cron has run before, so
        only one open task in 500 still needs a reminder or an escalation."""
        say(f"rectification tasks {start:,}..{stop:,}")
        unit_ids = self.units.ids
        members = [self.members[u][1:] for u in unit_ids]
        width = min(len(m) for m in members)
        self.q(
            """
            INSERT INTO xingji_rectification (
                reference, name, state, priority, responsible_unit_id, responsible_user_id, issuer_unit_id,
                verifier_id, company_id, problem, date_deadline, source_kind,
                date_submitted, date_done, verified_by_id, deadline_reminded, deadline_escalated,
                create_uid, write_uid, create_date, write_date)
            SELECT 'ZG-BENCH-' || lpad(g::text, 7, '0'), '整改任务 ' || g, st.state, (g %% 10 = 0)::int::text,
                   (%(units)s::int[])[1 + g %% %(nu)s], (%(handlers)s::int[])[1 + g %% %(nu)s][1 + (g / %(nu)s) %% %(w)s],
                   %(issuer)s, %(verifier)s, %(company)s, '检查发现的问题第' || g || '项', dl.d, 'other',
                   CASE WHEN st.state IN ('submitted','done') THEN dl.d - 3 + time '10:00' END,
                   CASE WHEN st.state = 'done' THEN dl.d - 1 + time '10:00' END,
                   CASE WHEN st.state = 'done' THEN %(verifier)s END,
                   dl.d <= CURRENT_DATE + 4 AND g %% 500 <> 0,
                   dl.d < CURRENT_DATE AND g %% 500 <> 0,
                   %(uid)s, %(uid)s, now(), now()
              FROM generate_series(%(start)s, %(stop)s - 1) g
              CROSS JOIN LATERAL (SELECT (ARRAY['todo','todo','todo','doing','doing','doing','submitted','done',
                                                'done','cancelled'])[1 + (g / 3) %% 10] AS state) st
              CROSS JOIN LATERAL (SELECT CURRENT_DATE - 365 + ((g::bigint * 7919) %% 730)::int AS d) dl
            """,
            {"units": unit_ids, "nu": UNITS, "handlers": [m[:width] for m in members], "w": width,
             "issuer": self.supervision.id, "verifier": self.supervision_users[1], "company": self.company.id,
             "uid": self.supervision_users[0], "start": start, "stop": stop},
        )

    # ---------------------------------------------------------- access log
    def gen_log(self, start, stop):
        """Access-log rows [start, stop) written and chained exactly as
        ``_log`` writes them and ``_sequence_pending`` chains them (same
        payload, same keyed hashes, the module's own functions), streamed to
        COPY in chunks."""
        from odoo.addons.xingji_linkage.models import xingji_access_log as access_log

        say(f"access-log rows {start:,}..{stop:,}")
        self.cr.execute("SELECT count(*) FROM xingji_access_log WHERE sequence IS NULL")
        if self.cr.fetchone()[0]:
            self.env["xingji.access.log"]._sequence_pending(wait=True)
        self.cr.execute(
            "SELECT sequence, entry_hash FROM xingji_access_log WHERE sequence IS NOT NULL"
            " ORDER BY sequence DESC LIMIT 1"
        )
        sequence, previous = self.cr.fetchone() or (0, "")
        self.cr.execute("SELECT id, name FROM xingji_clue WHERE name LIKE '%%-BENCH-%%' ORDER BY id LIMIT 5000")
        clues = self.cr.fetchall()
        users = self.user_ids
        base = datetime(2025, 1, 1)
        key = access_log.log_key()
        kid = access_log.key_id(key)
        columns = ("date", "user_id", "res_model", "res_id", "res_name", "action", "detail", "ip_address",
                   "content_hash", "key_id", "sequence", "previous_hash", "entry_hash",
                   "create_uid", "write_uid", "create_date", "write_date")
        chunk = 50_000
        for lo in range(start, stop, chunk):
            buf = io.StringIO()
            for g in range(lo, min(lo + chunk, stop)):
                clue_id, clue_name = clues[g % len(clues)]
                moment = base + timedelta(seconds=g * 30)
                vals = {"date": moment, "user_id": users[g % len(users)], "res_model": "xingji.clue",
                        "res_id": clue_id, "res_name": clue_name, "action": "open", "detail": False,
                        "ip_address": "10.0.0.1"}
                content_hash = access_log.digest(key, access_log.payload(vals))
                sequence += 1
                entry_hash = access_log.digest(key, access_log.chain_text(sequence, previous, content_hash))
                stamp = moment.strftime("%Y-%m-%d %H:%M:%S")
                buf.write("\t".join((stamp, str(vals["user_id"]), "xingji.clue", str(clue_id), clue_name, "open",
                                     "\\N", "10.0.0.1", content_hash, kid, str(sequence), previous or "",
                                     entry_hash, str(vals["user_id"]), str(vals["user_id"]), stamp, stamp)) + "\n")
                previous = entry_hash
            buf.seek(0)
            self.cr._obj.copy_expert(f"COPY xingji_access_log ({', '.join(columns)}) FROM STDIN", buf)
            if (lo - start) % 200_000 == 0:
                say(f"  access log {min(lo + chunk, stop):,}")

    def generate(self, frac_from, frac_to):
        def rng(key):
            return int(self.n[key] * frac_from), int(self.n[key] * frac_to)

        # Bulk load as PostgreSQL advises: trigram (GIN) indexes are built
        # once afterwards, not updated row by row (ten times faster here).
        self.cr.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN"
            " ('xingji_clue', 'xingji_rectification', 'xingji_access_log') AND indexdef LIKE '%% USING gin %%'"
        )
        gin = self.cr.fetchall()
        for name, _definition in gin:
            self.cr.execute(f'DROP INDEX "{name}"')
        self.gen_clues(*rng("clues"))
        self.gen_grants(max(int(self.n["users"] * (frac_to - frac_from) / 5), 1))
        self.gen_tasks(*rng("tasks"))
        self.gen_log(*rng("logs"))
        say("building the trigram indexes, ANALYZE")
        for _name, definition in gin:
            self.cr.execute(definition)
        self.cr.execute("ANALYZE")
        self.env.invalidate_all()

    def check_sample(self):
        """The ORM recomputes a sample of generated rows: same values, and
        the constraints of the models accept them."""
        env = self.env
        Clue = env["xingji.clue"]
        self.cr.execute("SELECT id FROM xingji_clue WHERE name LIKE '%%-BENCH-%%' ORDER BY random() LIMIT 200")
        clues = Clue.browse([r[0] for r in self.cr.fetchall()])
        names = ["route_unit_ids", "route_user_ids", "scope_user_ids", "person_names", "routing_rule_id", "routed_unit_id", "receiving_unit_id",
                 "transit_unit_id"]
        stored = {c.id: {f: c[f] for f in names} for c in clues}
        for fname in names:
            env.add_to_compute(Clue._fields[fname], clues)
        clues._recompute_recordset(names)
        bad = [(c.id, f) for c in clues for f in names if c[f] != stored[c.id][f]]
        if bad:
            raise SystemExit(f"Generated clues differ from the ORM's computation: {bad[:10]}")
        clues._validate_fields(list(Clue._fields))
        tasks = env["xingji.rectification"].search([], limit=200, order="id desc")
        tasks._validate_fields(list(tasks._fields))
        say("sample of 200 clues recomputed by the ORM: identical; constraints pass")

    # ---------------------------------------------------------- measuring
    def row(self, figure, measured, baseline, target, unit="s"):
        if baseline:
            ratio = measured / baseline
            ok = target is None or ratio <= target
            ratio_text = f"{ratio:.2f}×"
        else:
            ratio, ok, ratio_text = None, True, "-"
        fmt = (lambda v: f"{v * 1000:.1f} ms") if unit == "s" else (lambda v: str(v))
        self.rows.append((figure, fmt(measured), fmt(baseline) if baseline else "", ratio_text,
                          f"≤ {target}×" if target else "", "ok" if ok else "MISSED"))
        say(f"{figure}: {fmt(measured)} vs {fmt(baseline) if baseline else '-'} ({ratio_text})")

    def note(self, figure, measured, baseline="", ratio="", target="", ok=True):
        self.rows.append((figure, measured, baseline, ratio, target, "ok" if ok else "MISSED"))
        say(f"{figure}: {measured} {baseline} {ratio}")

    def specs(self, model, view_type):
        from lxml import etree

        views = self.env[model].get_views([(False, view_type)])
        arch = etree.fromstring(views["views"][view_type]["arch"])
        fields = views["models"][model]["fields"]
        spec = {}
        for node in arch.iter("field"):
            # fields of sub-views (x2many lists) belong to their own model
            if any(p.tag == "field" for p in node.iterancestors()):
                continue
            name = node.get("name")
            if name not in fields:
                continue
            ftype = fields[name]["type"]
            if ftype == "many2one":
                spec[name] = {"fields": {"display_name": {}}}
            elif ftype in ("one2many", "many2many"):
                spec[name] = {"fields": {"display_name": {}}}
            else:
                spec[name] = {}
        return spec

    def count_queries(self, fn):
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        fn()
        return self.cr.sql_log_count - before

    def pick_users(self):
        env = self.env
        unit0 = self.units[0]
        # the handler with most clues of the big unit (a busy 经办人)
        self.cr.execute(
            "SELECT handler_id FROM xingji_clue WHERE source_unit_id = %s GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
            (unit0.id,),
        )
        self.handler = env["res.users"].browse(self.cr.fetchone()[0])
        self.leader = env["res.users"].browse(self.leaders[0])
        self.cr.execute(
            "SELECT max(id) FROM xingji_clue WHERE handler_id = %s AND state = 'accepted'", (self.handler.id,)
        )
        self.form_clue_id = self.cr.fetchone()[0]

    def measure_counts(self, stage):
        """Query counts that must not depend on the volume."""
        Clue = self.env["xingji.clue"]
        form_spec = self.specs("xingji.clue", "form")
        clue = Clue.with_user(self.handler).browse(self.form_clue_id)
        clue.web_read(form_spec)  # warm caches
        form = self.count_queries(lambda: clue.web_read(form_spec))
        Task = self.env["xingji.rectification"].with_user(self.members[self.units[0].id][1])
        kanban_spec = self.specs("xingji.rectification", "kanban")

        def kanban():
            groups = Task.web_read_group([], ["state"], ["state"], lazy=True)["groups"]
            for group in groups:
                Task.web_search_read(group["__domain"], kanban_spec, limit=40)

        kanban()
        kb = self.count_queries(kanban)
        self.cr.execute("SELECT count(*) FROM xingji_rectification WHERE responsible_unit_id = %s",
                        (self.units[0].id,))
        tasks = self.cr.fetchone()[0]
        self.cr.execute("SELECT count(*) FROM xingji_clue")
        clues = self.cr.fetchone()[0]
        say(f"[{stage}] clue form: {form} queries ({clues:,} clues); kanban: {kb} queries ({tasks:,} tasks)")
        return {"form": form, "kanban": kb, "clues": clues, "tasks": tasks}

    def measure_list(self):
        Clue = self.env["xingji.clue"]
        spec = self.specs("xingji.clue", "list")
        scoped = Clue.with_user(self.handler)
        sup = Clue.sudo()
        inv = self.env.invalidate_all
        scoped.web_search_read([], spec, limit=80)
        sup.web_search_read([], spec, limit=80)
        res = scoped.web_search_read([], spec, limit=80)
        t_user, t_su = timed_pair(lambda: scoped.web_search_read([], spec, limit=80),
                                  lambda: sup.web_search_read([], spec, limit=80), before=inv)
        self.row(f"clue list, 80 rows: 经办人 (sees {res['length']:,}) vs superuser", t_user, t_su, 1.5)

    def measure_form(self, counts):
        Clue = self.env["xingji.clue"]
        spec = self.specs("xingji.clue", "form")
        clue = Clue.with_user(self.handler).browse(self.form_clue_id)
        sup = Clue.sudo().browse(self.form_clue_id)
        inv = self.env.invalidate_all
        clue.web_read(spec)
        sup.web_read(spec)
        t_user, t_su = timed_pair(lambda: clue.web_read(spec), lambda: sup.web_read(spec), before=inv)
        self.row("clue form (web_read): scoped 经办人 vs superuser", t_user, t_su, 1.5)
        a, b = counts
        self.note("clue form: queries at 10 % vs 100 % volume", f"{b['form']} ({b['clues']:,} clues)",
                  f"{a['form']} ({a['clues']:,} clues)", "same" if a["form"] == b["form"] else "DIFFERENT",
                  "same", a["form"] == b["form"])
        self.note("rectification kanban of one unit: queries", f"{b['kanban']} ({b['tasks']:,} tasks)",
                  f"{a['kanban']} ({a['tasks']:,} tasks)", "same" if a["kanban"] == b["kanban"] else "DIFFERENT",
                  "same", a["kanban"] == b["kanban"])

    def measure_logging(self):
        """A form open with logging vs the same open with ``_log`` switched
        off by a monkeypatch in this process only (whatever ``_log`` does:
        chain at once or insert now and chain later), run alternately."""
        Clue = self.env["xingji.clue"]
        spec = self.specs("xingji.clue", "form")
        clue = Clue.with_user(self.handler).browse(self.form_clue_id)
        inv = self.env.invalidate_all
        registry_cls = type(self.env["xingji.access.log"])
        assert any("_log" in vars(cls) for cls in registry_cls.__mro__)
        written = []

        def with_log():
            clue.web_read(spec)
            self.env.flush_all()

        def count_written():
            self.cr.execute("SELECT count(*) FROM xingji_access_log")
            before = self.cr.fetchone()[0]
            inv()
            with_log()
            self.cr.execute("SELECT count(*) FROM xingji_access_log")
            written.append(self.cr.fetchone()[0] - before)

        def without_log():
            registry_cls._log = lambda self_, records, action, detail=None: self_.browse()
            try:
                clue.web_read(spec)
                self.env.flush_all()
            finally:
                del registry_cls._log

        t_log, t_nolog = timed_pair(with_log, without_log, before=inv)
        count_written()
        self.row(f"form open with access log ({written[0]} row written per opening) vs without", t_log, t_nolog, 1.2)

    def measure_quarterly(self):
        Table = self.env["xingji.statistics.table"].with_user(self.leader)
        unit = self.units[0]
        self.cr.execute(
            "SELECT extract(year FROM date_transferred)::int, extract(quarter FROM date_transferred)::int, count(*)"
            " FROM xingji_clue WHERE source_unit_id = %s AND date_transferred IS NOT NULL GROUP BY 1, 2"
            " ORDER BY 3 DESC LIMIT 1", (unit.id,))
        year, quarter, _n = self.cr.fetchone()
        start, end = Table._quarter_bounds(year, quarter)
        inv = self.env.invalidate_all
        Table._collect_sections(unit, year, quarter)
        t_orm, sections = timed(lambda: Table._collect_sections(unit, year, quarter), before=inv)
        field = self.env["xingji.clue"]._fields["scope_user_ids"]
        sql = f"""
            SELECT c.id, c.name, c.date_transferred, c.main_problem, c.nature, ru.name,
                   string_agg(p.name || '（' || coalesce(p.employer_post, '') || '）', '；' ORDER BY p.id)
              FROM xingji_clue c
              JOIN {field.relation} s ON s.{field.column1} = c.id AND s.{field.column2} = %(uid)s
              LEFT JOIN xingji_unit ru ON ru.id = c.receiving_unit_id
              LEFT JOIN xingji_clue_person p ON p.clue_id = c.id
             WHERE c.source_unit_id = %(unit)s AND c.date_transferred >= %(start)s AND c.date_transferred < %(end)s
             GROUP BY c.id, ru.name ORDER BY c.date_transferred, c.id
        """
        params = {"uid": self.leader.id, "unit": unit.id, "start": start, "end": end}

        def run_sql():
            self.cr.execute(sql, params)
            return self.cr.fetchall()

        t_sql, rows = timed(run_sql)
        assert len(rows) == len(sections[0]["rows"]), (len(rows), len(sections[0]["rows"]))
        self.cr.execute("SELECT count(*) FROM xingji_clue WHERE source_unit_id = %s", (unit.id,))
        total = self.cr.fetchone()[0]
        self.row(f"quarterly table {year} Q{quarter}, unit of {total:,} clues ({len(rows):,} rows) vs SQL",
                 t_orm, t_sql, 3)

    def measure_pivot(self):
        Report = self.env["xingji.clue.report"].with_user(self.leader)
        year = 2025
        domain = [("date_transferred", ">=", f"{year}-01-01"), ("date_transferred", "<", f"{year + 1}-01-01")]
        aggregates = ["referral_count:sum", "accepted_count:sum", "returned_count:sum", "fed_back_count:sum",
                      "overdue_count:sum", "days_to_transfer:avg", "days_to_accept:avg", "days_to_feedback:avg"]
        inv = self.env.invalidate_all

        def orm():
            return Report.read_group(domain, aggregates, ["source_unit_id", "state"], lazy=False)

        orm()
        t_orm, groups = timed(orm, before=inv)
        field = self.env["xingji.clue"]._fields["scope_user_ids"]
        sql = f"""
            SELECT r.source_unit_id, r.state, count(*), sum(referral_count), sum(accepted_count),
                   sum(returned_count), sum(fed_back_count), sum(overdue_count), avg(days_to_transfer),
                   avg(days_to_accept), avg(days_to_feedback)
              FROM xingji_clue_report r
             WHERE r.date_transferred >= %(a)s AND r.date_transferred < %(b)s
               AND EXISTS (SELECT 1 FROM {field.relation} s WHERE s.{field.column1} = r.clue_id
                           AND s.{field.column2} = %(uid)s)
             GROUP BY 1, 2
        """
        params = {"a": f"{year}-01-01", "b": f"{year + 1}-01-01", "uid": self.leader.id}

        def run_sql():
            self.cr.execute(sql, params)
            return self.cr.fetchall()

        t_sql, rows = timed(run_sql)
        assert len(rows) == len(groups), (len(rows), len(groups))
        n = sum(r[2] for r in rows)
        self.row(f"referral analysis pivot, all units, {year} ({n:,} clues) vs SQL", t_orm, t_sql, 3)

    def measure_cron(self):
        """The daily deadline cron.  Its first run catches up (creates the
        activities of every task due or overdue, in one batched create);
        every later day it scans the open tasks again: that daily scan is
        compared with a SQL scan of the same filter."""
        Task = self.env["xingji.rectification"]
        today = date.today()
        soon = self.env["xingji.holiday"].add_working_days(today, 2)
        sql = """
            SELECT id FROM xingji_rectification
             WHERE state IN ('todo', 'doing')
               AND ((date_deadline <= %(soon)s AND NOT deadline_reminded)
                    OR (date_deadline < %(today)s AND NOT deadline_escalated))
        """

        def run_sql():
            self.cr.execute(sql, {"soon": soon, "today": today})
            return self.cr.fetchall()

        t_sql, rows = timed(run_sql)
        self.cr.execute("SELECT count(*) FROM xingji_rectification WHERE state IN ('todo', 'doing')")
        open_tasks = self.cr.fetchone()[0]
        self.cr.execute("SELECT count(*) FROM mail_activity")
        before = self.cr.fetchone()[0]
        self.env.invalidate_all()
        queries = self.cr.sql_log_count
        t = time.perf_counter()
        Task._cron_deadline_reminders()
        self.env.flush_all()
        t_first = time.perf_counter() - t
        queries = self.cr.sql_log_count - queries
        self.cr.execute("SELECT count(*) FROM mail_activity")
        activities = self.cr.fetchone()[0] - before
        # Reported, no target: the activities are created in one batched
        # ``create``; what grows with them is mail's follower subscription.
        self.note(f"deadline cron catching up: {len(rows):,} tasks due → {activities:,} activities",
                  f"{t_first * 1000:.0f} ms, {queries} queries", "one create", "", "(reported)", True)
        t_sql, _rows = timed(run_sql)
        t_cron, _r = timed(lambda: (Task._cron_deadline_reminders(), self.env.flush_all()),
                           before=self.env.invalidate_all)
        self.row(f"deadline cron, daily run over {open_tasks:,} open tasks vs SQL scan", t_cron, t_sql, 3)

    def measure_verify(self, stage):
        """``_verify_chain`` in a fresh process: time and peak RSS."""
        code = (
            "import resource, sys, time, odoo\n"
            "from odoo import api, SUPERUSER_ID\n"
            f"odoo.tools.config.parse_config(['--addons-path', {self.addons_path!r}, '-d', {self.db!r},"
            " '--log-level', 'warn'])\n"
            f"reg = odoo.modules.registry.Registry({self.db!r})\n"
            "with reg.cursor() as cr:\n"
            "    env = api.Environment(cr, SUPERUSER_ID, {})\n"
            "    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "    t = time.perf_counter()\n"
            "    problems = env['xingji.access.log']._verify_chain()\n"
            "    dt = time.perf_counter() - t\n"
            "    cr.execute('SELECT count(*) FROM xingji_access_log')\n"
            "    print(cr.fetchone()[0], dt, rss0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(problems))\n"
        )
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                             cwd="/").stdout.split()
        count, dt, rss0, rss1, problems = int(out[0]), float(out[1]), int(out[2]), int(out[3]), int(out[4])
        say(f"[{stage}] verify {count:,} log rows: {dt:.1f} s, peak RSS {rss1 / 1024:.0f} MB"
            f" (before {rss0 / 1024:.0f} MB), {problems} problems")
        if problems:
            raise SystemExit("The generated access log does not verify")
        return {"count": count, "time": dt, "rss0": rss0, "rss1": rss1}

    def verify_rows(self, a, b):
        per_million = b["time"] / b["count"] * 1_000_000
        growth_a = (a["rss1"] - a["rss0"]) / 1024
        growth_b = (b["rss1"] - b["rss0"]) / 1024
        constant = growth_b <= max(2 * growth_a, growth_a + 50)
        self.note(f"access-log verification: {b['count']:,} rows", f"{b['time']:.1f} s ({per_million:.1f} s / million)",
                  f"{a['count']:,} rows: {a['time']:.1f} s", "", "streaming", True)
        self.note("verification peak RSS (growth during verify)",
                  f"{b['rss1'] / 1024:.0f} MB (+{growth_b:.0f} MB)",
                  f"{a['rss1'] / 1024:.0f} MB (+{growth_a:.0f} MB)",
                  "constant" if constant else "GROWS", "constant", constant)

    def print_table(self):
        head = ("Figure", "Measured", "Baseline", "Ratio", "Target", "")
        widths = [max(_width(str(r[i])) for r in [head, *self.rows]) for i in range(6)]
        line = "+".join("-" * (w + 2) for w in widths)
        print()
        print(f"行纪贯通 benchmark — {datetime.now():%Y-%m-%d %H:%M} — {os.uname().nodename}, "
              f"{os.cpu_count()} CPUs — clues {self.n['clues']:,}, tasks {self.n['tasks']:,}, "
              f"log rows {self.n['logs']:,}, users {self.n['users']:,}")
        for i, r in enumerate([head, *self.rows]):
            print(" | ".join(str(c) + " " * (w - _width(str(c))) for c, w in zip(r, widths)))
            if i == 0:
                print(line)
        return all(r[5] == "ok" for r in self.rows)


def _width(text):
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full volume (e.g. 0.05)")
    parser.add_argument("--db", default=f"xj_bench_{os.getpid()}", help="database to create (must not exist)")
    parser.add_argument("--addons-path", help="default: the installed Odoo's addons path plus odoo_addons")
    parser.add_argument("--template", help=argparse.SUPPRESS)
    parser.add_argument("--install-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    opts = parser.parse_args()
    opts.addons_path = opts.addons_path or default_addons_path()

    import odoo
    from odoo import SUPERUSER_ID, api

    registry = install(opts)
    if opts.install_only:
        return 0
    ok = False
    try:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tz": "Asia/Shanghai"})
            bench = Bench(env, opts.scale)
            bench.db, bench.addons_path = opts.db, opts.addons_path
            say(f"installed; generating {bench.n}")
            bench.setup_orm()
            bench.gen_users()
            bench.templates()
            bench.generate(0.0, 0.1)
            bench.pick_users()
            cr.commit()
            counts_small = bench.measure_counts("10 %")
            verify_small = bench.measure_verify("10 %")
            bench.generate(0.1, 1.0)
            bench.check_sample()
            cr.commit()
            counts_full = bench.measure_counts("100 %")
            verify_full = bench.measure_verify("100 %")
            say("measuring")
            bench.measure_list()
            bench.measure_form((counts_small, counts_full))
            bench.measure_logging()
            bench.measure_quarterly()
            bench.measure_pivot()
            bench.measure_cron()
            bench.verify_rows(verify_small, verify_full)
            cr.rollback()
            ok = bench.print_table()
            print(f"peak RSS of the bench process: "
                  f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; total {time.perf_counter() - T0:.0f} s")
    finally:
        odoo.modules.registry.Registry.delete(opts.db)
        if not opts.keep:
            odoo.sql_db.close_all()
            odoo.service.db.exp_drop(opts.db)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
