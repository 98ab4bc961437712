# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class XingjiDeadlineMixin(models.AbstractModel):
    """A deadline counted in working days, with reminders and escalation.

    Concrete models (inheriting ``mail.activity.mixin`` too) override:

    * ``_deadline_open_domain()``: the records whose deadline is running
      (e.g. ``[('state', 'in', ['todo', 'doing'])]``);
    * ``_deadline_responsible()``: who is reminded (one record);
    * ``_deadline_escalation_users()``: who is told when it is overdue
      (default: the heads of the responsible users' units);
    * ``_deadline_summary()``: the activity's summary.

    Set ``date_deadline`` with ``_deadline_from_today(days)`` (working days on
    the holiday calendar) when the record enters a stage.  A daily ir.cron
    calls ``_cron_deadline_reminders()`` on each concrete model.
    """

    _name = "xingji.deadline.mixin"
    _description = "Working-day Deadline"

    date_deadline = fields.Date(string="Deadline", index=True, tracking=True, copy=False)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    deadline_reminded = fields.Boolean(copy=False, readonly=True)
    deadline_escalated = fields.Boolean(copy=False, readonly=True)

    # ------------------------------------------------------------ overrides
    def _deadline_open_domain(self):
        return []

    def _deadline_responsible(self):
        self.ensure_one()
        return self.env["res.users"]

    def _deadline_escalation_users(self):
        self.ensure_one()
        users = self._deadline_responsible()
        # sudo: unit heads are looked up to escalate, whatever the rights
        # of the user whose task is overdue. Read through the users' units
        # so that a cron batch loads them once for all its records.
        return users.sudo().xingji_unit_ids.manager_id.with_env(self.env) - users

    def _deadline_summary(self):
        self.ensure_one()
        return self.env._("Deadline %(date)s: %(name)s", date=self.date_deadline, name=self.display_name)

    # -------------------------------------------------------------- compute
    @api.depends("date_deadline")
    @api.depends_context("date")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        open_records = self.filtered_domain(self._deadline_open_domain()) if self.ids else self
        for record in self:
            record.is_overdue = bool(
                record.date_deadline and record.date_deadline < today and record in open_records
            )

    def _search_is_overdue(self, operator, value):
        today = fields.Date.context_today(self)
        domain = self._deadline_open_domain() + [("date_deadline", "<", today)]
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Unsupported search on Overdue."))
        if (operator == "=") == value:
            return domain
        return [("id", "not in", self._search(domain))]

    # ----------------------------------------------------------------- api
    def _deadline_from_today(self, working_days):
        today = fields.Date.context_today(self)
        return self.env["xingji.holiday"].add_working_days(today, working_days)

    def write(self, vals):
        if "date_deadline" in vals and not {"deadline_reminded", "deadline_escalated"} & set(vals):
            vals = dict(vals, deadline_reminded=False, deadline_escalated=False)
        return super().write(vals)

    @api.model
    def _cron_deadline_reminders(self, remind_working_days=2):
        """Remind the responsible before the deadline, escalate once overdue."""
        today = fields.Date.context_today(self)
        soon = self.env["xingji.holiday"].add_working_days(today, remind_working_days)
        open_domain = self._deadline_open_domain()
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        # One activity per (record, user) and run: the escalation wins over
        # the reminder. mail.activity subscribes each user to the res_ids of
        # his activities, and a record twice in that list broke the run.
        vals_by_key = {}
        to_remind = self.search(
            open_domain + [("date_deadline", "<=", soon), ("deadline_reminded", "=", False)]
        )
        for record in to_remind:
            for user in record._deadline_responsible():
                vals_by_key[(record.id, user.id)] = (
                    {
                        "res_model_id": model_id,
                        "res_id": record.id,
                        "user_id": user.id,
                        "activity_type_id": activity_type.id,
                        "date_deadline": record.date_deadline,
                        # The cron runs without a language: each user reads his own.
                        "summary": record.with_context(lang=user.lang)._deadline_summary(),
                    }
                )
        overdue = self.search(
            open_domain + [("date_deadline", "<", today), ("deadline_escalated", "=", False)]
        )
        for record in overdue:
            for user in record._deadline_escalation_users():
                vals_by_key[(record.id, user.id)] = (
                    {
                        "res_model_id": model_id,
                        "res_id": record.id,
                        "user_id": user.id,
                        "activity_type_id": activity_type.id,
                        "date_deadline": today,
                        "summary": record.with_context(lang=user.lang).env._(
                            "Overdue since %(date)s: %(name)s",
                            date=record.date_deadline,
                            name=record.display_name,
                        ),
                    }
                )
        vals_list = list(vals_by_key.values())
        if vals_list:
            self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(vals_list)
        to_remind.write({"deadline_reminded": True})
        overdue.write({"deadline_escalated": True})
        return to_remind, overdue
