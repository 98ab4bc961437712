# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .xingji_access_log import digest, key_id, log_key

# Machine-readable line of a published checkpoint, kept in the leaders' inbox.
HEAD_LINE = "XJLOG-HEAD count={count} head={head} key={key} sig={sig}"
HEAD_RE = re.compile(
    r"XJLOG-HEAD count=(?P<count>\d+) head=(?P<head>[0-9a-f]{64}) key=(?P<key>[\w:]+) sig=(?P<sig>[0-9a-f]{64})"
)


def head_text(count, head):
    return f"xingji-access-log-checkpoint|{count}|{head}"


class XingjiAccessLogCheckpoint(models.Model):
    """Signed head of the access log (count + hash of the last entry).

    Each checkpoint is also sent to the bureau leaders as a message they keep
    in their inbox (and by e-mail when they receive e-mail): rewriting the
    log afterwards means rewriting every copy, and without the server key
    the signature cannot be forged.
    """

    _name = "xingji.access.log.checkpoint"
    _description = "Access Log Checkpoint"
    _order = "sequence desc"

    sequence = fields.Integer(string="Entries", required=True, readonly=True, index=True)
    head_hash = fields.Char(required=True, readonly=True)
    key_id = fields.Char(string="Signing Key", readonly=True)
    signature = fields.Char(required=True, readonly=True)
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)

    def write(self, vals):  # pylint: disable=method-required-super
        raise UserError(self.env._("A published checkpoint cannot be changed."))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A published checkpoint cannot be deleted."))

    # ------------------------------------------------------------ publish
    @api.model
    def _cron_publish(self):
        self._publish()

    @api.model
    def _publish(self):
        """Chain what is pending and publish the head if it moved."""
        Log = self.env["xingji.access.log"]
        Log._sequence_pending(wait=True)
        head = Log._chain_head()
        if not head:
            return self.browse()
        count, head_hash = head
        # sudo: the checkpoint is written by the server for the leaders;
        # nobody holds create rights on it.
        Checkpoint = self.sudo()
        if Checkpoint.search_count([("sequence", ">=", count)]):
            return self.browse()
        key = log_key()
        kid = key_id(key)
        signature = digest(key, head_text(count, head_hash))
        checkpoint = Checkpoint.create(
            {"sequence": count, "head_hash": head_hash, "key_id": kid, "signature": signature}
        )
        line = HEAD_LINE.format(count=count, head=head_hash, key=kid, sig=signature)
        body = Markup("<p>%s</p><p><code>%s</code></p>") % (
            self.env._(
                "Checkpoint of the access log: %(count)s entries. Keep this message: "
                "the verification compares the log with it.",
                count=count,
            ),
            line,
        )
        Log._notify_leaders(checkpoint, self.env._("Access log checkpoint"), body)
        return checkpoint

    # ------------------------------------------------------------- verify
    @api.model
    def _published_heads(self):
        """Every published head: {count: [(head, key id, signature, source)]},
        from the checkpoint table and from the messages sent to the leaders."""
        heads = {}
        self.env.cr.execute(
            SQL("SELECT sequence, head_hash, key_id, signature FROM xingji_access_log_checkpoint")
        )
        for count, head, kid, signature in self.env.cr.fetchall():
            heads.setdefault(count, []).append((head, kid, signature, "table"))
        self.env.cr.execute(
            SQL("SELECT body FROM mail_message WHERE model = %s AND body LIKE %s", self._name, "%XJLOG-HEAD%")
        )
        for (body,) in self.env.cr.fetchall():
            for match in HEAD_RE.finditer(str(body or "")):
                heads.setdefault(int(match["count"]), []).append(
                    (match["head"], match["key"], match["sig"], "message")
                )
        return heads

    @api.model
    def _check_heads(self, heads, seen):
        """Compare the published heads with the chain (``seen``: position
        -> entry hash found there). Returns problems."""
        key = log_key()
        current = key_id(key)
        problems = []
        for count in sorted(heads):
            for head, kid, signature in {entry[:3] for entry in heads[count]}:
                if kid == current and digest(key, head_text(count, head)) != signature:
                    problems.append({"position": count, "id": False, "message": self.env._(
                        "The checkpoint at entry %(count)s carries a false signature: it was forged.",
                        count=count,
                    )})
                    continue
                if seen.get(count) != head:
                    problems.append({"position": count, "id": False, "message": self.env._(
                        "The log no longer matches the checkpoint sent to the leaders at entry %(count)s: "
                        "entries up to there were rewritten or deleted.",
                        count=count,
                    )})
        return problems
