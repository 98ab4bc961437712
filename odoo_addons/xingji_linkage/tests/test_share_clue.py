# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .clue_common import XingjiClueCase


@tagged("post_install", "-at_install", "xingji_share")
class TestClueAccessRequest(XingjiClueCase):
    """The request and grant mechanism of shared items opens clues too."""

    def _request(self, clue, requester, beneficiary, **vals):
        return (
            self.env["xingji.share.request"]
            .with_user(requester)
            .create(
                {
                    "res_model": "xingji.clue",
                    "res_id": clue.id,
                    "user_id": beneficiary.id,
                    "reason": "联合核查需要",
                    "date_end": fields.Date.today() + timedelta(days=10),
                    **vals,
                }
            )
        )

    def _can_read(self, clue, user):
        self.env.invalidate_all()
        return bool(clue.with_user(user).search([("id", "=", clue.id)]))

    def _logs(self, clue, action):
        return self.env["xingji.access.log"].sudo().search(
            [("res_model", "=", "xingji.clue"), ("res_id", "=", clue.id), ("action", "=", action)]
        )

    def test_grant_opens_clue_and_expiry_closes_it(self):
        clue = self._new_clue()
        outsider = self.user_supervision
        self.assertFalse(self._can_read(clue, outsider))
        # The button on the clue form prepares a request for a colleague.
        action = clue.with_user(self.user_handler).action_request_access()
        self.assertEqual(action["context"]["default_res_model"], "xingji.clue")
        self.assertFalse(action["context"]["default_user_id"])
        request = self._request(clue, self.user_handler, outsider)
        self.assertEqual(request.approver_ids, self.user_unit_manager)
        self.assertFalse(self._can_read(clue, outsider))
        # Only the approver decides.
        with self.assertRaises(UserError):
            request.with_user(self.user_handler).action_approve()
        request.with_user(self.user_unit_manager).action_approve(comment="同意")
        self.assertTrue(self._can_read(clue, outsider))
        self.assertIn(outsider, clue.sudo().scope_user_ids)
        self.assertEqual(clue.with_user(outsider).read(["main_problem"])[0]["main_problem"], "检查中接受企业宴请")
        self.assertTrue(self._logs(clue, "grant"))
        self.assertIn("granted access", clue.sudo().message_ids[0].body)

        with freeze_time(request.date_end + timedelta(days=1)):
            self.env["xingji.access.grant"]._cron_expire_grants()
            self.assertEqual(request.state, "expired")
            self.assertFalse(self._can_read(clue, outsider))
            with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
                clue.with_user(outsider).read(["main_problem"])
        self.assertTrue(self._logs(clue, "expire"))

    def test_outsider_cannot_ask_for_colleague_and_reported_person_recuses(self):
        clue = self._new_clue(
            person_ids=[
                Command.create(
                    {
                        "name": "周某",
                        "cadre_rank": "below_division",
                        "is_party_member": True,
                        "user_id": self.user_handler2.id,
                    }
                )
            ]
        )
        with self.assertRaises(UserError):
            self._request(clue, self.user_leader, self.user_supervision)
        # A clue is unknown outside its scope: nobody asks for themselves.
        with self.assertRaises(UserError):
            self._request(clue, self.user_leader, self.user_leader)
        # A reported person never enters the scope of their clue (回避).
        with self.assertRaises(UserError):
            self._request(clue, self.user_handler, self.user_handler2)
        with self.assertRaises(UserError):
            self._request(clue, self.user_handler2, self.user_handler2)

    def test_rejected_request_leaves_clue_closed(self):
        clue = self._new_clue()
        request = self._request(clue, self.user_handler, self.user_supervision)
        request.with_user(self.user_unit_manager).action_reject(comment="无必要")
        self.assertEqual(request.state, "rejected")
        self.assertFalse(self._can_read(clue, self.user_supervision))
