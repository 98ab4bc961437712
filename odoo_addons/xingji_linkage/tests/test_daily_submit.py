# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from .attack_common import RpcError, XingjiAttackCase, tagged
from .clue_common import XingjiClueCase


@tagged("post_install", "-at_install")
class TestSubmitChecksBeforeConfirming(XingjiAttackCase, XingjiClueCase):
    """The Submit button, as the client calls it: what is missing is said
    at once; the "content is frozen" confirmation comes only for a clue
    that can be submitted."""

    def _click(self, clue):
        """The button as the web client sends it (call_button, selected ids)."""
        self._login(self.user_handler)
        self.env.flush_all()
        payload = {
            "jsonrpc": "2.0", "method": "call", "id": 0,
            "params": {
                "model": "xingji.clue", "method": "action_open_submit", "args": [clue.ids],
                "kwargs": {"context": {"lang": "en_US"}},
            },
        }
        body = self.url_open(
            "/web/dataset/call_button", data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        ).json()
        self.env.invalidate_all()
        if "error" in body:
            raise RpcError(body["error"])
        return body["result"]

    def test_incomplete_clue_refused_before_any_confirmation(self):
        clue = self._new_clue(main_problem=False)
        with self.assertRaises(RpcError) as refused:
            self._click(clue)
        self.assertIn("cannot be submitted yet", refused.exception.message)
        self.assertEqual(clue.state, "draft")

    def test_complete_clue_asks_to_confirm_then_submits(self):
        clue = self._new_clue()
        action = self._click(clue)
        self.assertEqual(action["res_model"], "xingji.clue.decision.wizard")
        self.assertEqual(action["context"]["default_action"], "submit")
        self.env.invalidate_all()
        self.assertEqual(clue.state, "draft", "nothing is submitted before the user confirms")
        wizard = self.rpc(
            self.user_handler, "xingji.clue.decision.wizard", "create",
            {"clue_id": clue.id, "action": "submit"},
        )
        self.rpc(self.user_handler, "xingji.clue.decision.wizard", "action_confirm", [wizard])
        self.assertEqual(clue.state, "review")

    def test_outsider_cannot_submit_through_the_dialog(self):
        clue = self._new_clue()
        with self.assertRaises(RpcError):
            wizard = self.rpc(
                self.user_handler2, "xingji.clue.decision.wizard", "create",
                {"clue_id": clue.id, "action": "submit"},
            )
            self.rpc(self.user_handler2, "xingji.clue.decision.wizard", "action_confirm", [wizard])
        self.assertEqual(clue.state, "draft")
