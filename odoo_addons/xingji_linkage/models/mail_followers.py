# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Followers of confidential records: every internal user may read
``mail.followers`` (an ACL row of ``mail``); without a filter anyone would
learn which clue ids exist and who follows them (see the neighbour mixin)."""
from odoo import models


class MailFollowers(models.Model):
    _name = "mail.followers"
    # The neighbour mixin first: its search and access filters wrap mail's.
    _inherit = ["xingji.neighbour.mixin", "mail.followers"]
