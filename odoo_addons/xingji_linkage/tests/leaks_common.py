# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the attacks on files and side channels: the clue fixtures of
:class:`XingjiClueCase` served over HTTP."""
import base64

from odoo.fields import Command
from odoo.tests import new_test_user

from .attack_common import XingjiAttackCase
from .clue_common import XingjiClueCase


class LeaksAttackCase(XingjiAttackCase, XingjiClueCase):
    """A transferred clue and a draft clue of the handler, an outsider with
    no part in them, and a reported person who is a user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outsider = cls.user_handler2
        cls.reported = new_test_user(
            cls.env,
            login="xj_test_reported",
            name="Reported cadre",
            groups="base.group_user,xingji_linkage.group_xingji_leader",
        )

    def _transferred_clue(self):
        clue = self._new_clue(
            person_ids=[
                Command.create(
                    {
                        "name": "王某",
                        "cadre_rank": "below_division",
                        "is_party_member": True,
                        "user_id": self.reported.id,
                    }
                )
            ]
        )
        file_ = self._upload(self.user_handler, "evidence.txt", "xingji.clue", clue.id)
        self._to_transferred(clue)
        self.assertNotEqual(clue.state, "draft")
        return clue, file_

    def _upload(self, user, name, res_model=False, res_id=False):
        attachment_id = self.rpc(
            user,
            "ir.attachment",
            "create",
            {
                "name": name,
                "datas": base64.b64encode(b"content of " + name.encode()).decode(),
                "res_model": res_model,
                "res_id": res_id,
            },
        )
        return self.env["ir.attachment"].browse(attachment_id)
