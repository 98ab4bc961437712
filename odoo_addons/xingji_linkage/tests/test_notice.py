# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .rect_common import RectCase


@tagged("post_install", "-at_install", "xingji_notice")
class TestNotice(RectCase):
    def _bulletin(self, **vals):
        values = {
            "name": "关于行纪衔接工作中线索移送不及时问题的通报",
            "direction": "to_unit",
            "notice_type": "bulletin",
            "issuer_unit_id": self.unit_discipline.id,
            "target_unit_id": self.unit_enforcement.id,
            "content": "<p>第三季度发现2条线索超过15个工作日未移送。</p>",
        }
        values.update(vals)
        return self.env["xingji.notice"].with_user(self.user_discipline).create(values)

    def test_bulletin_path_ask_again_then_accept(self):
        with freeze_time("2026-11-02"):
            notice = self._bulletin()
            self.assertTrue(notice.reference.startswith("TB-"))
            notice.action_send()
            self.assertEqual(notice.state, "sent")
            # Answer due in 15 working days by default.
            self.assertEqual(notice.date_deadline, self.env["xingji.holiday"].add_working_days(date(2026, 11, 2), 15))
            self.assertIn(self.user_unit_manager, notice.activity_ids.user_id)
        unit = notice.with_user(self.user_handler)
        unit.action_acknowledge()
        self.assertEqual(notice.state, "acknowledged")
        with self.assertRaisesRegex(UserError, "cause analysis and the rectification report"):
            unit.action_answer()
        # The unit sets a rectification task from the notice.
        ctx = unit.action_create_rectification()["context"]
        task = self.env["xingji.rectification"].with_user(self.user_handler).with_context(**ctx).create(
            {"name": "建立线索移送台账"}
        )
        self.assertEqual(task.notice_id, notice)
        self.assertEqual(task.responsible_unit_id, self.unit_enforcement)
        self.assertEqual(task.verifier_id, self.user_discipline)
        self.assertEqual(notice.rectification_count, 1)
        unit.write({"cause_analysis": "联络员变动，交接不到位", "response_report": "已建立台账，专人负责"})
        unit.action_answer()
        self.assertEqual(notice.state, "answered")
        issuer = notice.with_user(self.user_discipline)
        with self.assertRaisesRegex(UserError, "what the answer lacks"):
            issuer.action_ask_again()
        issuer.reask_reason = "请补充具体整改时限"
        issuer.action_ask_again()
        self.assertEqual(notice.state, "sent")
        unit.response_report = "已建立台账，专人负责，11月底前完成"
        unit.action_answer()
        with self.assertRaisesRegex(UserError, "Only"):
            unit.action_accept()
        issuer.action_accept()
        self.assertEqual(notice.state, "accepted")

    def test_target_cannot_edit_issuer_content(self):
        notice = self._bulletin()
        notice.action_send()
        unit = notice.with_user(self.user_handler)
        for field, value in (("content", "<p>改写</p>"), ("name", "改写"), ("date_deadline", date(2027, 1, 1)),
                             ("target_unit_id", self.unit_enforcement2.id)):
            with self.assertRaisesRegex(UserError, "as the addressee you may only answer it"):
                unit.write({field: value})
        self.assertIn("第三季度", notice.content)
        # The issuer cannot rewrite a sent notice either, nor write the answer.
        with self.assertRaisesRegex(UserError, "has been sent"):
            notice.with_user(self.user_discipline).write({"content": "<p>改写</p>"})
        with self.assertRaisesRegex(UserError, "Only members of"):
            notice.with_user(self.user_discipline).write({"cause_analysis": "代写"})
        # The unit may answer.
        unit.write({"cause_analysis": "原因"})
        self.assertEqual(notice.cause_analysis, "原因")
        # The form shows the issuer's fields read-only to the unit.
        self.assertFalse(unit.is_issuer)
        self.assertTrue(unit.is_target)
        arch = self.env["xingji.notice"].get_view(self.env.ref("xingji_linkage.xingji_notice_view_form").id)["arch"]
        self.assertIn('name="content" readonly="state != \'draft\' or not is_issuer"', arch)

    def test_support_request_acknowledged_and_answered(self):
        request = self.env["xingji.notice"].with_user(self.user_handler).create(
            {
                "name": "关于某案件查办受阻请求支持的报告",
                "direction": "to_discipline",
                "notice_type": "support",
                "issuer_unit_id": self.unit_enforcement.id,
                "target_unit_id": self.unit_discipline.id,
                "content": "<p>当事人多次阻挠检查。</p>",
            }
        )
        with self.assertRaisesRegex(UserError, "Only"):
            request.with_user(self.user_supervision).action_send()
        request.action_send()
        # The discipline body is reminded to answer.
        self.assertIn(self.user_discipline, request.activity_ids.user_id)
        with self.assertRaisesRegex(UserError, "Only"):
            request.with_user(self.user_handler).action_acknowledge()
        receiver = request.with_user(self.discipline2)
        receiver.action_acknowledge()
        self.assertEqual(request.acknowledged_by_id, self.discipline2)
        with self.assertRaisesRegex(UserError, "Write the answer"):
            receiver.action_answer()
        receiver.reply = "已安排专人联系，共同约谈当事单位负责人"
        receiver.action_answer()
        self.assertEqual(request.state, "answered")
        with self.assertRaisesRegex(UserError, "Only an answer to a bulletin"):
            request.action_accept()

    def test_type_matches_direction_and_target_kind(self):
        with self.assertRaises(ValidationError):
            self._bulletin(notice_type="support")
        wrong = self._bulletin(direction="to_discipline", notice_type="situation")
        with self.assertRaisesRegex(UserError, "addressed to a discipline body"):
            wrong.action_send()

    def test_record_rules(self):
        notice = self._bulletin()
        Notice = self.env["xingji.notice"]
        # A draft is not yet visible to the addressee.
        self.assertFalse(Notice.with_user(self.user_handler).search([("id", "=", notice.id)]))
        notice.action_send()
        self.assertTrue(Notice.with_user(self.user_handler).search([("id", "=", notice.id)]))
        self.assertFalse(Notice.with_user(self.handler2).search([("id", "=", notice.id)]))
        self.assertTrue(Notice.with_user(self.user_leader).search([("id", "=", notice.id)]))
        with mute_logger("odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            Notice.with_user(self.user_manager).search([])

    def test_overdue_answer_escalates_to_issuer(self):
        with freeze_time("2026-11-02"):
            notice = self._bulletin(date_deadline=date(2026, 11, 4))
            notice.action_send()
        with freeze_time("2026-11-06"):
            _reminded, overdue = self.env["xingji.notice"]._cron_deadline_reminders()
            self.assertEqual(overdue, notice)
            escalated = notice.activity_ids.filtered(
                # The summary is in the language of the user told.
                lambda a: "Overdue" in a.summary or "超期" in a.summary
            )
            self.assertIn(self.user_discipline, escalated.user_id)
