# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.xingji_linkage.tests.rect_common import RectCase

from .common import XingjiReportCase

INTERNAL = "内部资料"


@tagged("post_install", "-at_install", "xingji_reports")
class TestRectificationReports(XingjiReportCase, RectCase):
    def test_joint_inspection_report_with_stored_draw(self):
        finding = self._start_with_finding(severity="major")
        self.inspection.with_user(self.user_discipline).write(
            {"report_summary": "<p>本次督查抽查处罚案卷12份。</p>", "report_conclusion": "<p>总体规范，个别案卷需整改。</p>"}
        )
        draw = self.inspection.draw_id
        pdf = self.render_pdf("xingji_reports.action_report_inspection", self.inspection, user=self.user_discipline)
        self.assertSimplifiedChineseFont(pdf)
        self.assertLabelOnEveryPage(pdf, INTERNAL)
        text = self.squash(self.pdf_text(pdf))
        for expected in (
            "联合法治督查报告", "2026年度联合法治督查", self.inspection.name, "随机抽取", draw.seed,
            "测试执法处", "测试检查分局", "本次督查抽查处罚案卷12份。", finding.name, "总体规范，个别案卷需整改。",
        ):
            self.assertIn(self.squash(expected), text)
        # Not a confidential record: printing it is not an access-log event.
        self.assertFalse(self.env["xingji.access.log"].sudo().search(
            [("res_model", "=", "xingji.inspection"), ("res_id", "=", self.inspection.id)]))
        # The severity is printed with its label, in Chinese.
        severity = dict(finding._fields["severity"]._description_selection(finding.with_context(lang="zh_CN").env))
        self.assertIn(self.squash(severity["major"]), text)

    def test_rectification_notice_and_report(self):
        task = self._task(
            name="完善法制审核制度",
            problem="处罚决定未经法制审核。",
            date_deadline=date(2026, 12, 31),
        )
        pdf = self.render_pdf("xingji_reports.action_report_rectification_notice", task, user=self.user_supervision)
        self.assertLabelOnEveryPage(pdf, INTERNAL)
        text = self.squash(self.pdf_text(pdf))
        for expected in ("整改通知书", "测试执法处", "完善法制审核制度", "处罚决定未经法制审核。", "2026年12月31日", "测试法规处"):
            self.assertIn(self.squash(expected), text)

        task.sudo().write({"measures": "建立法制审核台账。", "result": "已补做3份案卷的法制审核。", "evidence_note": "审核台账复印件"})
        pdf = self.render_pdf("xingji_reports.action_report_rectification_report", task, user=self.user_handler)
        text = self.squash(self.pdf_text(pdf))
        for expected in ("整改情况报告", "整改措施", "建立法制审核台账。", "整改结果", "已补做3份案卷的法制审核。", "审核台账复印件"):
            self.assertIn(self.squash(expected), text)

    def test_rectification_report_refused_to_outsider(self):
        """Printing runs with the user's rights: no read, no print."""
        task = self._task(name="外单位不可见的任务")
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model"):
            self.render_pdf("xingji_reports.action_report_rectification_report", task, user=self.handler2)

    def test_meeting_minutes(self):
        meeting = self.env["xingji.meeting"].with_user(self.user_discipline).create(
            {
                "name": "2026年上半年行纪贯通联席会议",
                "kind": "joint",
                "location": "局三楼会议室",
                "chair_id": self.user_leader.id,
                "organiser_unit_id": self.unit_discipline.id,
                "participant_unit_ids": [(6, 0, [self.unit_enforcement.id, self.unit_supervision.id])],
                "participant_user_ids": [(6, 0, [self.user_handler.id, self.user_supervision.id])],
                "agenda": "<p>通报上半年线索移送情况</p>",
                "minutes": "<p>会议认为线索移送总体及时。</p>",
                "decision_ids": [(0, 0, {"name": "各处室指定联络员", "responsible_unit_id": self.unit_enforcement.id,
                                         "date_deadline": "2026-07-15"})],
            }
        )
        pdf = self.render_pdf("xingji_reports.action_report_meeting_minutes", meeting, user=self.user_discipline)
        self.assertLabelOnEveryPage(pdf, INTERNAL)
        text = self.squash(self.pdf_text(pdf))
        for expected in (
            "会议纪要", "2026年上半年行纪贯通联席会议", "局三楼会议室", "通报上半年线索移送情况",
            "会议认为线索移送总体及时。", "各处室指定联络员", "2026年07月15日", "测试执法处",
        ):
            self.assertIn(self.squash(expected), text)
