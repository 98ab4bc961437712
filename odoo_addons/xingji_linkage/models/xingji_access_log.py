# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import json

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import SQL

LOG_ACTIONS = [
    ("open", "Opened"),
    ("download", "Downloaded Attachment"),
    ("print", "Printed"),
    ("export", "Exported"),
    ("request", "Requested Access"),
    ("grant", "Access Granted"),
    ("revoke", "Access Revoked"),
    ("expire", "Access Expired"),
    ("grade", "Grade Changed"),
]


class XingjiAccessLog(models.Model):
    """Append-only audit trail of confidential records (全程记录留痕).

    Each row is chained to the previous one by a SHA-256 hash, so that a row
    deleted or edited behind the ORM's back (in SQL) is detected by
    :meth:`_verify_chain`.  Through the ORM the log can only grow.
    """

    _name = "xingji.access.log"
    _description = "Confidential Access Log"
    _order = "id desc"
    _log_access = True

    date = fields.Datetime(required=True, readonly=True, index=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", required=True, readonly=True, index=True, ondelete="restrict"
    )
    res_model = fields.Char(string="Model", required=True, readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", required=True, readonly=True, index=True
    )
    res_name = fields.Char(string="Record", readonly=True)
    action = fields.Selection(LOG_ACTIONS, required=True, readonly=True, index=True)
    detail = fields.Char(readonly=True)
    ip_address = fields.Char("IP Address", readonly=True)
    previous_hash = fields.Char(readonly=True)
    entry_hash = fields.Char(readonly=True, index=True)

    # --------------------------------------------------------------- guards
    def write(self, vals):  # pylint: disable=method-required-super
        raise UserError(
            self.env._("The access log cannot be changed. Every entry stays as it was written.")
        )

    @api.ondelete(at_uninstall=True)
    def _unlink_never(self):
        raise UserError(
            self.env._("The access log cannot be deleted. Every entry stays as it was written.")
        )

    # -------------------------------------------------------------- writing
    @api.model
    def _entry_payload(self, vals):
        """Canonical text of an entry, hashed together with the previous hash."""
        keys = ("date", "user_id", "res_model", "res_id", "res_name", "action", "detail")
        payload = {}
        for key in keys:
            value = vals.get(key)
            if key == "date":
                value = fields.Datetime.to_string(value)
            payload[key] = value if value not in (None, False) else ""
        return json.dumps(payload, sort_keys=True, ensure_ascii=False)

    @api.model
    def _hash(self, previous_hash, vals):
        text = (previous_hash or "") + self._entry_payload(vals)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    @api.model
    def _log(self, records, action, detail=None):
        """Append one entry per record, in one chained batch."""
        if not records:
            return self.browse()
        # Serialise writers so that each entry chains to its true predecessor.
        self.env.cr.execute(SQL("SELECT pg_advisory_xact_lock(%s)", 20261125))
        self.env.cr.execute(
            SQL("SELECT entry_hash FROM xingji_access_log ORDER BY id DESC LIMIT 1")
        )
        row = self.env.cr.fetchone()
        previous = row[0] if row else ""
        ip = request.httprequest.remote_addr if request else False
        now = fields.Datetime.now()
        vals_list = []
        for record in records:
            vals = {
                "date": now,
                "user_id": self.env.uid,
                "res_model": record._name,
                "res_id": record.id,
                # sudo: the name is read for the audit trail right after the
                # user's own access to the record was allowed.
                "res_name": record.sudo().display_name,
                "action": action,
                "detail": detail or False,
                "ip_address": ip,
            }
            vals["previous_hash"] = previous
            vals["entry_hash"] = previous = self._hash(previous, vals)
            vals_list.append(vals)
        # sudo: nobody holds create rights on the log, so that no user can
        # forge an entry; only this method writes it.
        return self.sudo().create(vals_list)

    # ------------------------------------------------------------ verifying
    @api.model
    def _verify_chain(self):
        """Check the whole chain; return a list of problems (empty = intact).

        Each problem is a dict with ``position`` (1-based, oldest first),
        ``id`` and ``message``.
        """
        self.env.flush_all()
        problems = []
        previous = ""
        for position, row in enumerate(self._iter_chain(), start=1):
            if (row["previous_hash"] or "") != previous:
                problems.append(
                    {
                        "position": position,
                        "id": row["id"],
                        "message": self.env._(
                            "Entry %(position)s (id %(id)s) does not follow the entry before it: "
                            "an entry was deleted or inserted here.",
                            position=position,
                            id=row["id"],
                        ),
                    }
                )
            expected = self._hash(row["previous_hash"], row)
            if expected != row["entry_hash"]:
                problems.append(
                    {
                        "position": position,
                        "id": row["id"],
                        "message": self.env._(
                            "Entry %(position)s (id %(id)s) was changed after it was written.",
                            position=position,
                            id=row["id"],
                        ),
                    }
                )
            previous = row["entry_hash"] or ""
        return problems

    @api.model
    def _iter_chain(self, batch=10000):
        """The log's rows oldest first, fetched in batches by id (keyset), so
        that verifying a million rows holds one batch in memory, not all
        of them (scripts/bench: peak memory constant whatever the volume)."""
        last = 0
        while True:
            self.env.cr.execute(
                SQL(
                    "SELECT id, date, user_id, res_model, res_id, res_name, action, detail,"
                    " previous_hash, entry_hash FROM xingji_access_log WHERE id > %s ORDER BY id LIMIT %s",
                    last,
                    batch,
                )
            )
            rows = self.env.cr.dictfetchall()
            if not rows:
                return
            yield from rows
            last = rows[-1]["id"]

    @api.model
    def _verify_report(self):
        """Run the verification; return (entry count, problems, text)."""
        problems = self._verify_chain()
        self.env.cr.execute(SQL("SELECT count(*) FROM xingji_access_log"))
        count = self.env.cr.fetchone()[0]
        if not problems:
            text = self.env._(
                "The access log is complete and untampered: %(count)s entries checked.",
                count=count,
            )
        else:
            text = "\n".join(
                [
                    self.env._(
                        "The access log was tampered with: %(n)s problem(s) in %(count)s entries.",
                        n=len(problems),
                        count=count,
                    )
                ]
                + [problem["message"] for problem in problems]
            )
        return count, problems, text

    @api.model
    def action_verify_chain(self):
        """Button and menu for the auditors: verify the whole chain."""
        self.check_access("read")
        count, problems, text = self._verify_report()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Access log verification"),
                "message": text,
                "type": "danger" if problems else "success",
                "sticky": bool(problems),
            },
        }
