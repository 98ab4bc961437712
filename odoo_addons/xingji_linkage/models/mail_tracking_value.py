# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailTrackingValue(models.Model):
    """The Settings administrator reads ``mail.tracking.value`` (old and new
    values of tracked fields) whatever the rights on the document: values
    tracked on a confidential record are hidden from whoever may not read
    the record."""

    _name = "mail.tracking.value"
    # The neighbour mixin first: its search and access filters wrap mail's.
    _inherit = ["xingji.neighbour.mixin", "mail.tracking.value"]
    _xingji_message_field = "mail_message_id"
