# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailActivity(models.Model):
    """``mail`` lets the assignee read an activity whatever his rights on
    its document, and shows the document's name on it.  An activity of a
    confidential record is visible only to who may read the record."""

    _name = "mail.activity"
    # The neighbour mixin first: its search and access filters wrap mail's.
    _inherit = ["xingji.neighbour.mixin", "mail.activity"]
