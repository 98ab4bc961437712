# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .xingji_confidential_line_mixin import PARENT_READING


class XingjiConfidentialMixin(models.AbstractModel):
    """Need-to-know confidentiality (严格控制知悉范围, 全程记录留痕).

    A confidential record is readable only by the users in its stored
    ``scope_user_ids`` (the knowledge scope).  The scope is computed from
    ``_get_scope_users`` (the record's route: drafter, reviewers, approvers,
    receiving body...), plus users holding a current ``xingji.access.grant``,
    minus ``_get_scope_excluded_users`` (回避: e.g. the reported persons).

    A concrete model:

    * inherits ``xingji.confidential.mixin`` BEFORE ``mail.thread`` in
      ``_inherit`` (the first parent comes first in the MRO; mail.thread's
      ``message_subscribe`` and ``_notify_get_recipients`` do not call super);
    * overrides ``_get_scope_users``, ``_get_scope_excluded_users`` and
      ``_scope_depends`` (the field paths the scope depends on);
    * declares a *global* ``ir.rule`` (no groups, so it binds the Settings
      administrator too): ``[('scope_user_ids', 'in', [user.id])]``;
    * gives an explicit ``relation`` to any other many2many to ``res.users``
      (``scope_user_ids`` uses the automatic relation name).

    Followers and notifications are restricted to the scope; opening the
    form and downloading attachments are written to ``xingji.access.log``.
    """

    _name = "xingji.confidential.mixin"
    _description = "Need-to-know Confidential Record"

    scope_user_ids = fields.Many2many(
        "res.users",
        string="Knowledge Scope",
        compute="_compute_scope_user_ids",
        store=True,
        compute_sudo=True,
        copy=False,
        help="Users who may know of this record (知悉范围). Nobody else finds, reads or is notified of it.",
    )

    # -------------------------------------------------------------- scope
    def _scope_depends(self):
        """Field paths the knowledge scope depends on (override)."""
        return ["create_uid"]

    def _get_scope_users(self):
        """Users of the route of one record (override and call super)."""
        self.ensure_one()
        return self.create_uid

    def _get_scope_excluded_users(self):
        """Users who must never be in the scope of one record (回避)."""
        self.ensure_one()
        return self.env["res.users"]

    @api.depends(lambda self: self._scope_depends())
    def _compute_scope_user_ids(self):
        grants = self.env["xingji.access.grant"]._current_grant_users(self)
        for record in self:
            users = record._get_scope_users() | grants.get(record.id, self.env["res.users"])
            record.scope_user_ids = users - record._get_scope_excluded_users()

    def _refresh_scope(self):
        """Recompute the scope after a change the ORM cannot see (a grant)."""
        self.env.add_to_compute(self._fields["scope_user_ids"], self)
        self.flush_recordset(["scope_user_ids"])

    def _get_access_approvers(self):
        """Users who approve a request to open this record to someone
        outside its scope (override; e.g. the head of the owner unit)."""
        self.ensure_one()
        return self.env["res.users"]

    def _is_access_logged(self):
        """Whether opening and downloading this record is written to the
        access log (override: e.g. only the gated grade of a shared item)."""
        self.ensure_one()
        return True

    def _in_scope(self, user=None):
        user = user or self.env.user
        return all(user in record.sudo().scope_user_ids for record in self)

    # ---------------------------------------------------------- followers
    def _scope_partners(self):
        # sudo: the scope is read to filter partners, never shown.
        return self.sudo().scope_user_ids.partner_id

    def _xingji_open_records(self):
        """The records of ``self`` whose followers and recipients are not
        limited to their scope (override: a finding that is not, or not
        yet, confidential). The others admit only ``_scope_partners()``."""
        return self.browse()

    # The mixin is not a mail.thread: the RPC return of mail's method (the
    # message id) must be declared again.
    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, **kwargs):
        """A partner named on a message reads it, whatever the scope: whoever
        posts (the workflow or a user over RPC), only partners of the
        record's knowledge scope are named, never a reported person (回避)."""
        if kwargs.get("partner_ids") and len(self) == 1 and not self._xingji_open_records():
            allowed = set(self._scope_partners().ids)
            kwargs["partner_ids"] = [pid for pid in kwargs["partner_ids"] if pid in allowed]
        return super().message_post(**kwargs)

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        """Only users of the knowledge scope follow a confidential record,
        whichever path subscribes them: the public ``message_subscribe``,
        the author of a posted message, auto-subscription of assignees."""
        if not partner_ids:
            return super()._message_subscribe(partner_ids, subtype_ids, customer_ids)
        open_records = self._xingji_open_records()
        if open_records:
            super(XingjiConfidentialMixin, open_records)._message_subscribe(partner_ids, subtype_ids, customer_ids)
        # Records whose scope admits the same partners subscribe in one call.
        # A record may come twice (mail.activity subscribes a user once per
        # activity, and a cron gives him two on one clue): each is
        # subscribed once, else the second insert breaks the unique key.
        by_allowed = defaultdict(list)
        restricted = self - open_records
        for record in restricted.browse(dict.fromkeys(restricted.ids)):
            allowed = set(record._scope_partners().ids)
            by_allowed[tuple(dict.fromkeys(pid for pid in partner_ids if pid in allowed))].append(record.id)
        for pids, ids in by_allowed.items():
            if pids:
                super(XingjiConfidentialMixin, self.browse(ids))._message_subscribe(
                    list(pids), subtype_ids, customer_ids
                )
        return True

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        """Notifications never reach anyone outside the knowledge scope."""
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        restricted = self - self._xingji_open_records()
        if not restricted:
            return recipients
        allowed = set(restricted._scope_partners().ids)
        return [r for r in recipients if r["id"] in allowed]

    # ------------------------------------------------------------- logging
    # Fields whose reading is an opening of the record (override per model):
    # its content, not the numbers, names and states of a list or kanban.
    _xingji_content_fields = ()

    def web_read(self, specification):
        # The lines read with the record (its form) are covered by the
        # record's own entry.
        token = PARENT_READING.set(True)
        try:
            return super().web_read(specification)
        finally:
            PARENT_READING.reset(token)

    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):
        """Grouping by content, or aggregating it, would read it without an
        opening: refused (counts by number, state, unit stay open)."""
        if not self.env.su and self._xingji_content_fields:
            specs = [spec for spec in groupby or ()] + [
                spec for spec in aggregates or () if spec != "__count"
            ]
            used = {spec.split(":")[0].split(".")[0] for spec in specs}
            content = used & set(self._xingji_content_fields)
            if content:
                raise AccessError(self.env._(
                    "The content of a confidential record (%(fields)s) cannot be grouped or summed up; "
                    "open the record to read it.",
                    fields=", ".join(sorted(self._fields[name].string for name in content)),
                ))
        return super()._read_group(
            domain, groupby=groupby, aggregates=aggregates, having=having, offset=offset, limit=limit, order=order
        )

    def _read_format(self, fnames, load="_classic_read"):
        """Every reading of content (``read``, ``search_read``, ``web_read``
        of one record or many, the form after a save) is written to the
        access log: one entry per record, in one insert."""
        result = super()._read_format(fnames, load=load)
        if not self.env.su and self._xingji_content_fields:
            content = set(fnames or self._fields) & set(self._xingji_content_fields)
            if content:
                # Onchange reads the unsaved record (NewId): nothing to log.
                records = self.browse([rid for rid in self._ids if isinstance(rid, int)])
                logged = records.filtered(lambda r: r._is_access_logged())
                if logged:
                    self.env["xingji.access.log"]._log(logged, "open")
        return result
