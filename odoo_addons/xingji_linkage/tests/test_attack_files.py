# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 13, files of confidential records: frozen with a submitted clue or
a gated shared item, never re-bound, never planted."""
from datetime import timedelta

from odoo import fields
from odoo.fields import Command

from .attack_common import tagged
from .leaks_common import LeaksAttackCase


@tagged("post_install", "-at_install")
class TestAttackFiles(LeaksAttackCase):
    def test_scope_member_cannot_delete_or_change_file_of_transferred_clue(self):
        clue, file_ = self._transferred_clue()
        self.assertRpcRefused(self.user_handler, "ir.attachment", "unlink", [file_.id])
        self.assertRpcRefused(
            self.user_handler, "ir.attachment", "write", [file_.id], {"datas": "ZmFrZQ=="}
        )
        self.assertTrue(file_.exists())
        self.assertEqual((file_.res_model, file_.res_id), ("xingji.clue", clue.id))
        # Corrections are new files; the old one stays.
        new = self._upload(self.user_handler, "correction.txt", "xingji.clue", clue.id)
        self.assertEqual(new.res_id, clue.id)

    def test_scope_member_cannot_move_file_to_own_draft(self):
        _clue, file_ = self._transferred_clue()
        draft = self._new_clue()
        for vals in ({"res_id": draft.id}, {"res_model": "xingji.clue", "res_id": draft.id}):
            self.assertRpcRefused(self.user_handler, "ir.attachment", "write", [file_.id], vals)
        self.assertRpcRefused(
            self.user_handler, "ir.attachment", "write", [file_.id], {"res_model": False, "res_id": 0}
        )
        self.assertRpcRefused(
            self.user_handler, "ir.attachment", "copy", file_.id, {"res_id": draft.id}
        )
        self.assertNotIn(file_.name, self.env["ir.attachment"].search(
            [("res_model", "=", "xingji.clue"), ("res_id", "=", draft.id)]).mapped("name"))

    def test_scope_member_cannot_pull_file_through_material_line(self):
        clue, file_ = self._transferred_clue()
        draft = self._new_clue()
        self.assertRpcRefused(
            self.user_handler, "xingji.clue.material", "create",
            {"clue_id": draft.id, "name": "偷来的材料", "attachment_ids": [Command.set([file_.id])]},
        )
        self.assertEqual((file_.res_model, file_.res_id), ("xingji.clue", clue.id))
        # His own loose upload is attached the same way.
        own = self._upload(self.user_handler, "own.txt")
        self.rpc(
            self.user_handler, "xingji.clue.material", "create",
            {"clue_id": draft.id, "name": "本人材料", "attachment_ids": [Command.set([own.id])]},
        )
        self.assertEqual((own.res_model, own.res_id), ("xingji.clue", draft.id))

    def test_grantee_cannot_pull_gated_file_into_own_clue(self):
        category = self.env["xingji.share.category"].create({"name": "证据材料", "default_grade": "gated"})
        share = self.env["xingji.share"].with_user(self.user_supervision).create(
            {"name": "严格审批材料", "category_id": category.id, "body": "<p>secret</p>"}
        )
        share.write({"attachment_ids": [Command.create({"name": "gated.txt", "raw": b"secret"})]})
        share_file = share.sudo().attachment_ids
        self.assertEqual(share.grade, "gated")
        self.assertEqual((share_file.res_model, share_file.res_id), ("xingji.share", share.id))
        grant = self.env["xingji.access.grant"].create(
            {
                "res_model": "xingji.share",
                "res_id": share.id,
                "user_id": self.user_handler.id,
                "date_end": fields.Date.today() + timedelta(days=3),
            }
        )
        draft = self._new_clue()
        self.assertRpcRefused(
            self.user_handler, "xingji.clue.material", "create",
            {"clue_id": draft.id, "name": "共享材料", "attachment_ids": [Command.link(share_file.id)]},
        )
        self.assertRpcRefused(
            self.user_handler, "ir.attachment", "write", [share_file.id],
            {"res_model": "xingji.clue", "res_id": draft.id},
        )
        self.assertRpcRefused(
            self.user_handler, "ir.attachment", "copy", share_file.id,
            {"res_model": "xingji.clue", "res_id": draft.id},
        )
        self.assertRpcRefused(self.user_handler, "ir.attachment", "unlink", [share_file.id])
        grant.active = False
        self.assertRpcRefused(
            self.user_handler, "ir.attachment", "read", [share_file.id], ["datas"]
        )
        response = self.url_open(f"/web/content/{share_file.id}?download=true")
        self.assertIn(response.status_code, (403, 404))

    def test_outsider_cannot_plant_file_on_hidden_clue(self):
        clue, _file = self._transferred_clue()
        draft = self._new_clue()
        for target in (clue, draft):
            loose = self._upload(self.outsider, "plant.txt", "xingji.clue", 0)
            self.assertRpcRefused(self.outsider, "ir.attachment", "write", [loose.id], {"res_id": target.id})
            self.assertFalse(loose.res_id)
            error = self.assertRpcRefused(
                self.outsider, "ir.attachment", "create",
                {"name": "plant2.txt", "raw": "x", "res_model": "xingji.clue", "res_id": target.id},
            )
            self.assertNotIn(target.name, error.message)
        # Hidden and absent clues answer alike.
        loose = self._upload(self.outsider, "plant3.txt")
        hidden = self.assertRpcRefused(
            self.outsider, "ir.attachment", "write", [loose.id], {"res_model": "xingji.clue", "res_id": clue.id}
        )
        absent = self.assertRpcRefused(
            self.outsider, "ir.attachment", "write", [loose.id],
            {"res_model": "xingji.clue", "res_id": clue.id + 100000},
        )
        self.assertEqual((hidden.name, hidden.message), (absent.name, absent.message))

    def test_nobody_binds_another_users_loose_upload(self):
        draft = self._new_clue()
        theirs = self._upload(self.outsider, "theirs.txt")
        self.assertRpcRefused(
            self.user_handler, "ir.attachment", "write", [theirs.id],
            {"res_model": "xingji.clue", "res_id": draft.id},
        )
