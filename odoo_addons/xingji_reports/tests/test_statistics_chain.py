# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The liaison's quarter over JSON-RPC, as the client calls it: prepare the
table → add an off-system row → submit (rows frozen) → 局机关纪委 receives →
the committee's summary to the bureau leader in charge, who acknowledges it.
Every refusal is attacked through the same door."""
from freezegun import freeze_time

from odoo import fields
from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.xingji_linkage.tests.attack_common import XingjiAttackCase, tagged
from odoo.addons.xingji_linkage.tests.clue_common import XingjiClueCase

from .common import XingjiReportCase, normalize

FOOTNOTE_ZH = (
    "注：“问题性质”一栏按照《执法机关和司法机关向纪检监察机关移送问题线索工作办法》第三条，"
    "填写“涉嫌违犯党纪”、“涉嫌职务违法”、“涉嫌职务犯罪”或“其他”。"
)

FOOTNOTE_EN = (
    'Note: fill in "Nature of the Problem" according to article 3 of the Measures for Law Enforcement and '
    'Judicial Organs to Transfer Problem Clues to Discipline Inspection and Supervision Organs with '
    '"suspected violation of Party discipline", "suspected duty violation", "suspected duty crime" or "other".'
)


class ChainMixin:
    @classmethod
    def _setup_chain(cls):
        cls.liaison = new_test_user(
            cls.env, login="xj_test_liaison", name="Test liaison",
            groups="base.group_user,xingji_linkage.group_xingji_user",
        )
        cls.unit_enforcement.liaison_ids = [Command.link(cls.liaison.id)]
        # The test's committee only (the demo data ticks 局机关纪委 too).
        cls.env["xingji.unit"].search([("receives_statistics", "=", True)]).receives_statistics = False
        cls.unit_discipline.receives_statistics = True
        today = fields.Date.context_today(cls.env["xingji.statistics.table"])
        cls.year, cls.quarter = today.year, str((today.month - 1) // 3 + 1)


@tagged("post_install", "-at_install", "xingji_reports")
class TestStatisticsChainRpc(ChainMixin, XingjiAttackCase, XingjiClueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_chain()
        if not cls.env["res.lang"]._lang_get("zh_CN"):
            cls.env["res.lang"]._activate_lang("zh_CN")

    def _rows(self, user, table_id):
        return self.rpc(user, "xingji.statistics.line", "search_read",
                        [("table_id", "=", table_id)], ["problem", "off_system"])

    def test_liaison_quarter_to_leader_acknowledgement(self):
        Table = "xingji.statistics.table"
        clue = self._to_transferred(main_problem="检查中接受企业宴请")
        # A clue reporting a colleague who later becomes liaison.
        reporting = self._to_transferred(
            main_problem="隐瞒检查缺陷",
            person_ids=[Command.create({"name": "Test handler 2", "cadre_rank": "below_division",
                                        "is_party_member": True, "user_id": self.user_handler2.id})],
        )
        # Prepare: the liaison drafted neither clue, yet his table is complete.
        table_id = self.rpc(self.liaison, Table, "create",
                            {"unit_id": self.unit_enforcement.id, "year": self.year, "quarter": self.quarter})
        count = self.rpc(self.liaison, Table, "read", [table_id], ["clue_count"])[0]["clue_count"]
        self.assertEqual(count, 2, "The liaison's table lists every clue of his unit")
        # Off-system row, typed by hand; a system row cannot be forged.
        self.rpc(self.liaison, Table, "write", [table_id], {"line_ids": [Command.create({
            "date_transferred": fields.Date.to_string(fields.Date.today()),
            "persons_text": "赵某（线下移送）", "problem": "线下移送的线索", "nature": "other",
            "receiving_unit_name": "县纪委监委",
        })]})
        self.assertRpcRefused(self.liaison, "xingji.statistics.line", "create", {
            "table_id": table_id, "off_system": False, "date_transferred": "2026-01-02", "problem": "伪造",
        })
        # Nobody outside the unit types rows into its table.
        self.assertRpcRefused(self.user_supervision, "xingji.statistics.line", "create", {
            "table_id": table_id, "date_transferred": "2026-01-02", "problem": "他处补录",
        })
        # The workflow fields move only by the buttons, whatever the context.
        for vals in ({"state": "received"}, {"date_submitted": "2020-01-01 00:00:00"}):
            self.assertRpcRefused(self.liaison, Table, "write", [table_id], vals,
                                  context={"xingji_workflow": True, "force": True})
        # Only the liaison files the table.
        self.assertRpcRefused(self.user_handler, Table, "action_submit", [table_id])
        self.rpc(self.liaison, Table, "action_submit", [table_id])
        table = self.env[Table].browse(table_id)
        self.assertEqual(table.state, "submitted")
        self.assertTrue(table.date_submitted)
        self.assertEqual(table.receiver_unit_ids, self.unit_discipline)
        receive_type = self.env.ref("xingji_reports.mail_activity_statistics_receive")
        self.assertEqual(
            table.activity_ids.filtered(lambda a: a.activity_type_id == receive_type).user_id, self.user_discipline
        )
        rows = self._rows(self.liaison, table_id)
        self.assertEqual(sorted(r["off_system"] for r in rows), [False, False, True])
        # Frozen: a later clue of the quarter does not enter the submitted table,
        # and its rows are the same for whoever reads them.
        self._to_transferred(main_problem="提交后才移送的线索")
        self.assertEqual(len(self._rows(self.liaison, table_id)), 3)
        self.assertEqual(len(self._rows(self.user_discipline, table_id)), 3)
        self.assertEqual(self._rows(self.user_supervision, table_id), [], "Not the committee: no row")
        # The XLSX of the submitted version is made from the frozen rows.
        self._login(self.liaison)
        response = self.url_open(f"/xingji_reports/xlsx/{Table}/{table_id}/quarterly")
        self.assertEqual(response.status_code, 200)
        sheet = XingjiReportCase.open_xlsx(response.content).worksheets[1]
        texts = [normalize(str(c.value)) for row in sheet.iter_rows() for c in row if c.value]
        self.assertTrue(
            any(t.startswith("线下移送的线索\n") and "off the system" in t or "系统外移送" in t for t in texts),
            "The off-system row is marked as such",
        )
        self.assertNotIn("提交后才移送的线索", texts)
        # The paper form's note in full (its Chinese text once the lead has
        # regenerated the .pot, which Odoo merges over the .po).
        self.assertTrue(
            normalize(FOOTNOTE_ZH) in texts or normalize(FOOTNOTE_EN) in texts,
            "The XLSX footnote is the paper form's, in full",
        )
        self.assertIn("涉嫌违纪违法人员", texts)
        self.assertIn("涉嫌职务违法", texts, "Frozen rows print the nature as the clue does")
        # Frozen rows and table refuse every change.
        line_ids = [r["id"] for r in self._rows(self.liaison, table_id)]
        self.assertRpcRefused(self.liaison, "xingji.statistics.line", "write", line_ids, {"problem": "改"})
        self.assertRpcRefused(self.liaison, "xingji.statistics.line", "unlink", line_ids)
        self.assertRpcRefused(self.liaison, Table, "write", [table_id], {"quarter": "1"})
        # A reported person named liaison later never reads the row about him.
        self.unit_enforcement.liaison_ids = [Command.link(self.user_handler2.id)]
        problems = [r["problem"] for r in self._rows(self.user_handler2, table_id)]
        self.assertIn("检查中接受企业宴请", problems)
        self.assertNotIn("隐瞒检查缺陷", problems)
        self.assertTrue(reporting)
        # 局机关纪委 receives it; then it is read-only.
        self.assertRpcRefused(self.liaison, Table, "action_receive", [table_id])
        self.rpc(self.user_discipline, Table, "action_receive", [table_id])
        self.assertEqual(table.state, "received")
        self.assertEqual(table.received_by_id, self.user_discipline)
        self.assertFalse(table.activity_ids.filtered(lambda a: a.activity_type_id == receive_type))
        self.assertRpcRefused(self.unit_enforcement.manager_id, Table, "action_reset_draft", [table_id])
        self.assertRpcRefused(self.liaison, "xingji.statistics.line", "create", {
            "table_id": table_id, "date_transferred": "2026-01-02", "problem": "补录",
        })
        # The committee's quarterly summary, reported to the leader in charge.
        Summary = "xingji.statistics.summary"
        self.assertRpcRefused(self.liaison, Summary, "create", {"year": self.year, "quarter": self.quarter})
        summary_id = self.rpc(self.user_discipline, Summary, "create",
                              {"year": self.year, "quarter": self.quarter, "leader_id": self.user_leader.id})
        self.rpc(self.user_discipline, Summary, "action_report", [summary_id])
        summary = self.env[Summary].browse(summary_id)
        self.assertEqual(summary.state, "reported")
        line = summary.line_ids.filtered(lambda l: l.unit_id == self.unit_enforcement)
        self.assertEqual((line.table_state, line.clue_count, line.off_system_count), ("received", 2, 1))
        self.assertEqual(summary.activity_ids.user_id, self.user_leader)
        self.assertRpcRefused(self.user_discipline, Summary, "write", [summary_id], {"analysis": "改"})
        self.assertRpcRefused(self.user_discipline, Summary, "action_acknowledge", [summary_id])
        self.rpc(self.user_leader, Summary, "action_acknowledge", [summary_id])
        self.assertEqual(summary.state, "acknowledged")
        self.assertEqual(summary.acknowledged_by_id, self.user_leader)
        self.assertTrue(clue)


@tagged("post_install", "-at_install", "xingji_reports")
class TestStatisticsChain(ChainMixin, XingjiReportCase, XingjiClueCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_chain()

    def test_cron_reminds_committee_after_units_due_date(self):
        Table = self.env["xingji.statistics.table"]
        Summary = self.env["xingji.statistics.summary"]
        with freeze_time("2027-01-05"):
            self.assertFalse(Table._cron_remind_quarterly_summary(), "Before the units' due date")
        with freeze_time("2027-01-20"):
            summary = Table._cron_remind_quarterly_summary()
            self.assertEqual((summary.year, summary.quarter, summary.state), (2026, "4", "draft"))
            self.assertEqual(summary.activity_ids.user_id, self.user_discipline)
            self.assertFalse(Table._cron_remind_quarterly_summary(), "Reruns do not duplicate it")
        self.assertEqual(Summary.search_count([("year", "=", 2026), ("quarter", "=", "4")]), 1)

    def test_long_problem_printed_whole_and_filled_on_submission(self):
        sentence = "该人员多次利用现场检查之机向企业索取财物并要求企业为其亲属安排工作，情节严重。"
        problem = sentence * 8 + "最后一句在此结束。"
        self.assertGreater(len(problem), 300)
        self._to_transferred(main_problem=problem)
        table = Table = self.env["xingji.statistics.table"].with_user(self.liaison).create(
            {"unit_id": self.unit_enforcement.id, "year": self.year, "quarter": self.quarter}
        )
        with freeze_time(fields.Datetime.now()):
            table.action_submit()
        pdf = self.render_pdf("xingji_reports.action_report_statistics_table", table, user=self.liaison)
        text = self.squash(self.pdf_text(pdf))
        self.assertIn(self.squash("最后一句在此结束。"), text, "问题线索情况 is printed whole")
        self.assertGreaterEqual(text.count(self.squash("情节严重。")), 7)
        self.assertNotIn("…", text)
        filled = table._filled_on("zh_CN")
        self.assertIn(self.squash(filled), text)
        self.assertTrue(Table)


@tagged("post_install", "-at_install", "xingji_tour")
class TestStatisticsChainTour(ChainMixin, XingjiAttackCase, XingjiClueCase):
    """The liaison's quarter in the browser, one tour per user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_chain()
        for user in (cls.liaison, cls.user_discipline, cls.user_leader):
            user.write({"lang": "en_US", "tz": "Asia/Shanghai"})

    def _form(self, record):
        action = {"xingji.statistics.table": "xingji_statistics_table_action",
                  "xingji.statistics.summary": "xingji_statistics_summary_action"}[record._name]
        return f"/odoo/action-xingji_reports.{action}/{record.id}"

    def test_liaison_quarter_tour(self):
        self._to_transferred(main_problem="检查中接受企业宴请")
        table = self.env["xingji.statistics.table"].create(
            {"unit_id": self.unit_enforcement.id, "year": 2026, "quarter": "4"}
        )
        self.start_tour(self._form(table), "xingji_statistics_liaison_tour", login=self.liaison.login)
        self.assertEqual(table.state, "submitted")
        self.assertEqual(sorted(table.line_ids.mapped("off_system")), [False, True])
        self.start_tour(self._form(table), "xingji_statistics_receive_tour", login=self.user_discipline.login)
        self.assertEqual(table.state, "received")
        summary = self.env["xingji.statistics.summary"].with_user(self.user_discipline).create(
            {"year": 2026, "quarter": "4", "leader_id": self.user_leader.id}
        )
        self.start_tour(self._form(summary), "xingji_statistics_summary_tour", login=self.user_discipline.login)
        self.assertEqual(summary.state, "reported")
        self.start_tour(self._form(summary), "xingji_statistics_acknowledge_tour", login=self.user_leader.login)
        self.assertEqual(summary.state, "acknowledged")
