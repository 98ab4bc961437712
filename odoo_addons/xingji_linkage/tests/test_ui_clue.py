# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "xingji_tour", "xingji_clue")
class TestClueUi(HttpCase):
    def _user(self, xmlid):
        user = self.env.ref(f"xingji_linkage.{xmlid}")
        # start_tour logs in with password = login.
        user.password = user.login
        return user

    def test_clue_referral_tour(self):
        """经办人 creates, 部门负责人 and 局领导 approve, 纪检监察 accepts and
        feeds back, and the source unit reads the result."""
        handler = self._user("user_handler_demo")
        head = self._user("user_unit_manager_demo")
        leader = self._user("user_leader_demo")
        discipline = self._user("user_discipline2_demo")
        Clue = self.env["xingji.clue"]

        self.start_tour("/odoo", "xingji_clue_tour_create", login=handler.login)
        clue = Clue.search([("person_names", "=", "旅测某")])
        self.assertEqual(len(clue), 1)
        self.assertEqual(clue.state, "review")
        self.assertTrue(clue.no_proposal_confirmed)
        self.assertEqual(clue.create_uid, handler)

        self.start_tour("/odoo", "xingji_clue_tour_approve_head", login=head.login)
        clue.invalidate_recordset()
        self.assertEqual(clue.state, "approval")
        self.assertEqual(clue.unit_opinion, "情况属实，同意移送。")

        self.start_tour("/odoo", "xingji_clue_tour_approve_leader", login=leader.login)
        clue.invalidate_recordset()
        self.assertEqual(clue.state, "transferred")
        self.assertEqual(clue.leader_instruction, "同意移送驻局纪检监察组。")
        self.assertEqual(clue.receiving_unit_id, self.env.ref("xingji_linkage.unit_stationed_group_demo"))

        # 局机关纪委 forwards (转送) the clue to 驻局纪检监察组 (seed 000 §三).
        organ = self._user("user_discipline_demo")
        self.start_tour("/odoo", "xingji_clue_tour_forward", login=organ.login)
        clue.invalidate_recordset()
        self.assertEqual((clue.transit_state, clue.forward_number), ("forwarded", "示纪〔2026〕9号"))

        self.start_tour("/odoo", "xingji_clue_tour_receive", login=discipline.login)
        clue.invalidate_recordset()
        self.assertEqual(clue.state, "fed_back")
        self.assertEqual(clue.disposal, "talk_inquiry")

        self.start_tour("/odoo", "xingji_clue_tour_result", login=handler.login)

    def test_attachment_download_needs_scope(self):
        """Downloading a material file: the scope may (and it is logged),
        a Settings administrator outside the scope may not."""
        clue = self.env.ref("xingji_linkage.clue_demo_review")
        attachment = self.env["ir.attachment"].create(
            {"name": "证据.txt", "datas": base64.b64encode(b"evidence"), "res_model": "xingji.clue",
             "res_id": clue.id}
        )
        handler = self._user("user_handler_demo")
        self.authenticate(handler.login, handler.login)
        response = self.url_open(f"/web/content/{attachment.id}?download=true")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"evidence")
        log = self.env["xingji.access.log"].search(
            [("res_model", "=", "xingji.clue"), ("res_id", "=", clue.id), ("action", "=", "download")]
        )
        self.assertEqual(log.user_id, handler)
        admin = self.env.ref("base.user_admin")
        admin.password = "admin-pw"
        self.authenticate(admin.login, "admin-pw")
        response = self.url_open(f"/web/content/{attachment.id}?download=true")
        self.assertIn(response.status_code, (403, 404))
        self.assertNotEqual(response.content, b"evidence")
