# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.xingji_linkage.tests.clue_common import XingjiClueCase

from .common import XingjiReportCase

CONFIDENTIAL = "机密 · 严格控制知悉范围"
# Row anchors of the 附件2 grid, top to bottom (short enough never to wrap).
ANCHORS = ["线索收到", "线索来源", "被反映人姓", "被反映人工", "反映的主", "局领导批", "处室", "拟办意见",
           "证据线索", "材料清单", "备注", "经办人"]


@tagged("post_install", "-at_install", "xingji_reports")
class TestClueReports(XingjiReportCase, XingjiClueCase):
    def _full_clue(self):
        clue = self._new_clue(
            date_received="2026-03-01",
            source="complaint",
            source_detail="12315热线",
            main_problem="检查员刘某被反映接受企业宴请，对数据完整性缺陷未予记录。",
            evidence="检查记录、报销凭证复印件。",
            proposed_opinion="拟移送驻局纪检监察组。",
            note="请注意保密。",
            handler_phone="0771-5550199",
            person_ids=[
                Command.create({"name": "刘某", "employer_post": "测试执法处 四级主任科员",
                                "cadre_rank": "below_division", "is_party_member": True}),
                Command.create({"name": "陈某", "employer_post": "测试执法处 科员",
                                "cadre_rank": "below_division", "is_party_member": False}),
            ],
            material_ids=[
                Command.create({"name": "检查记录", "pages": 3}),
                Command.create({"name": "报销凭证复印件", "pages": 2, "note": "加盖企业公章"}),
            ],
        )
        return self._to_transferred(clue)

    def _region(self, text, anchor):
        """Text between the anchors around ``anchor``'s row (a value can sit
        above its vertically centred label in the text flow)."""
        index = ANCHORS.index(anchor)
        # The second label of a two-label row shares its row with the first.
        back = 2 if anchor in ("线索来源", "被反映人工") else 1
        start = text.index(ANCHORS[index - back]) if index >= back else 0
        end = text.index(ANCHORS[index + 1]) if index + 1 < len(ANCHORS) else len(text)
        return text[start:end]

    def test_transfer_report_fills_every_box(self):
        clue = self._full_clue()
        self.assertTrue(clue.leader_instruction and clue.unit_opinion, "The approvals fill both opinions")
        pdf = self.render_pdf("xingji_reports.action_report_clue_transfer", clue, user=self.user_handler)
        self.assertSimplifiedChineseFont(pdf)
        self.assertLabelOnEveryPage(pdf, CONFIDENTIAL)
        text = self.squash(self.pdf_text(pdf))
        self.assertIn(self.squash("行政执法与纪检监察监督贯通协同线索移送报告表"), text)
        self.assertIn(self.squash(f"填表单位：{self.unit_enforcement.name}"), text)
        self.assertIn(self.squash("填表时间："), text)
        expected = {
            "线索收到": "2026年03月01日",
            "线索来源": "12315热线",
            "被反映人姓": "刘某",
            "被反映人工": "测试执法处四级主任科员",
            "反映的主": "检查员刘某被反映接受企业宴请，对数据完整性缺陷未予记录。",
            "局领导批": clue.leader_instruction,
            "处室": clue.unit_opinion,
            "拟办意见": "拟移送驻局纪检监察组。",
            "证据线索": "检查记录、报销凭证复印件。",
            "材料清单": "2.报销凭证复印件（2页）：加盖企业公章",
            "备注": "请注意保密。",
        }
        for anchor, value in expected.items():
            self.assertIn(self.squash(value), self._region(text, anchor), f"{value!r} is not in the box {anchor}")
        self.assertIn(self.squash("1.检查记录（3页）"), self._region(text, "材料清单"))
        # Two reported persons: both names and posts sit in the persons row.
        for value in ("陈某", "测试执法处科员"):
            self.assertIn(self.squash(value), self._region(text, "被反映人工"))
        self.assertIn(self.squash(f"经办人：{self.user_handler.name}"), text)
        self.assertIn(self.squash("联系电话：0771-5550199"), text)

    def test_printing_a_clue_is_logged(self):
        clue = self._full_clue()
        Log = self.env["xingji.access.log"].sudo()
        before = Log.search_count([("res_model", "=", "xingji.clue"), ("res_id", "=", clue.id), ("action", "=", "print")])
        self.render_pdf("xingji_reports.action_report_clue_transfer", clue, user=self.user_leader)
        logs = Log.search([("res_model", "=", "xingji.clue"), ("res_id", "=", clue.id), ("action", "=", "print")])
        self.assertEqual(len(logs), before + 1)
        self.assertEqual(logs[0].user_id, self.user_leader)
        self.assertFalse(self.env["xingji.access.log"]._verify_chain())

    def test_outsider_cannot_print_clue(self):
        clue = self._full_clue()
        self.assertNotIn(self.user_handler2, clue.sudo().scope_user_ids)
        for user in (self.user_handler2, self.settings_admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError), \
                    mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model"):
                self.render_pdf("xingji_reports.action_report_clue_transfer", clue, user=user)

    def test_written_feedback_of_a_fault_clue(self):
        clue = self._new_fault_clue(
            main_problem="执法人员未告知当事人陈述申辩权利。",
            violation_facts="违反《行政处罚法》第四十四条。",
            evidence="案卷复印件。",
            person_ids=[Command.create({"name": "赵某", "employer_post": "测试执法处 科员",
                                        "cadre_rank": "below_division", "cert_number": "GX-2026-0042"})],
        )
        clue.action_submit()
        clue.with_user(self.user_leader)._approve("同意移送法规处")
        supervised = clue.with_user(self.user_supervision)
        supervised.write({"verification_result": "经核查，反映问题属实。", "handling_result": "责令重新作出处罚决定，对执法人员批评教育。"})
        supervised.action_feedback()
        pdf = self.render_pdf("xingji_reports.action_report_clue_feedback", clue, user=self.user_supervision)
        self.assertLabelOnEveryPage(pdf, CONFIDENTIAL)
        text = self.squash(self.pdf_text(pdf))
        for expected in (
            "执法过错线索核查结果书面反馈", clue.name, "测试纪委", "测试法规处", "赵某", "GX-2026-0042",
            "执法人员未告知当事人陈述申辩权利。", "违反《行政处罚法》第四十四条。",
            "经核查，反映问题属实。", "责令重新作出处罚决定，对执法人员批评教育。",
        ):
            self.assertIn(self.squash(expected), text)
        facts, verified, handled = (text.index(self.squash(v)) for v in ("违反《行政处罚法》", "经核查", "责令重新"))
        self.assertLess(facts, verified, "The verification result follows the facts")
        self.assertLess(verified, handled, "The disposal result has its own box below")
        action = self.env.ref("xingji_reports.action_report_clue_feedback")
        self.assertEqual(action.domain, "[('direction', '=', 'to_supervision')]")

    def test_printing_several_clues_logs_each_and_labels_every_page(self):
        first, second = self._full_clue(), self._to_transferred(main_problem="第二条线索的主要问题")
        Log = self.env["xingji.access.log"].sudo()
        domain = [("res_model", "=", "xingji.clue"), ("action", "=", "print"), ("user_id", "=", self.user_leader.id)]
        before = Log.search(domain)
        pdf = self.render_pdf("xingji_reports.action_report_clue_transfer", first | second, user=self.user_leader)
        pages = self.pdf_pages(pdf)
        self.assertEqual(len(pages), 2, "One form per clue")
        self.assertIn(self.squash(first.name), self.squash(pages[0]))
        self.assertIn(self.squash("第二条线索的主要问题"), self.squash(pages[1]))
        self.assertLabelOnEveryPage(pdf, CONFIDENTIAL, min_pages=2)
        logged = Log.search(domain) - before
        self.assertEqual(sorted(logged.mapped("res_id")), sorted((first | second).ids))

    def test_long_clue_keeps_the_label_on_every_page(self):
        long_text = "\n".join(f"第{i}项：检查中发现企业数据完整性缺陷未予记录。" for i in range(1, 80))
        clue = self._to_transferred(main_problem="篇幅较长的线索", evidence=long_text)
        pdf = self.render_pdf("xingji_reports.action_report_clue_transfer", clue, user=self.user_handler)
        self.assertLabelOnEveryPage(pdf, CONFIDENTIAL, min_pages=2)
        self.assertIn(self.squash("第79项"), self.squash(self.pdf_text(pdf)))
