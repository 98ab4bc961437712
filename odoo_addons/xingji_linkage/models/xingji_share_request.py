# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

REQUEST_STATES = [
    ("pending", "Pending"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("expired", "Expired"),
    ("revoked", "Revoked"),
]


class XingjiShareRequest(models.Model):
    """A request to open one confidential record to one user until a date.

    Generic: the target is any model inheriting ``xingji.confidential.mixin``
    (a gated or scoped ``xingji.share``, a ``xingji.clue``).  The approvers
    come from the target's ``_get_access_approvers``; an approval creates a
    ``xingji.access.grant`` that widens the knowledge scope until
    ``date_end`` (a daily cron ends it) or until the owner revokes it.
    Requests, decisions and grants are posted in the target's chatter and
    written to the access log.
    """

    _name = "xingji.share.request"
    _description = "Access Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "xingji.deadline.mixin", "xingji.workflow.mixin"]
    _order = "id desc"
    _mail_post_access = "read"
    _xingji_reference_field = None
    # Everything but the request itself (record, beneficiary, reason, end
    # date) is stamped by the workflow.
    _xingji_workflow_fields = (
        "state", "requester_id", "res_name", "approver_ids", "owner_user_ids", "comment",
        "decided_by_id", "date_decided", "revoke_reason", "grant_id",
    )

    res_model = fields.Char(string="Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", required=True, index=True, readonly=True
    )
    res_name = fields.Char(string="Record", readonly=True)
    requester_id = fields.Many2one(
        "res.users",
        string="Requested by",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Access for",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
        help="The user who will read the record; a member of its scope may ask for a colleague.",
    )
    reason = fields.Text(required=True)
    date_end = fields.Date(
        string="Until",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=30),
        help="The access ends after this day; a daily job closes it.",
    )
    approver_ids = fields.Many2many(
        "res.users",
        relation="xingji_share_request_approver_rel",
        column1="request_id",
        column2="user_id",
        string="Approvers",
        readonly=True,
    )
    owner_user_ids = fields.Many2many(
        "res.users",
        relation="xingji_share_request_owner_rel",
        column1="request_id",
        column2="user_id",
        string="Owners",
        readonly=True,
        help="Users who may end the access early (the owner unit, the approvers).",
    )
    state = fields.Selection(
        REQUEST_STATES, default="pending", required=True, index=True, tracking=True, readonly=True
    )
    comment = fields.Text(string="Decision Comment", readonly=True, tracking=True)
    decided_by_id = fields.Many2one("res.users", string="Decided by", readonly=True)
    date_decided = fields.Datetime(string="Decided on", readonly=True)
    revoke_reason = fields.Text(readonly=True, tracking=True)
    grant_id = fields.Many2one("xingji.access.grant", readonly=True)
    can_decide = fields.Boolean(compute="_compute_permissions")
    can_revoke = fields.Boolean(compute="_compute_permissions")

    @api.depends("res_name", "user_id")
    def _compute_display_name(self):
        for request in self:
            request.display_name = self.env._(
                "%(record)s for %(user)s",
                record=request.res_name or "",
                user=request.user_id.name or "",
            )

    @api.depends_context("uid")
    @api.depends("state", "approver_ids", "owner_user_ids")
    def _compute_permissions(self):
        user = self.env.user
        for request in self:
            request.can_decide = request.state == "pending" and user in request.approver_ids
            request.can_revoke = request.state == "approved" and user in (
                request.approver_ids | request.owner_user_ids
            )

    # ---------------------------------------------------------- deadline
    def _deadline_open_domain(self):
        return [("state", "=", "pending")]

    def _deadline_responsible(self):
        self.ensure_one()
        return self.approver_ids

    def _deadline_summary(self):
        self.ensure_one()
        return self.env._("Decide the access request: %(name)s", name=self.display_name)

    # -------------------------------------------------------------- create
    def _target(self):
        """The requested record, unrestricted (used only for checks)."""
        self.ensure_one()
        # sudo: the requester is by definition outside the record's scope.
        return self.env[self.res_model].sudo().browse(self.res_id).exists()

    def _refuse_unknown_target(self):
        """One answer for a record that does not exist and for one the
        requester may not ask about: same class, same text, naming nothing."""
        raise UserError(
            self.env._(
                "This record cannot be requested: it does not exist, or only members of its "
                "knowledge scope may ask access to it. Ask a member of the scope to request "
                "access for you."
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        # The user's own values are checked before the workflow stamps them.
        self._xingji_check_workflow_vals(vals_list, creating=True)
        self._xingji_check_link_vals(vals_list)
        # Defaults (the record a request is opened from) are needed to check.
        vals_list = [self._add_missing_default_values(vals) for vals in vals_list]
        for vals in vals_list:
            model = vals.get("res_model")
            if model not in self.env or "scope_user_ids" not in self.env[model]._fields:
                raise UserError(self.env._("Access can only be requested to a confidential record."))
            res_id = vals.get("res_id")
            # sudo: see _target.
            target = self.env[model].sudo().browse(res_id if isinstance(res_id, int) else 0).exists()
            requester = self.env.user
            if self.env.su and vals.get("requester_id"):
                # Data files (demo) load as superuser on behalf of someone.
                requester = self.env["res.users"].browse(vals["requester_id"])
            if not target:
                self._refuse_unknown_target()
            in_scope = requester in target.scope_user_ids
            if not in_scope and not target._access_request_open_to_outsiders():
                # A hidden record answers as an absent one.
                self._refuse_unknown_target()
            beneficiary = self.env["res.users"].browse(vals.get("user_id") or self.env.uid)
            if beneficiary != requester and not in_scope:
                raise UserError(
                    self.env._(
                        "Only members of the knowledge scope of a record may ask access for a "
                        "colleague. Ask for yourself instead."
                    )
                )
            if vals.get("date_end") and fields.Date.to_date(vals["date_end"]) <= today:
                raise UserError(
                    self.env._("The access must end after today: choose a later Until date.")
                )
            if target.with_user(beneficiary).sudo(False).has_access("read"):
                raise UserError(
                    self.env._(
                        "%(user)s can already read \"%(record)s\": no request is needed.",
                        user=beneficiary.name,
                        record=target.display_name,
                    )
                )
            if beneficiary in target._get_scope_excluded_users():
                raise UserError(
                    self.env._(
                        "%(user)s must stay outside the scope of \"%(record)s\" (recusal).",
                        user=beneficiary.name,
                        record=target.display_name,
                    )
                )
            approvers = target._get_access_approvers() - beneficiary
            if not approvers:
                raise UserError(
                    self.env._(
                        "Nobody can approve access to \"%(record)s\": ask the configuration "
                        "manager to name an approver or a head of the owner unit.",
                        record=target.display_name,
                    )
                )
            # sudo: a duplicate may be another requester's request the user cannot read.
            pending = self.sudo().search_count(
                [
                    ("res_model", "=", model),
                    ("res_id", "=", target.id),
                    ("user_id", "=", beneficiary.id),
                    ("state", "=", "pending"),
                ]
            )
            if pending:
                raise UserError(
                    self.env._(
                        "A request for %(user)s to read \"%(record)s\" is already waiting for a "
                        "decision.",
                        user=beneficiary.name,
                        record=target.display_name,
                    )
                )
            vals.update(
                {
                    "requester_id": requester.id,
                    "user_id": beneficiary.id,
                    "res_name": target.display_name,
                    "approver_ids": [fields.Command.set(approvers.ids)],
                    "owner_user_ids": [
                        fields.Command.set((target._get_access_revokers() | approvers).ids)
                    ],
                    "date_deadline": self._deadline_from_today(3),
                }
            )
        # sudo: the stamps above (requester, approvers, owners) were set by
        # this method after its checks; sudo() keeps env.uid as creator.
        requests = super(XingjiShareRequest, self.sudo()).create(vals_list).sudo(self.env.su)
        Log = self.env["xingji.access.log"]
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for request in requests:
            target = request._target()
            Log._log(target, "request", detail=request.user_id.name)
            request._post_on_target(
                self.env._(
                    "%(requester)s asks access for %(user)s until %(date)s. Reason: %(reason)s",
                    requester=request.requester_id.name,
                    user=request.user_id.name,
                    date=request.date_end,
                    reason=request.reason,
                )
            )
            # sudo: approvers are told through an activity on the request,
            # which the requester cannot assign with their own rights.
            for approver in request.approver_ids:
                request.sudo().activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=approver.id,
                    date_deadline=request.date_deadline,
                    summary=request._deadline_summary(),
                )
        return requests

    def _post_on_target(self, body):
        """Requests and grants appear in the chatter of the requested record."""
        for request in self:
            target = request._target()
            if target and hasattr(target, "message_post"):
                # sudo: the author (requester, approver) is often outside the
                # scope and cannot post on the record; notifications stay
                # limited to the scope by the confidential mixin.
                target.message_post(body=body, subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------- actions
    def _open_decision(self, decision):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": dict(
                approve=self.env._("Approve"),
                reject=self.env._("Reject"),
                revoke=self.env._("Revoke"),
            )[decision],
            "res_model": "xingji.share.request.decision",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id, "default_decision": decision},
        }

    def action_open_approve(self):
        return self._open_decision("approve")

    def action_open_reject(self):
        return self._open_decision("reject")

    def action_open_revoke(self):
        return self._open_decision("revoke")

    def _check_decider(self):
        for request in self:
            if request.state != "pending":
                raise UserError(
                    self.env._(
                        "The request \"%(name)s\" was already decided.", name=request.display_name
                    )
                )
            if self.env.user not in request.approver_ids:
                raise UserError(
                    self.env._(
                        "Only %(approvers)s may decide the request \"%(name)s\".",
                        approvers=", ".join(request.approver_ids.mapped("name")),
                        name=request.display_name,
                    )
                )

    def _close_activities(self, feedback):
        # sudo: approvers' activities are closed by whoever decides.
        self.sudo().activity_feedback(["mail.mail_activity_data_todo"], feedback=feedback)

    def action_approve(self, comment=None):
        self._check_decider()
        today = fields.Date.context_today(self)
        Log = self.env["xingji.access.log"]
        for request in self:
            if request.date_end < today:
                raise UserError(
                    self.env._(
                        "The access asked for \"%(name)s\" would already have ended: reject it "
                        "and ask for a new one.",
                        name=request.display_name,
                    )
                )
            target = request._target()
            # sudo: nobody holds create rights on grants; only an approved
            # request creates one.
            grant = self.env["xingji.access.grant"].sudo().create(
                {
                    "res_model": request.res_model,
                    "res_id": request.res_id,
                    "user_id": request.user_id.id,
                    "date_end": request.date_end,
                    "reason": (request.reason or "")[:200],
                    "request_id": request.id,
                }
            )
            request._xingji_workflow_write(
                {
                    "state": "approved",
                    "comment": comment or False,
                    "decided_by_id": self.env.uid,
                    "date_decided": fields.Datetime.now(),
                    "grant_id": grant.id,
                }
            )
            Log._log(
                target,
                "grant",
                detail=self.env._(
                    "%(user)s until %(date)s", user=request.user_id.name, date=request.date_end
                ),
            )
            request._post_on_target(
                self.env._(
                    "%(approver)s granted access to %(user)s until %(date)s.",
                    approver=self.env.user.name,
                    user=request.user_id.name,
                    date=request.date_end,
                )
            )
            request._notify_requester(self.env._("Your access request was approved."), comment)
        self._close_activities(self.env._("Approved"))
        return True

    def action_reject(self, comment=None):
        self._check_decider()
        if not comment:
            raise UserError(self.env._("Say why the request is rejected: the comment is required."))
        self._xingji_workflow_write(
            {
                "state": "rejected",
                "comment": comment,
                "decided_by_id": self.env.uid,
                "date_decided": fields.Datetime.now(),
            }
        )
        for request in self:
            request._post_on_target(
                self.env._(
                    "%(approver)s rejected the access request of %(user)s.",
                    approver=self.env.user.name,
                    user=request.user_id.name,
                )
            )
            request._notify_requester(self.env._("Your access request was rejected."), comment)
        self._close_activities(self.env._("Rejected"))
        return True

    def action_revoke(self, reason=None):
        Log = self.env["xingji.access.log"]
        for request in self:
            if request.state != "approved":
                raise UserError(
                    self.env._(
                        "Only an approved access can be revoked; \"%(name)s\" is not.",
                        name=request.display_name,
                    )
                )
            if self.env.user not in request.approver_ids | request.owner_user_ids:
                raise UserError(
                    self.env._(
                        "Only the owner unit or the approver of \"%(record)s\" may revoke this "
                        "access.",
                        record=request.res_name,
                    )
                )
        if not reason:
            raise UserError(self.env._("Say why the access is revoked: the reason is required."))
        # sudo: grants and requests are written only through these checks.
        self.grant_id.sudo().write({"active": False})
        self._xingji_workflow_write({"state": "revoked", "revoke_reason": reason})
        for request in self:
            Log._log(request._target(), "revoke", detail=request.user_id.name)
            request._post_on_target(
                self.env._(
                    "%(owner)s revoked the access of %(user)s: %(reason)s",
                    owner=self.env.user.name,
                    user=request.user_id.name,
                    reason=reason,
                )
            )
            request._notify_requester(self.env._("Your access was revoked."), reason)
        return True

    def _mark_expired(self):
        """Called by the grant expiry cron for the grants that ended."""
        approved = self.filtered(lambda r: r.state == "approved")
        # Expiry is a transition: the grant's end date passed.
        approved._xingji_workflow_write({"state": "expired"})
        for request in approved:
            request._post_on_target(
                self.env._(
                    "The access of %(user)s ended on %(date)s.",
                    user=request.user_id.name,
                    date=request.date_end,
                )
            )

    def _notify_requester(self, title, comment=None):
        body = Markup("<p>%s</p>") % title
        if comment:
            body += Markup("<p>%s</p>") % comment
        partners = (self.requester_id | self.user_id).partner_id
        # sudo: the decision is posted on the request whoever decides.
        self.sudo().message_post(
            body=body, partner_ids=partners.ids, subtype_xmlid="mail.mt_comment"
        )
