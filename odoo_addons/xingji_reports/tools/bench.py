# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bulk data for the statistics benchmark and the query-count tests.

Clues are inserted with plain SQL (thousands per second) as transferred
referrals, each with one reported person, and with the given users in their
knowledge scope.  Use it only in a transaction that is rolled back, or in a
throwaway database: the rows skip the workflow, the chatter and the
sequences.
"""
from datetime import timedelta

from odoo.tools import SQL

from odoo.addons.xingji_linkage.models.xingji_clue import CLUE_NATURES

NATURES = [key for key, _label in CLUE_NATURES]


def insert_clues(env, count, source_units, receiving_unit, scope_users, date_from, date_to, prefix="BENCH"):
    """Insert ``count`` transferred clues spread over [date_from, date_to)
    and round-robin over ``source_units``; return the new ids."""
    Clue = env["xingji.clue"]
    env.flush_all()
    span = max(int((date_to - date_from).total_seconds()), 1)
    step = max(span // max(count, 1), 1)
    unit_ids = source_units.ids
    rows = env.execute_query(
        SQL(
            """
            INSERT INTO xingji_clue (
                name, direction, state, company_id, source_unit_id, receiving_unit_id,
                date_discovered, date_received, date_submitted, date_transferred,
                main_problem, nature, source, power_type,
                create_uid, write_uid, create_date, write_date)
            SELECT %(prefix)s || '-' || lpad(g::text, 6, '0'), 'to_discipline', 'transferred',
                   %(company)s, (%(units)s)[1 + mod(g, %(nunits)s)], %(receiving)s,
                   (%(start)s::timestamp + (g * %(step)s) * interval '1 second')::date - 10,
                   (%(start)s::timestamp + (g * %(step)s) * interval '1 second')::date - 12,
                   %(start)s::timestamp + (g * %(step)s) * interval '1 second' - interval '3 days',
                   %(start)s::timestamp + (g * %(step)s) * interval '1 second',
                   '检查中发现的问题线索第' || g || '号：检查人员被反映接受企业宴请并对缺陷未予记录。',
                   (%(natures)s)[1 + mod(g, 4)], 'inspection', 'inspection',
                   %(uid)s, %(uid)s, now() at time zone 'UTC', now() at time zone 'UTC'
              FROM generate_series(0, %(count)s - 1) AS g
            RETURNING id
            """,
            prefix=prefix,
            company=receiving_unit.company_id.id or env.company.id,
            units=unit_ids,
            nunits=len(unit_ids),
            receiving=receiving_unit.id,
            start=date_from,
            step=step,
            natures=NATURES,
            uid=env.uid,
            count=count,
        )
    )
    ids = [row[0] for row in rows]
    env.execute_query(
        SQL(
            """
            INSERT INTO xingji_clue_person (clue_id, sequence, name, employer_post, cadre_rank,
                                            is_party_member, create_uid, write_uid, create_date, write_date)
            SELECT id, 10, '人员' || id, '某检查分局 科员', 'below_division', true,
                   %(uid)s, %(uid)s, now() at time zone 'UTC', now() at time zone 'UTC'
              FROM unnest(%(ids)s) AS id
            """,
            ids=ids,
            uid=env.uid,
        )
    )
    field = Clue._fields["scope_user_ids"]
    env.execute_query(
        SQL(
            "INSERT INTO %s (%s, %s) SELECT c, u FROM unnest(%s) AS c CROSS JOIN unnest(%s) AS u",
            SQL.identifier(field.relation),
            SQL.identifier(field.column1),
            SQL.identifier(field.column2),
            ids,
            scope_users.ids,
        )
    )
    env.invalidate_all()
    return ids


def quarter_span(year, quarter):
    """Naive UTC datetimes comfortably inside the quarter (day 2 to day -2)."""
    from datetime import datetime

    start = datetime(year, 3 * (quarter - 1) + 1, 2)
    end_month = 3 * quarter + 1
    end = datetime(year + (end_month > 12), (end_month - 1) % 12 + 1, 1) - timedelta(days=2)
    return start, end
