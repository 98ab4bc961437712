# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models


class XingjiHoliday(models.Model):
    """Exceptions to the weekly working pattern of a calendar.

    ``holiday`` is a day off (法定节假日, even on a weekday); ``workday`` is a
    weekend day worked in exchange (调休上班).  Together with the weekly
    attendances of a ``resource.calendar`` they define the working days in
    which every linkage deadline is counted.
    """

    _name = "xingji.holiday"
    _description = "Public Holiday or Exchanged Workday"
    _order = "date desc"

    date = fields.Date(required=True, index=True)
    kind = fields.Selection(
        selection=[("holiday", "Public Holiday"), ("workday", "Exchanged Workday")],
        required=True,
        default="holiday",
    )
    name = fields.Char(string="Festival", required=True, translate=True)
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Calendar",
        index=True,
        ondelete="cascade",
        help="Leave empty to apply the day to every working calendar.",
    )
    year = fields.Integer(compute="_compute_year", store=True, index=True)

    _sql_constraints = [
        (
            "date_calendar_uniq",
            "unique(date, calendar_id)",
            "This day is already in the holiday calendar.",
        ),
    ]

    @api.depends("date")
    def _compute_year(self):
        for day in self:
            day.year = day.date.year if day.date else 0

    @api.model
    def _default_calendar(self):
        return self.env.company.resource_calendar_id

    @api.model
    def _working_weekdays(self, calendar):
        """Weekdays (0 = Monday) on which the calendar has attendances."""
        # sudo: the weekly pattern of the company calendar is configuration
        # every linkage user's deadlines depend on, whatever their rights.
        days = {int(d) for d in calendar.sudo().attendance_ids.mapped("dayofweek")}
        return days or {0, 1, 2, 3, 4}

    @api.model
    def _exceptions(self, date_from, date_to, calendar):
        """Dict date -> kind for the calendar between two dates, one query."""
        # sudo: holidays are public configuration needed to count deadlines.
        days = self.sudo().search_fetch(
            [
                ("date", ">=", date_from),
                ("date", "<=", date_to),
                ("calendar_id", "in", [False, calendar.id]),
            ],
            ["date", "kind", "calendar_id"],
            order="calendar_id nulls first",
        )
        return {d.date: d.kind for d in days}

    @api.model
    def is_working_day(self, day, calendar=None):
        calendar = calendar or self._default_calendar()
        kind = self._exceptions(day, day, calendar).get(day)
        if kind:
            return kind == "workday"
        return day.weekday() in self._working_weekdays(calendar)

    @api.model
    def add_working_days(self, start, days, calendar=None):
        """The date ``days`` working days after ``start`` (start not counted)."""
        calendar = calendar or self._default_calendar()
        if hasattr(start, "date"):
            start = start.date()
        weekdays = self._working_weekdays(calendar)
        # Chinese holidays never take more than 9 days in a row: a generous
        # window loads every exception that may matter in one query.
        window = start + timedelta(days=days * 2 + 30)
        exceptions = self._exceptions(start, window, calendar)
        current, left = start, days
        while left > 0:
            current += timedelta(days=1)
            if current > window:
                window = current + timedelta(days=left * 2 + 30)
                exceptions.update(self._exceptions(current, window, calendar))
            kind = exceptions.get(current)
            working = kind == "workday" if kind else current.weekday() in weekdays
            if working:
                left -= 1
        return current

    @api.model
    def count_working_days(self, date_from, date_to, calendar=None):
        """Working days after ``date_from`` up to and including ``date_to``."""
        calendar = calendar or self._default_calendar()
        if hasattr(date_from, "date"):
            date_from = date_from.date()
        if hasattr(date_to, "date"):
            date_to = date_to.date()
        if date_to <= date_from:
            return 0
        weekdays = self._working_weekdays(calendar)
        exceptions = self._exceptions(date_from, date_to, calendar)
        count, current = 0, date_from
        while current < date_to:
            current += timedelta(days=1)
            kind = exceptions.get(current)
            if (kind == "workday") if kind else current.weekday() in weekdays:
                count += 1
        return count
