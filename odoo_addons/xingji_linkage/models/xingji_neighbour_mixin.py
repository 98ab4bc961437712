# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rows around confidential records (followers, messages, notifications,
tracking values, activities, attachments): helpers and the mixin.

Followers of confidential records.

Every internal user may read ``mail.followers`` (an ACL row of ``mail``):
without a filter, anyone would learn which clue ids exist and who follows
them.  Rows about a confidential record (a model inheriting
``xingji.confidential.mixin``) are visible only to users who may read that
record, the reported persons never included (they are outside its scope).

The helpers below serve the other side doors of a record too: messages,
notifications, tracking values, activities and attachments.
"""
from odoo import api, models
from odoo.osv import expression

CONFIDENTIAL_MIXIN = "xingji.confidential.mixin"


def confidential_models(env):
    """Names of the concrete models that inherit the confidential mixin."""
    registry = env.registry
    if CONFIDENTIAL_MIXIN not in registry:
        return []
    return sorted(
        name
        for name in registry[CONFIDENTIAL_MIXIN]._inherit_children
        if name in registry and not registry[name]._abstract
    )


def _readable(env, name):
    """Sub-select of the records of ``name`` the current user may read
    (record rules applied), or None when he may read none at all."""
    model = env[name].with_context(active_test=False)
    if not model.browse().has_access("read"):
        return None
    return model._search([])


def hidden_document_domain(env, model_field="res_model", id_field="res_id"):
    """Domain matching rows about a confidential record that the current
    user may NOT read (one sub-select per confidential model, record rules
    of the current user applied)."""
    domains = []
    for name in confidential_models(env):
        readable = _readable(env, name)
        if readable is None:
            domains.append([(model_field, "=", name)])
        else:
            domains.append([(model_field, "=", name), (id_field, "not in", readable)])
    return expression.OR(domains) if domains else expression.FALSE_DOMAIN


def visible_document_domain(env, model_field="res_model", id_field="res_id"):
    """The negation of :func:`hidden_document_domain`: rows not about a
    confidential record, or about one the current user may read."""
    names = confidential_models(env)
    domains = [[(model_field, "not in", names)]]
    for name in names:
        readable = _readable(env, name)
        if readable is not None:
            domains.append([(model_field, "=", name), (id_field, "in", readable)])
    return expression.OR(domains)


def forbidden_rows(records, visible):
    """The rows of ``records`` outside ``visible`` (a domain), in one query."""
    if not records:
        return records.browse()
    ids = [rid for rid in records.ids if isinstance(rid, int)]
    # sudo: the rows are filtered on their binding, whatever other rules say;
    # ``visible`` carries the current user's rules on the documents.
    allowed = records.sudo()._search(expression.AND([[("id", "in", ids)], visible]))
    allowed_ids = set(allowed)
    return records.browse([rid for rid in ids if rid not in allowed_ids])


class XingjiNeighbourMixin(models.AbstractModel):
    """The rows around a confidential record (followers, messages,
    notifications, tracking values, activities) follow the record: whoever
    may not read it neither finds nor reads them, by search or by id.

    A model inheriting it (listed first in ``_inherit``) says where a row
    names its document: ``_xingji_document_fields`` (model and id fields),
    or ``_xingji_message_field`` for rows that belong to a message."""

    _name = "xingji.neighbour.mixin"
    _description = "Rows Around a Confidential Record"

    _xingji_document_fields = ("res_model", "res_id")
    _xingji_message_field = None

    @api.model
    def _xingji_visible_domain(self):
        """The rows the current user may see (his rules on the documents)."""
        if self._xingji_message_field:
            # sudo: the hidden messages are selected on their document,
            # whatever the message rules say; the documents' rules are the
            # current user's.
            hidden = self.env["mail.message"].sudo()._search(
                hidden_document_domain(self.env, "model", "res_id")
            )
            return [(self._xingji_message_field, "not in", hidden)]
        return visible_document_domain(self.env, *self._xingji_document_fields)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # The superuser's code paths (mail's own sudo searches) need every
        # row: the filter is not even built for them.
        if not self.env.su:
            domain = expression.AND([domain or [], self._xingji_visible_domain()])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if self.env.su:
            return result
        forbidden = forbidden_rows(self - (result[0] if result else self.browse()), self._xingji_visible_domain())
        if not forbidden:
            return result
        if result:
            return (result[0] | forbidden, result[1])
        return (forbidden, lambda: forbidden._make_access_error(operation))
