# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The access log: append-only, chained, anchored outside the database.

Readers never wait for each other (design, "Changes"; RFC 6962 style):

* ``_log`` inserts entries at once, each with the keyed hash of its own
  content (``content_hash``) and no place in the chain yet (``sequence``
  NULL). No lock is taken; in a read-only request (``/web/content``,
  ``/report/html``) the entries go through a short read-write cursor of
  their own.
* ``_sequence_pending`` (a frequent cron, the verification, and after each
  committed request when nobody else is at it) takes a lock in a cursor of
  its own and then, in a fresh cursor whose snapshot is taken after the lock,
  gives the committed entries their place and chain hash in short batches.
* ``xingji.access.log.checkpoint`` publishes the signed head (count + hash)
  to the bureau leaders, who keep it in their inbox.

Hashes are HMAC-SHA256 with the key ``xingji_log_hmac_key`` of the server
configuration file; the database never holds it. Without a key they are
plain SHA-256 (the verification says so): then whoever can write SQL can
recompute the hashes, and only the checkpoints kept by the leaders show it.
"""
import hashlib
import hmac
import json
import logging
import threading
from collections import defaultdict
from contextlib import contextmanager

from markupsafe import Markup

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import SQL, config

from .xingji_neighbour_mixin import confidential_models

_logger = logging.getLogger(__name__)

# What ``_entry_values`` gives an entry, written by ``_insert_entries``.
ENTRY_COLUMNS = (
    "date", "user_id", "res_model", "res_id", "res_name", "action", "detail", "ip_address",
    "content_hash", "key_id",
)
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
    ("config", "Security Configuration Changed"),
]

# pg advisory lock of the sequencer (any constant unique to this feature).
SEQUENCER_LOCK = 20261125
SEQUENCE_BATCH = 500
VERIFY_BATCH = 2000
PLAIN_KEY_ID = "sha256"
PAYLOAD_KEYS = ("date", "user_id", "res_model", "res_id", "res_name", "action", "detail", "ip_address")


def log_key():
    """The HMAC key of the server configuration (bytes), or None."""
    key = config.get("xingji_log_hmac_key")
    return key.encode("utf-8") if key else None


def key_id(key):
    """Public name of a key: lets the verifier tell which key signed a row."""
    if not key:
        return PLAIN_KEY_ID
    return "hmac:" + hmac.new(key, b"xingji-access-log-key-id", hashlib.sha256).hexdigest()[:16]


def digest(key, text):
    data = text.encode("utf-8")
    if key:
        return hmac.new(key, data, hashlib.sha256).hexdigest()
    return hashlib.sha256(data).hexdigest()


def payload(vals):
    """Canonical text of the content of an entry."""
    values = {}
    for name in PAYLOAD_KEYS:
        value = vals.get(name)
        if name == "date":
            value = fields.Datetime.to_string(value)
        values[name] = value if value not in (None, False) else ""
    return json.dumps(values, sort_keys=True, ensure_ascii=False)


def chain_text(sequence, previous_hash, content_hash):
    return f"{sequence}|{previous_hash or ''}|{content_hash or ''}"


class XingjiAccessLog(models.Model):
    """Append-only audit trail of confidential records (全程记录留痕).

    Through the ORM the log can only grow; an entry changed, deleted or
    inserted in SQL is found by :meth:`_verify_report`.
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
    sequence = fields.Integer(
        string="Position",
        readonly=True,
        index=True,
        copy=False,
        help="Place of the entry in the chain, given within minutes of its writing.",
    )
    content_hash = fields.Char(readonly=True, copy=False)
    key_id = fields.Char(string="Signing Key", readonly=True, copy=False)
    previous_hash = fields.Char(readonly=True, copy=False)
    entry_hash = fields.Char(readonly=True, index=True, copy=False)
    auditor_visible = fields.Boolean(
        compute="_compute_auditor_visible",
        search="_search_auditor_visible",
        help="Technical: whether the current user may read this entry (record rule).",
    )

    _sql_constraints = [
        ("sequence_unique", "unique(sequence)", "Two access-log entries cannot share one position."),
    ]

    def init(self):
        """Entries written before content hashes existed get theirs once,
        at module upgrade (server-side; never on a client's request)."""
        key = log_key()
        self.env.cr.execute(
            SQL(
                "SELECT id, date, user_id, res_model, res_id, res_name, action, detail, ip_address"
                " FROM xingji_access_log WHERE content_hash IS NULL AND sequence IS NULL ORDER BY id"
            )
        )
        rows = self.env.cr.dictfetchall()
        if not rows:
            return
        values = SQL(", ").join(
            SQL("(%s, %s)", row["id"], digest(key, payload(row))) for row in rows
        )
        self.env.cr.execute(
            SQL(
                "UPDATE xingji_access_log l SET content_hash = v.h, key_id = %s,"
                " previous_hash = NULL, entry_hash = NULL"
                " FROM (VALUES %s) AS v(id, h) WHERE l.id = v.id",
                key_id(key),
                values,
            )
        )
        _logger.info("Access log: %s entries written before chaining got their content hash.", len(rows))

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

    # ---------------------------------------------------------- visibility
    @api.model
    def _confidential_models(self):
        """Concrete models carrying a knowledge scope."""
        return confidential_models(self.env)

    def _compute_auditor_visible(self):
        visible = set(self._search([("id", "in", self.ids), ("auditor_visible", "=", True)]))
        for entry in self:
            entry.auditor_visible = entry.id in visible

    def _search_auditor_visible(self, operator, value):
        """Entries of a record are visible to the auditors (leaders and
        discipline staff) of its knowledge scope, never to anyone else: not
        to the reported person (who is out of the scope, 回避), not to the
        configuration manager. Security changes are visible to leaders."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the access log."))
        user = self.env.user
        parts = []
        auditor = user.has_group("xingji_linkage.group_xingji_leader") or user.has_group(
            "xingji_linkage.group_xingji_discipline"
        )
        if auditor:
            for name in self._confidential_models():
                field = self.env[name]._fields["scope_user_ids"]
                parts.append(
                    SQL(
                        "SELECT l.id FROM xingji_access_log l JOIN %s r ON r.%s = l.res_id"
                        " WHERE l.res_model = %s AND r.%s = %s",
                        SQL.identifier(field.relation),
                        SQL.identifier(field.column1),
                        name,
                        SQL.identifier(field.column2),
                        user.id,
                    )
                )
        if user.has_group("xingji_linkage.group_xingji_leader"):
            parts.append(SQL("SELECT l.id FROM xingji_access_log l WHERE l.action = 'config'"))
        positive = (operator == "=") == value
        if not parts:
            return [("id", "=", 0)] if positive else []
        subquery = SQL("(%s)", SQL(" UNION ").join(parts))
        return [("id", "in" if positive else "not in", subquery)]

    # -------------------------------------------------------------- writing
    @api.model
    def _entry_values(self, entries):
        ip = request.httprequest.remote_addr if request else False
        now = fields.Datetime.now()
        key = log_key()
        kid = key_id(key)
        vals_list = []
        for record, action, detail in entries:
            # sudo: the name is read for the audit trail right after the
            # user's own access to the record was allowed.
            record = record.sudo()
            vals = {
                "date": now,
                "user_id": self.env.uid,
                "res_model": record._name,
                "res_id": record.id,
                "res_name": record.display_name,
                "action": action,
                "detail": detail or False,
                "ip_address": ip or False,
            }
            vals["content_hash"] = digest(key, payload(vals))
            vals["key_id"] = kid
            vals_list.append(vals)
        return vals_list

    @api.model
    def _log(self, records, action, detail=None):
        """Append one entry per record, in one insert, without waiting.

        The entries get their place in the chain shortly after (see
        ``_sequence_pending``). Returns the new entries.
        """
        return self._log_entries([(record, action, detail) for record in records])

    @api.model
    def _log_entries(self, entries):
        """Append entries given as (record, action, detail), in one insert."""
        if not entries:
            return self.browse()
        vals_list = self._entry_values(entries)
        cr = self.env.cr
        if cr.readonly:
            # A read-only request (``/web/content``, ``/report/html``):
            # write through a short read-write cursor of our own instead of
            # failing and having Odoo replay the whole request.
            cr.rollback()
            with self.env.registry.cursor() as rw_cr:
                # sudo: nobody holds create rights on the log, so that no
                # user can forge an entry; only this method writes it.
                ids = self._insert_entries(rw_cr, vals_list)
            self._sequence_soon()
            return self.browse(ids)
        ids = self._insert_entries(cr, vals_list)
        self._sequence_soon()
        return self.browse(ids)

    @api.model
    def _log_documents(self, refs, action):
        """Log ``action`` on the confidential records named by ``refs``, a
        list of (model name, record id, detail) taken from rows the user was
        allowed to read (attachments, messages): one existence query per
        model, one insert; rows of other models are ignored."""
        names = set(confidential_models(self.env))
        by_model = defaultdict(set)
        for model, res_id, _detail in refs:
            if model in names and res_id:
                by_model[model].add(res_id)
        logged = {}
        for model, ids in by_model.items():
            for record in self.env[model].browse(sorted(ids)).exists():
                if record._is_access_logged():
                    logged[model, record.id] = record
        return self._log_entries(
            [(logged[model, res_id], action, detail) for model, res_id, detail in refs if (model, res_id) in logged]
        )

    @api.model
    def _insert_entries(self, cr, vals_list):
        """Write the entries in ONE statement and return their ids.

        Not the ORM's ``create``: it splits into statements of 100 rows, so
        a quarterly export of 10,000 clues cost 100 inserts. Nobody holds
        create rights on the log (no user can forge an entry); only this
        method writes it, with the values ``_entry_values`` made."""
        now = vals_list[0]["date"]
        uid = self.env.uid
        columns = ENTRY_COLUMNS + ("create_uid", "create_date", "write_uid", "write_date")
        placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
        rows = SQL(", ").join(
            SQL(
                placeholders,
                *[None if vals[name] is False else vals[name] for name in ENTRY_COLUMNS],
                uid, now, uid, now,
            )
            for vals in vals_list
        )
        cr.execute(SQL(
            "INSERT INTO xingji_access_log (%s) VALUES %s RETURNING id",
            SQL(", ").join(SQL.identifier(name) for name in columns),
            rows,
        ))
        return [row_id for (row_id,) in cr.fetchall()]

    @api.model
    def _is_protected_model(self, name):
        """Models whose rules and access rows only module install or upgrade
        may change: every model of the linkage (the confidential records,
        their lines and their trail; the rules are part of the product)."""
        return bool(name) and name.startswith("xingji.")

    @api.model
    def _is_watched_model(self, name):
        """Models whose rules and access rows are logged when changed."""
        return bool(name) and (
            self._is_protected_model(name) or name == "ir.attachment" or name.startswith("mail.")
        )

    @api.model
    def _check_security_change(self, model_names):
        """Refuse changing the rules or access rows of the confidential
        models outside module install or upgrade, whoever asks (the
        Settings administrator included)."""
        if not self.env.registry.ready or self.env.uid == SUPERUSER_ID:
            return
        protected = {name for name in model_names or () if self._is_protected_model(name)}
        if protected:
            raise UserError(self.env._(
                "The access rules of confidential records (%(models)s) are part of the application: "
                "they change only with a new version of the module, installed by an upgrade.",
                models=", ".join(sorted(protected)),
            ))

    @api.model
    def _log_config(self, changes):
        """Changes of the security configuration, given as (record, detail),
        outside module install or upgrade (the registry is then not ready: a
        server-side signal the client cannot fake): write them to the log and
        tell the leaders, in one insert and one message."""
        if not changes or not self.env.registry.ready:
            return self.browse()
        entries = self._log_entries([(record, "config", detail) for record, detail in changes])
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._(
                "%(user)s changed the security configuration of the linkage:",
                user=self.env.user.name,
            ),
            Markup("").join(
                Markup("<li>%s: %s</li>") % (entry.res_name or "", entry.detail or "")
                for entry in entries.sudo()
            ),
        )
        self._notify_leaders(entries[:1], self.env._("Security configuration changed"), body)
        return entries

    @api.model
    def _notify_leaders(self, record, subject, body):
        """A server-side notice about ``record`` in every active bureau
        leader's inbox (the log's changes and its checkpoints)."""
        leaders = self.env.ref("xingji_linkage.group_xingji_leader").users.filtered("active")
        if leaders:
            # sudo: a server-side notice to the leaders, whoever caused it.
            self.env["mail.thread"].sudo().message_notify(
                model=record._name, res_id=record.id, partner_ids=leaders.partner_id.ids,
                subject=subject, body=body,
            )

    @api.model
    def _chain_head(self):
        """(position, hash) of the last chained entry, or None."""
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT sequence, entry_hash FROM xingji_access_log"
                " WHERE sequence IS NOT NULL ORDER BY sequence DESC LIMIT 1"
            )
        )
        return cr.fetchone()

    def _sequence_soon(self):
        """Once per transaction: chain the new entries after the commit."""
        cr = self.env.cr
        if not cr.postcommit.data.get("xingji_access_log_sequence"):
            cr.postcommit.data["xingji_access_log_sequence"] = True
            cr.postcommit.add(self._sequence_after_commit)

    def _sequence_after_commit(self):
        """Chain what was just committed, unless a sequencer already runs."""
        try:
            self._sequence_pending(wait=False)
        except Exception:  # noqa: BLE001 - the cron will chain them; never fail a reader
            _logger.exception("Access log: chaining after commit failed; the cron will retry.")

    # ---------------------------------------------------------- sequencing
    @contextmanager
    def _own_cursor(self):
        """A cursor of its own: a transaction (and snapshot) that starts now.

        Inside a TransactionCase (the registry is not in test mode there)
        the rows under test exist only in the test transaction: a savepoint
        of it stands in for the fresh transaction.
        """
        registry = self.env.registry
        if registry.test_cr is None and getattr(threading.current_thread(), "testing", False):
            with self.env.cr.savepoint():
                yield self.env.cr
        else:
            with registry.cursor() as cr:
                yield cr

    @api.model
    def _sequence_pending(self, wait=True):
        """Give every committed unchained entry its place and chain hash.

        The lock is taken in a cursor of its own; each batch then runs in a
        fresh cursor, whose snapshot is taken after the lock was granted, so
        it sees the head the previous sequencer committed. Returns the number
        of entries chained, or -1 if ``wait`` is False and another sequencer
        holds the lock.
        """
        self.env.flush_all()
        done = 0
        with self._own_cursor() as lock_cr:
            if wait:
                lock_cr.execute(SQL("SELECT pg_advisory_xact_lock(%s)", SEQUENCER_LOCK))
            else:
                lock_cr.execute(SQL("SELECT pg_try_advisory_xact_lock(%s)", SEQUENCER_LOCK))
                if not lock_cr.fetchone()[0]:
                    return -1
            while True:
                with self._own_cursor() as cr:
                    count = self.with_env(self.env(cr=cr))._sequence_batch(SEQUENCE_BATCH)
                done += count
                if count < SEQUENCE_BATCH:
                    break
        if done:
            self.invalidate_model(["sequence", "previous_hash", "entry_hash"])
        return done

    @api.model
    def _sequence_batch(self, limit):
        cr = self.env.cr
        sequence, previous = self._chain_head() or (0, "")
        cr.execute(
            SQL(
                "SELECT id, content_hash, key_id FROM xingji_access_log WHERE sequence IS NULL"
                " ORDER BY id LIMIT %s",
                limit,
            )
        )
        rows = cr.fetchall()
        if not rows:
            return 0
        key = log_key()
        current = key_id(key)
        values = []
        for entry_id, content_hash, row_kid in rows:
            sequence += 1
            # An entry is chained with the key that signed its content (plain
            # SHA-256 for entries written before the key was configured).
            row_key = key if row_kid == current else None
            entry_hash = digest(row_key, chain_text(sequence, previous, content_hash))
            values.append(SQL("(%s, %s, %s, %s)", entry_id, sequence, previous or "", entry_hash))
            previous = entry_hash
        cr.execute(
            SQL(
                "UPDATE xingji_access_log l SET sequence = v.seq, previous_hash = v.prev,"
                " entry_hash = v.hash FROM (VALUES %s) AS v(id, seq, prev, hash) WHERE l.id = v.id",
                SQL(", ").join(values),
            )
        )
        return len(rows)

    @api.model
    def _cron_sequence(self):
        self._sequence_pending(wait=True)

    # ------------------------------------------------------------ verifying
    @api.model
    def _problem(self, row, message):
        return {"position": row["sequence"], "id": row["id"], "message": message}

    @api.model
    def _verify_rows(self, checkpoints):
        """Stream the chain in batches (constant memory) and check it.

        ``checkpoints`` maps a position to the head hashes published for it.
        Returns (problems, stats).
        """
        cr = self.env.cr
        key = log_key()
        current_kid = key_id(key)
        problems = []
        stats = {"count": 0, "unkeyed": 0, "foreign": 0, "seen": {}}
        previous, expected, keyed_seen = "", 1, False
        last = 0
        while True:
            cr.execute(
                SQL(
                    "SELECT id, sequence, date, user_id, res_model, res_id, res_name, action, detail,"
                    " ip_address, content_hash, key_id, previous_hash, entry_hash"
                    " FROM xingji_access_log WHERE sequence > %s ORDER BY sequence LIMIT %s",
                    last,
                    VERIFY_BATCH,
                )
            )
            rows = cr.dictfetchall()
            if not rows:
                break
            for row in rows:
                stats["count"] += 1
                position = row["sequence"]
                last = position
                if position != expected or (row["previous_hash"] or "") != previous:
                    problems.append(self._problem(row, self.env._(
                        "Entry %(position)s (id %(id)s) does not follow the entry before it: "
                        "an entry was deleted or inserted here.",
                        position=position,
                        id=row["id"],
                    )))
                row_kid = row["key_id"] or PLAIN_KEY_ID
                if row_kid == PLAIN_KEY_ID:
                    row_key = None
                    stats["unkeyed"] += 1
                    if keyed_seen:
                        problems.append(self._problem(row, self.env._(
                            "Entry %(position)s (id %(id)s) is not signed although the entries before it "
                            "are: it was rewritten without the key.",
                            position=position,
                            id=row["id"],
                        )))
                elif row_kid == current_kid:
                    row_key = key
                    keyed_seen = True
                else:
                    row_key = False
                    stats["foreign"] += 1
                if row_key is not False:
                    content_ok = digest(row_key, payload(row)) == row["content_hash"]
                    chain_ok = digest(
                        row_key, chain_text(position, row["previous_hash"], row["content_hash"])
                    ) == row["entry_hash"]
                    if not (content_ok and chain_ok):
                        problems.append(self._problem(row, self.env._(
                            "Entry %(position)s (id %(id)s) was changed after it was written.",
                            position=position,
                            id=row["id"],
                        )))
                if position in checkpoints:
                    stats["seen"][position] = row["entry_hash"]
                previous = row["entry_hash"] or ""
                expected = position + 1
        return problems, stats

    @api.model
    def _verify_report(self):
        """Chain what is pending, then verify; return (count, problems, text).

        Runs as superuser in a fresh cursor (it must see what the sequencer
        just committed) and reports only counts and positions.
        """
        self._sequence_pending(wait=True)
        with self._own_cursor() as cr:
            env = self.env(cr=cr, su=True)
            Checkpoint = env["xingji.access.log.checkpoint"]
            checkpoints = Checkpoint._published_heads()
            problems, stats = env["xingji.access.log"]._verify_rows(checkpoints)
            problems += Checkpoint._check_heads(checkpoints, stats["seen"])
            cr.execute(SQL("SELECT count(*) FROM xingji_access_log WHERE sequence IS NULL"))
            pending = cr.fetchone()[0]
        count = stats["count"]
        problems.sort(key=lambda p: (p["position"] or 0, p["id"] or 0))
        if not problems:
            lines = [self.env._("The access log is complete and untampered: %(count)s entries checked.", count=count)]
        else:
            lines = [
                self.env._(
                    "The access log was tampered with: %(n)s problem(s) in %(count)s entries.",
                    n=len(problems),
                    count=count,
                )
            ] + [problem["message"] for problem in problems]
        if checkpoints:
            lines.append(self.env._("%(n)s signed checkpoint(s) kept by the bureau leaders checked.", n=len(checkpoints)))
        if not log_key():
            lines.append(self.env._(
                "No signing key is configured (xingji_log_hmac_key in the server configuration): "
                "the hashes are plain SHA-256, so someone who can write to the database could "
                "recompute them; only the checkpoints kept by the leaders would show it."
            ))
        elif stats["unkeyed"]:
            lines.append(self.env._(
                "%(n)s older entries were written before the signing key was configured.",
                n=stats["unkeyed"],
            ))
        if stats["foreign"]:
            lines.append(self.env._(
                "%(n)s entries are signed with another key than this server's: their content could not be checked.",
                n=stats["foreign"],
            ))
        if pending:
            lines.append(self.env._("%(n)s entries written in the last moments are not chained yet.", n=pending))
        return count, problems, "\n".join(lines)

    @api.model
    def _verify_chain(self):
        """Check the whole chain; return a list of problems (empty = intact).

        Each problem is a dict with ``position`` (1-based, oldest first),
        ``id`` and ``message``.
        """
        return self._verify_report()[1]

    def action_verify_chain(self):
        """Button of the list header (called with the selected ids) and
        server action of the menu (called on the empty recordset): verify
        the whole chain, whatever is selected."""
        self.env["xingji.access.log"].check_access("read")
        _count, problems, text = self._verify_report()
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
