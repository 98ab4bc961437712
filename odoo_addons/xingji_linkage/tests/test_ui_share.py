# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "xingji_tour", "xingji_share")
class TestShareUi(HttpCase):
    def _user(self, xmlid):
        user = self.env.ref(f"xingji_linkage.{xmlid}")
        # start_tour logs in with password = login.
        user.password = user.login
        return user

    def test_request_and_approve_tour(self):
        """周杰 (第一检查分局) asks for the offline evidence record of 药品生产监管处;
        its head 李强 approves; 周杰 then reads the item."""
        requester = self._user("user_handler2_demo")
        head = self._user("user_unit_manager_demo")
        item = self.env.ref("xingji_linkage.share_evidence_offline_demo")
        self.assertFalse(item.with_user(requester).search([("id", "=", item.id)]))

        self.start_tour("/odoo", "xingji_share_tour_request", login=requester.login)
        request = self.env["xingji.share.request"].search(
            [("res_model", "=", "xingji.share"), ("res_id", "=", item.id)]
        )
        self.assertEqual(len(request), 1)
        self.assertEqual(request.user_id, requester)
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.approver_ids, head)

        self.start_tour("/odoo", "xingji_share_tour_approve", login=head.login)
        request.invalidate_recordset()
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.comment, "同意，限期查阅。")
        self.env.invalidate_all()
        self.assertTrue(item.with_user(requester).search([("id", "=", item.id)]))

        self.start_tour("/odoo", "xingji_share_tour_read", login=requester.login)
        opened = self.env["xingji.access.log"].search(
            [("res_model", "=", "xingji.share"), ("res_id", "=", item.id), ("action", "=", "open")]
        )
        self.assertEqual(opened.user_id, requester)
