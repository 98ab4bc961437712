# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 11: the 附件2 title names the agency in the body of the page, the
opinion boxes are signed by their decider with the date, and a written
feedback prints for the referrals to discipline bodies too."""
from odoo import fields
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.xingji_linkage.tests.clue_common import XingjiClueCase

from .common import XingjiReportCase


@tagged("post_install", "-at_install", "xingji_reports")
class TestClueReportsRoute(XingjiReportCase, XingjiClueCase):
    def test_title_carries_the_agency_and_boxes_are_signed(self):
        self.env.company.name = "测试省药品监督管理局"
        self.user_unit_manager.name = "审核处长甲"
        self.user_leader.name = "分管局领导乙"
        self.unit_enforcement.leader_in_charge_id = self.user_leader
        clue = self._to_transferred()
        pdf = self.render_pdf("xingji_reports.action_report_clue_transfer", clue, user=self.user_handler)
        text = self.squash(self.pdf_text(pdf))
        self.assertIn(self.squash("测试省药品监督管理局行政执法与纪检监察监督贯通协同线索移送报告表"), text)
        today = fields.Date.context_today(clue)
        day = self.squash(f"{today.year}年{today.month:02d}月{today.day:02d}日")
        # Each box ends with its decider and the date; pdftotext puts a box's
        # value before its vertically centred label (see test_clue_reports).
        leader_signed = text.index(self.squash("分管局领导乙") + day)
        unit_signed = text.index(self.squash("审核处长甲") + day)
        self.assertLess(leader_signed, text.index(self.squash("局领导批示")))
        self.assertLess(text.index(self.squash("局领导批示")), unit_signed)
        self.assertLess(unit_signed, text.index(self.squash("拟办意见")))

    def test_written_feedback_to_the_referring_unit(self):
        clue = self._to_transferred(
            person_ids=[Command.create({"name": "周某", "employer_post": "测试执法处 科员",
                                        "cadre_rank": "below_division", "is_party_member": True})],
        )
        receiver = clue.with_user(self.user_discipline)
        receiver.action_accept()
        receiver.write({"disposal": "talk_inquiry", "result": "经谈话函询，予以批评教育。"})
        receiver.action_feedback()
        action = self.env.ref("xingji_reports.action_report_clue_discipline_feedback")
        self.assertEqual(action.domain, "[('direction', '=', 'to_discipline')]")
        pdf = self.render_pdf("xingji_reports.action_report_clue_discipline_feedback", clue, user=self.user_handler)
        text = self.squash(self.pdf_text(pdf))
        # The title is Chinese once the lead regenerates the .pot (the .po
        # is merged with it on loading); the English source until then.
        self.assertTrue(
            self.squash("问题线索处置情况书面反馈") in text
            or self.squash("Written Feedback on the Disposal of a Problem Clue") in text
        )
        for expected in (clue.name, "测试执法处", "测试纪委", "周某",
                         "谈话函询", "经谈话函询，予以批评教育。"):
            self.assertIn(self.squash(expected), text)
