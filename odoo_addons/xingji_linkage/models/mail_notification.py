# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailNotification(models.Model):
    """Every internal user may read ``mail.notification`` (no read rule in
    ``mail``), and its message's name is shown whatever the rights on the
    message: notifications of messages on a confidential record the user
    may not read are hidden, his own included (回避)."""

    _name = "mail.notification"
    # The neighbour mixin first: its search and access filters wrap mail's.
    _inherit = ["xingji.neighbour.mixin", "mail.notification"]
    _xingji_message_field = "mail_message_id"
