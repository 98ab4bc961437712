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


def _working_days(start, end):
    """SQL: working days after ``start`` up to ``end`` (both dates)."""
    return f"""
        CASE WHEN {start} IS NULL OR {end} IS NULL THEN NULL ELSE (
            SELECT count(*) FROM generate_series(({start} + 1)::timestamp, ({end})::timestamp, interval '1 day') AS d
             WHERE CASE
                WHEN EXISTS (SELECT 1 FROM xingji_holiday h
                              WHERE h.date = d::date AND h.calendar_id IS NULL AND h.kind = 'workday') THEN true
                WHEN EXISTS (SELECT 1 FROM xingji_holiday h
                              WHERE h.date = d::date AND h.calendar_id IS NULL AND h.kind = 'holiday') THEN false
                ELSE extract(isodow FROM d) < 6
             END
        ) END"""


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
            SELECT c.id AS id, c.id AS clue_id, c.name, c.direction, c.state, c.nature, c.source,
                   c.power_type, c.source_unit_id, c.receiving_unit_id, c.company_id,
                   c.date_discovered, c.date_transferred,
                   (c.date_transferred IS NOT NULL)::int AS referral_count,
                   (c.date_accepted IS NOT NULL)::int AS accepted_count,
                   (c.state = 'returned' OR c.return_reason IS NOT NULL)::int AS returned_count,
                   (c.date_fed_back IS NOT NULL)::int AS fed_back_count,
                   (c.date_deadline < CURRENT_DATE AND c.state IN ({open_states}))::int AS overdue_count,
                   {_working_days("c.date_discovered", transferred)} AS days_to_transfer,
                   {_working_days(transferred, accepted)} AS days_to_accept,
                   {_working_days(accepted, fed_back)} AS days_to_feedback
              FROM xingji_clue c
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), SQL(self._query())))
