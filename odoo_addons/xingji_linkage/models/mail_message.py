# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Fields of a message that carry the record's content (tracked values too).
CONTENT_FIELDS = {"body", "tracking_value_ids", "attachment_ids", "subject", "preview"}


class MailMessage(models.Model):
    """``mail`` lets the author, the recipients and the notified partners
    read a message whatever their rights on its document.  A message on a
    confidential record is readable only by who may read the record: a
    recipient outside the knowledge scope (a reported person added by
    mistake, a user removed from the scope) reads nothing."""

    _name = "mail.message"
    # The neighbour mixin first: its search and access filters wrap mail's.
    _inherit = ["xingji.neighbour.mixin", "mail.message"]
    _xingji_document_fields = ("model", "res_id")

    def _message_fetch(self, domain, search_term=None, before=None, after=None, around=None, limit=30):
        """The chatter of a confidential record (its messages and tracked
        content changes) is a reading of it: one entry per load."""
        res = super()._message_fetch(
            domain, search_term=search_term, before=before, after=after, around=around, limit=limit
        )
        messages = res.get("messages")
        # sudo: model and res_id of messages the user was allowed to fetch.
        if messages and len({(m.model, m.res_id) for m in messages.sudo()}) == 1:
            messages._xingji_log_reading()
        return res

    # Over RPC (``read``, ``search_read``, ``web_read``), not through
    # ``_read_format``: the chatter's store reads each message with it.
    def read(self, fields=None, load="_classic_read"):
        """Messages of a confidential record read over RPC: logged."""
        result = super().read(fields, load=load)
        if not fields or CONTENT_FIELDS & set(fields):
            self._xingji_log_reading()
        return result

    @api.model
    @api.readonly
    def search_read(self, domain=None, fields=None, offset=0, limit=None, order=None, **read_kwargs):
        result = super().search_read(domain, fields, offset=offset, limit=limit, order=order, **read_kwargs)
        if not fields or CONTENT_FIELDS & set(fields):
            self.browse([values["id"] for values in result])._xingji_log_reading()
        return result

    def _xingji_log_reading(self):
        if self.env.su:
            return
        # sudo: model and res_id of messages the user was allowed to read.
        documents = sorted({(m.model, m.res_id) for m in self.sudo() if m.model and m.res_id})
        self.env["xingji.access.log"]._log_documents(
            [(model, res_id, "Chatter") for model, res_id in documents], "open"
        )
