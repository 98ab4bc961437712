# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date, datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, format_date
from odoo.tools.misc import xlsxwriter

QUARTERS = [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]
INVALID_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def quarter_of(day):
    return str((day.month - 1) // 3 + 1)


class XingjiStatisticsTable(models.Model):
    """Quarterly linkage statistics table of one unit (seed 000 附件1).

    每季度汇总一次 … 填写统计表报送局机关纪委: the quarterly cron prepares a draft
    table for each enforcement unit and reminds its liaisons.  While it is a
    draft, its rows are read from the clues with the reading user's rights
    (the liaison is in the knowledge scope of all his unit's clues), plus
    the rows the liaison typed for referrals made off the system.  The
    liaison submits it to the bureau's discipline committee (局机关纪委):
    the rows are then frozen as ``line_ids`` (填表时间 = submission time) and
    every print or export of the table is made from them.  The committee
    receives it; a received table is read-only.
    """

    _name = "xingji.statistics.table"
    _description = "Quarterly Linkage Statistics Table"
    _inherit = ["xingji.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _xingji_reference_field = None
    _xingji_workflow_fields = (
        "state", "date_submitted", "submitted_by_id", "receiver_unit_ids", "date_received", "received_by_id",
    )
    _order = "year desc, quarter desc, unit_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    unit_id = fields.Many2one(
        "xingji.unit",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    year = fields.Integer(required=True, index=True, default=lambda self: fields.Date.context_today(self).year)
    quarter = fields.Selection(
        QUARTERS,
        required=True,
        index=True,
        default=lambda self: quarter_of(fields.Date.context_today(self)),
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("received", "Received")],
        required=True,
        default="draft",
        index=True,
        copy=False,
        tracking=True,
    )
    date_submitted = fields.Datetime(
        string="Filled On", readonly=True, copy=False, tracking=True,
        help="填表时间: when the table was submitted; its rows were frozen then.",
    )
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    receiver_unit_ids = fields.Many2many(
        "xingji.unit",
        relation="xingji_statistics_table_receiver_rel",
        column1="table_id",
        column2="unit_id",
        string="Submitted To",
        readonly=True,
        copy=False,
        help="The bureau's discipline committee the table was submitted to.",
    )
    date_received = fields.Datetime(readonly=True, copy=False, tracking=True)
    received_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    line_ids = fields.One2many(
        "xingji.statistics.line", "table_id", string="Rows",
        help="Rows typed for referrals made off the system; once submitted, every row of the table.",
    )
    liaison_ids = fields.Many2many(related="unit_id.liaison_ids", string="Liaisons")
    clue_count = fields.Integer(
        string="Number of Rows", compute="_compute_clue_count",
        help="Rows of the table that you may read: the clues of the quarter and the referrals made off the system.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "unit_quarter_uniq",
            "unique(unit_id, year, quarter)",
            "There is already a statistics table for this unit and quarter.",
        ),
    ]

    @api.depends("unit_id.name", "year", "quarter")
    def _compute_name(self):
        for table in self:
            table.name = self.env._(
                "%(unit)s, %(year)s Q%(quarter)s",
                unit=table.unit_id.name or "",
                year=table.year,
                quarter=table.quarter,
            )

    @api.depends_context("uid")
    def _compute_clue_count(self):
        # Counted, not built: the rows of a draft are the clues the user may
        # read (record rules in search_count) plus the off-system lines.
        Clue = self.env["xingji.clue"]
        for table in self:
            count = len(table.line_ids)
            if table.state == "draft" and table.unit_id:
                count += Clue.search_count(table._clue_domain(table.unit_id, table.year, table.quarter))
            table.clue_count = count

    # ----------------------------------------------------------- actions
    def action_print(self):
        return self.env.ref("xingji_reports.action_report_statistics_table").report_action(self)

    def action_export_xlsx(self):
        self.ensure_one()
        return self._download(self, "quarterly")

    def _xingji_export_file(self, kind):
        """``(filename, content)`` of the XLSX ``kind`` of this table: of its
        frozen rows once submitted, else built now from the clues the
        current user may read; the export of the clues in it is written to
        the access log.  Nothing is stored."""
        self.ensure_one()
        if kind != "quarterly":
            raise UserError(self.env._("This export does not exist."))
        lang = self.env["ir.actions.report"]._xingji_print_lang()
        sections = self._table_sections(lang=lang)
        content = self._quarterly_xlsx(sections, self.year, self.quarter, filled_on=self._filled_on(lang))
        self._log_sections(sections, "export", self.env._("Quarterly statistics table (XLSX)"))
        return self._xlsx_filename(self.year, self.quarter), content

    @api.model
    def _log_sections(self, sections, action, detail):
        """Write ``action`` to the access log for every clue listed in
        ``sections`` (one batch)."""
        clues = None
        for section in sections:
            if section["clues"] is not None:
                clues = section["clues"] if clues is None else clues | section["clues"]
        if clues and "xingji.access.log" in self.env:
            self.env["xingji.access.log"]._log(clues, action, detail)

    def _is_filer(self, user=None):
        """Who files the table: the unit's liaisons (联络员, seed 000 §四(一)),
        or its head when it has none."""
        self.ensure_one()
        user = user or self.env.user
        return user in (self.unit_id.liaison_ids or self.unit_id.manager_id)

    def action_submit(self):
        """Freeze the rows (填表时间 = now) and send the table to the bureau's
        discipline committee as an activity to receive."""
        self._check_state(("draft",))
        for table in self:
            if not table._is_filer():
                raise AccessError(
                    self.env._(
                        "Only the liaisons of %(unit)s (or its head when it has none) submit its table.",
                        unit=table.unit_id.name,
                    )
                )
            receivers = self.env["xingji.unit"]._statistics_receivers(table.company_id)
            if not receivers:
                raise UserError(
                    self.env._(
                        "No unit is marked as receiving the quarterly statistics (局机关纪委). Ask the "
                        "configuration manager to tick “Receives the Quarterly Statistics” on it."
                    )
                )
            now = fields.Datetime.now()
            # Rows of the clues, read with the liaison's own rights: he is in
            # the knowledge scope of every clue of his unit.
            section = table._collect_sections(table.unit_id, table.year, table.quarter)[0]
            # sudo: the persons reported in a clue are read to keep them out
            # of its frozen row (回避), and the rows are written by the
            # transition (users only type off-system rows).
            reported = {
                clue.id: clue.person_ids.user_id for clue in section["clues"].sudo()
            }
            self.env["xingji.statistics.line"].sudo().create(
                [
                    {
                        "table_id": table.id,
                        "off_system": False,
                        "sequence": index,
                        "reference": row["reference"],
                        "date_transferred": row["date"],
                        "persons_text": row["persons_text"],
                        "problem": row["problem_full"],
                        "nature": row["nature_key"] or False,
                        "receiving_unit_name": row["receiving_unit"],
                        "clue_id": row["clue_id"],
                        "reported_user_ids": [fields.Command.set(reported.get(row["clue_id"], []).ids)],
                    }
                    for index, row in enumerate(section["rows"])
                ]
            )
            table._xingji_workflow_write(
                {
                    "state": "submitted",
                    "date_submitted": now,
                    "submitted_by_id": self.env.uid,
                    "receiver_unit_ids": [fields.Command.set(receivers.ids)],
                }
            )
            table.activity_feedback(["xingji_reports.mail_activity_statistics_submit"])
            deadline = self.env["xingji.holiday"].add_working_days(fields.Date.context_today(self), 5)
            for user in receivers._statistics_addressees():
                table.activity_schedule(
                    "xingji_reports.mail_activity_statistics_receive",
                    date_deadline=deadline,
                    user_id=user.id,
                    summary=self.env._("Receive the quarterly statistics table of %(unit)s", unit=table.unit_id.name),
                )
        return True

    def _is_receiver(self, user=None):
        self.ensure_one()
        user = user or self.env.user
        return user in self.receiver_unit_ids.member_ids

    def action_receive(self):
        """The discipline committee receives a submitted table: it becomes
        read-only."""
        self._check_state(("submitted",))
        for table in self:
            if not table._is_receiver():
                raise AccessError(
                    self.env._(
                        "Only a member of %(units)s receives this table.",
                        units="、".join(table.receiver_unit_ids.mapped("name")),
                    )
                )
        self._xingji_workflow_write(
            {"state": "received", "date_received": fields.Datetime.now(), "received_by_id": self.env.uid}
        )
        self.activity_feedback(["xingji_reports.mail_activity_statistics_receive"])
        return True

    def action_reset_draft(self):
        """Before it is received, the unit takes a submitted table back to
        correct it: the frozen rows of the clues are dropped (they are read
        again at the next submission); the rows typed by hand stay."""
        self._check_state(("submitted",))
        for table in self:
            if self.env.user not in (table.unit_id.manager_id | table.submitted_by_id):
                raise AccessError(
                    self.env._(
                        "Only the head of %(unit)s or the liaison who submitted the table takes it back.",
                        unit=table.unit_id.name,
                    )
                )
        # sudo: the transition drops the rows it froze; users cannot.
        self.sudo().line_ids.filtered(lambda line: not line.off_system).unlink()
        self.activity_unlink(["xingji_reports.mail_activity_statistics_receive"])
        self._xingji_workflow_write(
            {"state": "draft", "date_submitted": False, "submitted_by_id": False,
             "receiver_unit_ids": [fields.Command.clear()]}
        )
        return True

    def write(self, vals):
        if not self.env.su and {"unit_id", "year", "quarter", "company_id", "line_ids"} & set(vals):
            if any(table.state != "draft" for table in self):
                raise UserError(
                    self.env._(
                        "A submitted statistics table is frozen. Ask the unit head to reset it to draft "
                        "if it was not received yet."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if not self.env.su and any(table.state != "draft" for table in self):
            raise UserError(self.env._("A submitted statistics table is kept; it cannot be deleted."))

    # ------------------------------------------------------------ rows
    def _filled_on(self, lang=None):
        """填表时间: the submission date, or today for a draft."""
        self.ensure_one()
        env = self.with_context(lang=lang).env if lang else self.env
        day = fields.Date.context_today(self, self.date_submitted) if self.date_submitted else (
            fields.Date.context_today(self)
        )
        return format_date(env, day, lang_code=lang)

    def _table_sections(self, lang=None):
        """The table's single section: its frozen rows once submitted; for a
        draft, the clues the current user may read plus the off-system rows."""
        self.ensure_one()
        env = self.with_context(lang=lang).env if lang else self.env
        lines = self.line_ids
        if self.state == "draft":
            section = self._collect_sections(self.unit_id, self.year, self.quarter, lang=lang)[0]
        else:
            # sudo: the clues the frozen rows were copied from, for the
            # access log only (never shown).
            section = {"unit": self.unit_id, "rows": [], "clues": lines.sudo().clue_id.with_env(env)}
        rows = section["rows"] + [self._line_row(line, env) for line in lines.with_env(env)]
        rows.sort(key=lambda row: (row["date"], not row["off_system"]))
        section["rows"] = rows
        return [section]

    @api.model
    def _line_row(self, line, env):
        # The labels of the clue's own field: a row reads as the clue would.
        natures = dict(env["xingji.clue"]._fields["nature"]._description_selection(env))
        date_format = env["res.lang"]._get_data(code=env.lang or "en_US").date_format or "%Y-%m-%d"
        persons = [(text, "") for text in (line.persons_text or "").split("；") if text]
        return {
            "reference": line.reference or "",
            "date": line.date_transferred,
            "date_text": line.date_transferred.strftime(date_format),
            "persons": persons,
            "persons_text": line.persons_text or "",
            "problem": line.problem or "",
            "problem_full": line.problem or "",
            "nature": natures.get(line.nature, "") if line.nature else "",
            "nature_key": line.nature or "",
            "receiving_unit": line.receiving_unit_name or "",
            "off_system": line.off_system,
            "clue_id": False,
        }

    # ------------------------------------------------------- collecting
    @api.model
    def _quarter_bounds(self, year, quarter):
        """UTC datetimes [start, end) of a quarter in the user's time zone."""
        tz = pytz.timezone(self.env.user.tz or self.env.context.get("tz") or "Asia/Shanghai")
        first = date(int(year), 3 * (int(quarter) - 1) + 1, 1)
        last = first + relativedelta(months=3)

        def to_utc(day):
            return tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)

        return to_utc(first), to_utc(last)

    @api.model
    def _clue_domain(self, units, year, quarter):
        """The clues of a quarter's table: transferred by ``units`` within it."""
        start, end = self._quarter_bounds(year, quarter)
        return [
            ("source_unit_id", "in", units.ids),
            ("date_transferred", ">=", start),
            ("date_transferred", "<", end),
        ]

    @api.model
    def _collect_sections(self, units, year, quarter, lang=None):
        """Rows of the 附件1 table, per unit, from the clues the CURRENT user
        may read (never sudo: record rules decide).

        A fixed number of queries whatever the number of clues: one for the
        clues with their reported persons, one for the unit names.
        Returns a list of ``{'unit', 'rows', 'clues'}``, one per unit.
        """
        env = self.with_context(lang=lang).env if lang else self.env
        sections = [{"unit": unit, "rows": [], "clues": env["xingji.clue"].browse() if "xingji.clue" in env else None}
                    for unit in units]
        if "xingji.clue" not in env or not units:
            return sections
        Clue = env["xingji.clue"]
        # The rows are chosen by the ORM (``_search`` applies the current
        # user's record rules) and their columns read in one SQL query each:
        # reading a quarter of a big unit (1,500 clues) field by field costs
        # about 0.3 ms a row in the ORM, 8 times the SQL (scripts/bench).
        query = Clue._search(self._clue_domain(units, year, quarter), order="date_transferred, id")
        columns = ("id", "name", "date_transferred", "main_problem", "nature", "source_unit_id", "receiving_unit_id")
        # The reported persons come with their clue, in the same query: the
        # person rule is the clue's knowledge scope (xingji_clue_rules.xml),
        # which the clue query above already applied, so these are exactly
        # the persons ``Person._search`` would give, without a second pass
        # of the scope rule over every person (60 % of the time at 1,500
        # rows, scripts/bench). test_reported_persons_follow_the_clue_rule_alone
        # fails if another rule is ever put on persons.
        Person = env["xingji.clue.person"]
        Person.check_access("read")
        persons = SQL(
            "(SELECT json_agg(json_build_array(p.name, coalesce(p.employer_post, '')) ORDER BY p.id)"
            " FROM %s p WHERE p.clue_id = %s) AS persons",
            SQL.identifier(Person._table), SQL.identifier(Clue._table, "id"),
        )
        clue_rows = env.execute_query_dict(
            query.select(
                *(SQL("%s AS %s", SQL.identifier(Clue._table, c), SQL.identifier(c)) for c in columns), persons
            )
        )
        persons_by_clue = {row["id"]: [tuple(person) for person in row["persons"] or ()] for row in clue_rows}
        unit_names = {
            unit.id: unit.name or ""
            for unit in env["xingji.unit"].browse(
                {r["source_unit_id"] for r in clue_rows} | {r["receiving_unit_id"] for r in clue_rows if r["receiving_unit_id"]}
            )
        }
        natures = dict(Clue._fields["nature"]._description_selection(env))
        tz = pytz.timezone(env.user.tz or "Asia/Shanghai")
        date_format = env["res.lang"]._get_data(code=env.lang or "en_US").date_format or "%Y-%m-%d"
        date_texts = {}  # format_date() per row costs ~0.4 ms (babel): format once per day
        by_unit = {}
        for row in clue_rows:
            by_unit.setdefault(row["source_unit_id"], []).append(row)
        for section in sections:
            unit_rows = by_unit.get(section["unit"].id, [])
            section["clues"] = Clue.browse([r["id"] for r in unit_rows])
            for clue in unit_rows:
                moment = pytz.utc.localize(clue["date_transferred"]).astimezone(tz).date()
                # The whole text: 附件1's 问题线索情况 is never cut (the cell wraps).
                problem = (clue["main_problem"] or "").strip()
                people = persons_by_clue.get(clue["id"], [])
                section["rows"].append(
                    {
                        "reference": clue["name"] or "",
                        "date": moment,
                        "date_text": date_texts.get(moment) or date_texts.setdefault(
                            moment, moment.strftime(date_format)
                        ),
                        "persons": people,
                        "persons_text": "；".join(f"{name}（{post}）" if post else name for name, post in people),
                        "problem": problem,
                        "problem_full": problem,
                        "nature": natures.get(clue["nature"], "") if clue["nature"] else "",
                        "nature_key": clue["nature"] or "",
                        "receiving_unit": unit_names.get(clue["receiving_unit_id"], ""),
                        "off_system": False,
                        "clue_id": clue["id"],
                    }
                )
        return sections

    # -------------------------------------------------------------- xlsx
    @api.model
    def _xlsx_filename(self, year, quarter):
        return self.env._("linkage-statistics-%(year)s-Q%(quarter)s.xlsx", year=year, quarter=quarter)

    @api.model
    def _quarterly_xlsx(self, sections, year, quarter, filled_on=None):
        """The 附件1 table as XLSX: a summary sheet plus one sheet per unit."""
        lang = self.env["ir.actions.report"]._xingji_print_lang()
        env = self.with_context(lang=lang).env
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        font = "Noto Sans CJK SC"
        title_fmt = workbook.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter", "font_name": font})
        meta_fmt = workbook.add_format({"font_size": 11, "font_name": font})
        head_fmt = workbook.add_format(
            {"bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True,
             "bg_color": "#F2F2F2", "font_name": font}
        )
        cell_fmt = workbook.add_format({"border": 1, "valign": "top", "text_wrap": True, "font_name": font})
        date_fmt = workbook.add_format({"border": 1, "valign": "top", "num_format": "yyyy-mm-dd", "font_name": font})
        count_fmt = workbook.add_format({"border": 1, "valign": "top", "font_name": font})
        note_fmt = workbook.add_format({"italic": True, "text_wrap": True, "font_name": font, "font_size": 9})
        title = env._("Linkage of Administrative Enforcement and Discipline Supervision: Statistics Table")
        period = env._("%(year)s Q%(quarter)s", year=year, quarter=quarter)
        filled_on = filled_on or format_date(env, fields.Date.context_today(self), lang_code=lang)
        natures = env["xingji.clue"]._fields["nature"]._description_selection(env) if "xingji.clue" in env else []

        # Summary sheet
        summary = workbook.add_worksheet(env._("Summary")[:31])
        headers = [env._("Unit"), env._("Clues Transferred")] + [label for _key, label in natures]
        summary.merge_range(0, 0, 0, len(headers) - 1, f"{title}（{period}）", title_fmt)
        summary.set_row(0, 30)
        summary.write(1, 0, env._("Filled on: %(date)s", date=filled_on), meta_fmt)
        summary.write_row(2, 0, headers, head_fmt)
        summary.set_column(0, 0, 30)
        summary.set_column(1, len(headers) - 1, 14)
        summary.freeze_panes(3, 1)
        row = 3
        for section in sections:
            counts = {}
            for line in section["rows"]:
                counts[line["nature"]] = counts.get(line["nature"], 0) + 1
            summary.write(row, 0, section["unit"].name, cell_fmt)
            summary.write_number(row, 1, len(section["rows"]), count_fmt)
            for col, (_key, label) in enumerate(natures, start=2):
                summary.write_number(row, col, counts.get(label, 0), count_fmt)
            row += 1
        summary.write(row, 0, env._("Total"), head_fmt)
        summary.write_number(row, 1, sum(len(s["rows"]) for s in sections), head_fmt)
        for col in range(2, len(headers)):
            summary.write_formula(
                row, col, f"=SUM({xlsxwriter.utility.xl_rowcol_to_cell(3, col)}:"
                f"{xlsxwriter.utility.xl_rowcol_to_cell(row - 1, col)})", head_fmt,
                sum(sum(1 for line in s["rows"] if line["nature"] == natures[col - 2][1]) for s in sections),
            )

        # One sheet per unit, the 附件1 layout
        columns = [
            (env._("Transfer Date"), 14),
            (env._("Persons Suspected of Violations"), 30),
            (env._("Problem Clue"), 60),
            (env._("Nature of the Problem"), 16),
            (env._("Receiving Discipline Inspection Body"), 24),
        ]
        used = set()
        for section in sections:
            base = (section["unit"].name or "-").translate(INVALID_SHEET_CHARS)[:28]
            name, index = base, 2
            while name.lower() in used or name.lower() == env._("Summary").lower():
                name, index = f"{base[:26]}({index})", index + 1
            used.add(name.lower())
            sheet = workbook.add_worksheet(name)
            sheet.merge_range(0, 0, 0, len(columns) - 1, f"{title}（{period}）", title_fmt)
            sheet.set_row(0, 30)
            sheet.merge_range(1, 0, 1, 2, env._("Filled by: %(unit)s", unit=section["unit"].name), meta_fmt)
            sheet.merge_range(1, 3, 1, 4, env._("Filled on: %(date)s", date=filled_on), meta_fmt)
            for col, (header, width) in enumerate(columns):
                sheet.write(2, col, header, head_fmt)
                sheet.set_column(col, col, width)
            sheet.set_row(2, 32)
            sheet.freeze_panes(3, 0)
            row = 3
            for line in section["rows"]:
                sheet.write_datetime(row, 0, datetime.combine(line["date"], time.min), date_fmt)
                sheet.write(row, 1, line["persons_text"], cell_fmt)
                problem = line["problem"]
                if line.get("off_system"):
                    problem = f"{problem}\n{env._('(Referred off the system)')}"
                sheet.write(row, 2, problem, cell_fmt)
                sheet.write(row, 3, line["nature"], cell_fmt)
                sheet.write(row, 4, line["receiving_unit"], cell_fmt)
                row += 1
            # The footnote of the paper form, in full.
            sheet.merge_range(row + 1, 0, row + 1, len(columns) - 1, env._(
                "Note: fill in \"Nature of the Problem\" according to article 3 of the Measures for Law "
                "Enforcement and Judicial Organs to Transfer Problem Clues to Discipline Inspection and "
                "Supervision Organs with \"suspected violation of Party discipline\", \"suspected duty "
                "violation\", \"suspected duty crime\" or \"other\"."
            ), note_fmt)
            sheet.set_row(row + 1, 45)
        workbook.close()
        return output.getvalue()

    @api.model
    def _download(self, record, kind):
        """Download action of the XLSX ``kind`` of ``record``: the file is
        generated on demand by the ``/xingji_reports/xlsx`` route, which
        checks the user's access, builds it with his rights, logs the
        export and stores nothing (a stored file would outlive the scope of
        the clues in it)."""
        return {
            "type": "ir.actions.act_url",
            "url": f"/xingji_reports/xlsx/{record._name}/{record.id}/{kind}",
            "target": "self",
        }

    # -------------------------------------------------------------- cron
    @api.model
    def _cron_prepare_quarterly_tables(self):
        """Prepare each enforcement unit's draft table for the quarter that
        ends within the configured lead days (or has just ended), and remind
        its liaisons (或负责人) with an activity.  Idempotent."""
        # sudo: system parameters are readable by administrators only; the cron reads two numbers.
        params = self.env["ir.config_parameter"].sudo()
        lead_days = int(params.get_param("xingji_reports.statistics_lead_days", 10))
        due_days = int(params.get_param("xingji_reports.statistics_due_working_days", 5))
        today = fields.Date.context_today(self)
        # The quarter to report on: the one ending within lead_days, else the
        # one that ended last.
        ahead = today + relativedelta(days=lead_days)
        if quarter_of(ahead) != quarter_of(today) or ahead.year != today.year:
            year, quarter = today.year, quarter_of(today)
        else:
            previous = today - relativedelta(months=3)
            year, quarter = previous.year, quarter_of(previous)
        quarter_end = date(year, 3 * int(quarter), 1) + relativedelta(months=1, days=-1)
        deadline = self.env["xingji.holiday"].add_working_days(quarter_end, due_days)
        # sudo: the scheduler prepares the tables of every unit; the rows are
        # read later with the liaison's own rights.
        units = self.env["xingji.unit"].sudo().search([("kind", "=", "enforcement")])
        Table = self.sudo()
        existing = Table.search([("unit_id", "in", units.ids), ("year", "=", year), ("quarter", "=", quarter)])
        missing = units - existing.unit_id
        tables = Table.with_context(mail_create_nolog=True).create(
            [{"unit_id": u.id, "year": year, "quarter": quarter, "company_id": u.company_id.id} for u in missing]
        )
        for table in tables:
            for user in table.unit_id.liaison_ids or table.unit_id.manager_id:
                table.activity_schedule(
                    "xingji_reports.mail_activity_statistics_submit",
                    date_deadline=deadline,
                    user_id=user.id,
                    # The cron runs without a language: each liaison reads his own.
                    summary=self.with_context(lang=user.lang).env._(
                        "Submit the quarterly linkage statistics table"
                    ),
                )
        return tables

    @api.model
    def _cron_remind_quarterly_summary(self):
        """After the units' due date for the quarter that ended last, prepare
        the draft summary and remind the bureau's discipline committee
        (局机关纪委) to report it to the leader in charge.  Idempotent."""
        # sudo: system parameters are readable by administrators only.
        due_days = int(self.env["ir.config_parameter"].sudo().get_param(
            "xingji_reports.statistics_due_working_days", 5
        ))
        today = fields.Date.context_today(self)
        previous = today - relativedelta(months=3)
        year, quarter = previous.year, quarter_of(previous)
        quarter_end = date(year, 3 * int(quarter), 1) + relativedelta(months=1, days=-1)
        deadline = self.env["xingji.holiday"].add_working_days(quarter_end, due_days)
        if today <= deadline:
            return self.env["xingji.statistics.summary"]
        # sudo: the scheduler prepares the summary of every company; the
        # committee counts and reports it with its own rights.
        Summary = self.env["xingji.statistics.summary"].sudo().with_context(mail_create_nolog=True)
        Unit = self.env["xingji.unit"].sudo()
        created = Summary.browse()
        for company in Unit.search([("receives_statistics", "=", True)]).company_id:
            if Summary.search_count(
                [("company_id", "=", company.id), ("year", "=", year), ("quarter", "=", quarter)], limit=1
            ):
                continue
            summary = Summary.create({"year": year, "quarter": quarter, "company_id": company.id})
            for user in Unit._statistics_receivers(company)._statistics_addressees():
                summary.activity_schedule(
                    "xingji_reports.mail_activity_statistics_summary",
                    date_deadline=today,
                    user_id=user.id,
                    summary=self.env._("Report the quarterly linkage summary to the leader in charge"),
                )
            created |= summary
        return created

    # ---------------------------------------------------------- summary
    @api.model
    def _summary_data(self, year, units=None):
        """Counts and timeliness of the year's referrals, as the current user
        may read them (record rules of the analysis follow the clues), one
        ``_read_group`` per dimension: a fixed number of queries."""
        start, _end = self._quarter_bounds(year, "1")
        end, _next = self._quarter_bounds(year + 1, "1")
        domain = [("date_transferred", ">=", start), ("date_transferred", "<", end)]
        if units:
            domain.append(("source_unit_id", "in", units.ids))
        Report = self.env["xingji.clue.report"]
        aggregates = [
            "referral_count:sum", "accepted_count:sum", "returned_count:sum", "fed_back_count:sum",
            "overdue_count:sum", "days_to_transfer:avg", "days_to_accept:avg", "days_to_feedback:avg",
        ]
        dimensions = {
            "source_unit_id": self.env._("By Unit"),
            "direction": self.env._("By Direction"),
            "nature": self.env._("By Nature"),
            "source": self.env._("By Source"),
            "power_type": self.env._("By Power Type"),
            "date_transferred:quarter": self.env._("By Quarter"),
        }
        tables = []
        for groupby, title in dimensions.items():
            rows = Report._read_group(domain, [groupby], aggregates, order=groupby)
            field_name = groupby.split(":")[0]
            field = Report._fields[field_name]
            labels = dict(field._description_selection(self.env)) if field.type == "selection" else {}
            lines = []
            for key, *values in rows:
                if field.type == "many2one":
                    label = key.display_name if key else self.env._("Not Set")
                elif field.type == "selection":
                    label = labels.get(key, self.env._("Not Set")) if key else self.env._("Not Set")
                elif groupby.endswith(":quarter") and key:
                    label = self.env._(
                        "%(year)s Q%(quarter)s", year=key.year, quarter=(key.month - 1) // 3 + 1
                    )
                else:
                    label = key or self.env._("Not Set")
                lines.append([label, *values])
            tables.append((title, lines))
        rectification = []
        if "xingji.rectification" in self.env:
            task_domain = [("state", "!=", "cancelled"), ("create_date", ">=", start), ("create_date", "<", end)]
            if units:
                task_domain.append(("responsible_unit_id", "in", units.ids))
            counts = self._rectification_counts(task_domain)
            for unit, (total, done, overdue) in sorted(counts.items(), key=lambda item: item[0].display_name or ""):
                rectification.append([unit.display_name, total, done, done / total, overdue, overdue / total])
        return tables, rectification

    @api.model
    def _rectification_counts(self, task_domain):
        """{unit: (tasks, done, overdue)} of the rectification tasks matching
        ``task_domain``, per responsible unit: two grouped queries (overdue
        is computed, so it cannot be a group)."""
        Task = self.env["xingji.rectification"]
        counts = {}
        for unit, state, count in Task._read_group(task_domain, ["responsible_unit_id", "state"], ["__count"]):
            total, done, overdue = counts.get(unit, (0, 0, 0))
            counts[unit] = (total + count, done + (count if state == "done" else 0), overdue)
        for unit, count in Task._read_group(
            task_domain + [("is_overdue", "=", True)], ["responsible_unit_id"], ["__count"]
        ):
            total, done, _overdue = counts[unit]
            counts[unit] = (total, done, count)
        return counts

    @api.model
    def _summary_xlsx(self, year, units=None):
        lang = self.env["ir.actions.report"]._xingji_print_lang()
        table = self.with_context(lang=lang)
        tables, rectification = table._summary_data(year, units)
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        font = "Noto Sans CJK SC"
        title_fmt = workbook.add_format({"bold": True, "font_size": 14, "font_name": font})
        head_fmt = workbook.add_format(
            {"bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True,
             "bg_color": "#F2F2F2", "font_name": font}
        )
        cell_fmt = workbook.add_format({"border": 1, "text_wrap": True, "font_name": font})
        int_fmt = workbook.add_format({"border": 1, "num_format": "0", "font_name": font})
        avg_fmt = workbook.add_format({"border": 1, "num_format": "0.0", "font_name": font})
        pct_fmt = workbook.add_format({"border": 1, "num_format": "0.0%", "font_name": font})
        headers = [
            table.env._("Referrals Made"), table.env._("Accepted"), table.env._("Returned"), table.env._("Fed Back"), table.env._("Overdue"),
            table.env._("Working Days to Transfer (avg)"), table.env._("Working Days to Accept (avg)"),
            table.env._("Working Days to Feed Back (avg)"),
        ]
        for title, lines in tables:
            sheet = workbook.add_worksheet(title[:31])
            sheet.write(0, 0, table.env._("%(year)s: %(title)s", year=year, title=title), title_fmt)
            sheet.write_row(2, 0, [title] + headers, head_fmt)
            sheet.set_row(2, 45)
            sheet.set_column(0, 0, 28)
            sheet.set_column(1, len(headers), 13)
            sheet.freeze_panes(3, 1)
            for row, line in enumerate(lines, start=3):
                sheet.write(row, 0, str(line[0]), cell_fmt)
                for col, value in enumerate(line[1:], start=1):
                    if col <= 5:
                        sheet.write_number(row, col, value or 0, int_fmt)
                    elif value is None:
                        sheet.write_blank(row, col, None, avg_fmt)
                    else:
                        sheet.write_number(row, col, value, avg_fmt)
        sheet = workbook.add_worksheet(table.env._("Rectification")[:31])
        sheet.write(0, 0, table.env._("%(year)s: %(title)s", year=year, title=table.env._("Rectification")), title_fmt)
        sheet.write_row(
            2, 0,
            [table.env._("Responsible Unit"), table.env._("Tasks"), table.env._("Verified"), table.env._("Completion Rate"), table.env._("Overdue"), table.env._("Overdue Rate")],
            head_fmt,
        )
        sheet.set_row(2, 30)
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, 5, 13)
        sheet.freeze_panes(3, 1)
        for row, line in enumerate(rectification, start=3):
            sheet.write(row, 0, line[0], cell_fmt)
            for col, value in enumerate(line[1:], start=1):
                sheet.write_number(row, col, value, pct_fmt if col in (3, 5) else int_fmt)
        workbook.close()
        return output.getvalue()
