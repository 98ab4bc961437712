# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from .common import XingjiCase


class ShareCase(XingjiCase):
    """Three items, one per grade, owned by the enforcement unit.

    * handler and unit manager (head) are the owner unit;
    * the supervision unit is named on the scoped item;
    * leader and discipline users are linkage users outside every scope;
    * the configuration manager and the Settings administrator hold no
      linkage work role; ``system_handler`` is a Settings administrator who
      is also a linkage handler, outside every scope.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.system_handler = new_test_user(
            cls.env,
            login="xj_test_system_handler",
            name="System Handler",
            groups="base.group_user,base.group_system,xingji_linkage.group_xingji_user",
        )
        # Exports are allowed to everyone here so that only the record rules
        # decide what an export contains.
        export_group = cls.env.ref("base.group_allow_export")
        export_group.users = [
            Command.link(u.id)
            for u in list(cls.role_users.values()) + [cls.settings_admin, cls.system_handler]
        ]
        Category = cls.env["xingji.share.category"]
        cls.cat_full = Category.create({"name": "Policy", "default_grade": "full"})
        cls.cat_scoped = Category.create({"name": "Inspection", "default_grade": "scoped"})
        cls.cat_gated = Category.create({"name": "Clue", "default_grade": "gated"})
        Share = cls.env["xingji.share"].with_user(cls.user_handler)
        cls.share_full = Share.create(
            {"name": "Full item", "category_id": cls.cat_full.id, "body": "<p>policy</p>"}
        )
        cls.share_scoped = Share.create(
            {
                "name": "Scoped item",
                "category_id": cls.cat_scoped.id,
                "unit_ids": [Command.link(cls.unit_supervision.id)],
                "body": "<p>inspection</p>",
            }
        )
        cls.share_gated = Share.create(
            {"name": "Gated item", "category_id": cls.cat_gated.id, "body": "<p>secret</p>"}
        )
        cls.shares = cls.share_full | cls.share_scoped | cls.share_gated
        cls.attachments = {}
        for share in cls.shares:
            share.write(
                {
                    "attachment_ids": [
                        Command.create({"name": f"{share.name}.txt", "raw": b"content"})
                    ]
                }
            )
            cls.attachments[share.grade] = share.sudo().attachment_ids
        cls.env.flush_all()

    def _logs(self, record, action=None):
        domain = [("res_model", "=", record._name), ("res_id", "=", record.id)]
        if action:
            domain.append(("action", "=", action))
        return self.env["xingji.access.log"].sudo().search(domain)

    def _request(self, user, record=None, **vals):
        record = record or self.share_gated
        return (
            self.env["xingji.share.request"]
            .with_user(user)
            .create(
                {
                    "res_model": record._name,
                    "res_id": record.id,
                    "reason": "Needed for a related case",
                    "date_end": vals.pop("date_end", fields.Date.today() + timedelta(days=15)),
                    **vals,
                }
            )
        )
