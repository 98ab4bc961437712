# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.xingji_linkage.models.xingji_clue import OPEN_STATES

# Working-day calendar of the analysis: the company-wide days of
# xingji.holiday (calendar_id empty) over a Monday-to-Friday week, in China's
# time zone.
REPORT_TZ = "Asia/Shanghai"


def _local_date(column):
    return f"(({column}) AT TIME ZONE 'UTC' AT TIME ZONE '{REPORT_TZ}')::date"


# Working-day calendar as a cumulative count: ``n`` is the number of working
# days from the calendar's first day up to ``day``, so the working days after
# a start date up to an end date are one subtraction of two hash-joined rows.
# Counting day by day with a sub-select per clue (the former way) took about
# 10 ms per clue: minutes for a year of a province's referrals (scripts/bench).
_CALENDAR = """
    SELECT d::date AS day,
           sum(CASE WHEN w.date IS NOT NULL THEN 1
                    WHEN h.date IS NOT NULL THEN 0
                    WHEN extract(isodow FROM d) < 6 THEN 1 ELSE 0 END) OVER (ORDER BY d) AS n
      FROM generate_series(date '1990-01-01', (CURRENT_DATE + 7300)::timestamp, interval '1 day') AS d
      LEFT JOIN (SELECT DISTINCT date FROM xingji_holiday
                  WHERE calendar_id IS NULL AND kind = 'workday') w ON w.date = d::date
      LEFT JOIN (SELECT DISTINCT date FROM xingji_holiday
                  WHERE calendar_id IS NULL AND kind = 'holiday') h ON h.date = d::date
"""


def _working_days(start, end):
    """SQL: working days after ``start`` up to ``end`` (aliases of the
    calendar joined on the two dates); 0 when ``end`` is before ``start``,
    empty when either date is (a stage not reached yet counts in no average:
    GREATEST alone would turn it into 0)."""
    return f"CASE WHEN {start}.n IS NULL OR {end}.n IS NULL THEN NULL ELSE GREATEST({end}.n - {start}.n, 0) END"


class XingjiClueReport(models.Model):
    """Referral analysis: one row per clue with counters and the working
    days spent in each stage, for pivot and graph views and the summary
    XLSX.  Rows follow their clue's knowledge scope (global record rule)."""

    _name = "xingji.clue.report"
    _description = "Clue Referral Analysis"
    _auto = False
    _rec_name = "name"
    _order = "date_transferred desc, id desc"

    clue_id = fields.Many2one("xingji.clue", readonly=True)
    name = fields.Char(string="Reference", readonly=True)
    direction = fields.Selection(selection="_selection_direction", readonly=True)
    state = fields.Selection(selection="_selection_state", string="Status", readonly=True)
    nature = fields.Selection(selection="_selection_nature", readonly=True)
    source = fields.Selection(selection="_selection_source", string="Clue Source", readonly=True)
    power_type = fields.Selection(selection="_selection_power_type", readonly=True)
    source_unit_id = fields.Many2one("xingji.unit", string="Transferring Unit", readonly=True)
    receiving_unit_id = fields.Many2one("xingji.unit", string="Receiving Body", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_discovered = fields.Date(string="Discovered On", readonly=True)
    date_transferred = fields.Datetime(string="Transferred On", readonly=True)
    referral_count = fields.Integer(string="Referrals Made", readonly=True)
    accepted_count = fields.Integer(string="Accepted", readonly=True)
    returned_count = fields.Integer(string="Returned", readonly=True)
    fed_back_count = fields.Integer(string="Fed Back", readonly=True)
    overdue_count = fields.Integer(string="Overdue", readonly=True)
    days_to_transfer = fields.Float(
        string="Working Days to Transfer", readonly=True, aggregator="avg",
        help="From discovery to transfer (due within 15 working days).",
    )
    days_to_accept = fields.Float(string="Working Days to Accept", readonly=True, aggregator="avg")
    days_to_feedback = fields.Float(string="Working Days to Feed Back", readonly=True, aggregator="avg")

    def _clue_selection(self, name):
        return self.env["xingji.clue"]._fields[name]._description_selection(self.env)

    @api.model
    def _selection_direction(self):
        return self._clue_selection("direction")

    @api.model
    def _selection_state(self):
        return self._clue_selection("state")

    @api.model
    def _selection_nature(self):
        return self._clue_selection("nature")

    @api.model
    def _selection_source(self):
        return self._clue_selection("source")

    @api.model
    def _selection_power_type(self):
        return self._clue_selection("power_type")

    def _query(self):
        transferred = _local_date("c.date_transferred")
        accepted = _local_date("c.date_accepted")
        fed_back = _local_date("c.date_fed_back")
        open_states = ", ".join(f"'{state}'" for state in OPEN_STATES)
        return f"""
            WITH calendar AS ({_CALENDAR})
            SELECT c.id AS id, c.id AS clue_id, c.name, c.direction, c.state, c.nature, c.source,
                   c.power_type, c.source_unit_id, c.receiving_unit_id, c.company_id,
                   c.date_discovered, c.date_transferred,
                   (c.date_transferred IS NOT NULL)::int AS referral_count,
                   (c.date_accepted IS NOT NULL)::int AS accepted_count,
                   (c.state = 'returned' OR c.return_reason IS NOT NULL)::int AS returned_count,
                   (c.date_fed_back IS NOT NULL)::int AS fed_back_count,
                   (c.date_deadline < CURRENT_DATE AND c.state IN ({open_states}))::int AS overdue_count,
                   {_working_days("k_dis", "k_tra")} AS days_to_transfer,
                   {_working_days("k_tra", "k_acc")} AS days_to_accept,
                   {_working_days("k_acc", "k_fed")} AS days_to_feedback
              FROM xingji_clue c
              LEFT JOIN calendar k_dis ON k_dis.day = c.date_discovered
              LEFT JOIN calendar k_tra ON k_tra.day = {transferred}
              LEFT JOIN calendar k_acc ON k_acc.day = {accepted}
              LEFT JOIN calendar k_fed ON k_fed.day = {fed_back}
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), SQL(self._query())))
