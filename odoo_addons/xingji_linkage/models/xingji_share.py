# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import is_html_empty

from .xingji_share_category import GRADE_RANK, SHARE_GRADES


class XingjiShare(models.Model):
    """Shared information (监督信息互联互通, seed 001 art. 11).

    * ``full`` 全面共享: every linkage user reads it (the record rule says so;
      no scope is stored for everyone);
    * ``scoped`` 指定范围共享: the owner unit, the named units and users (and
      the heads above them when the category says so);
    * ``gated`` 严格审批共享: the owner unit and users holding a current grant
      obtained through an approved ``xingji.share.request``.  Opening,
      downloading and printing a gated item is written to the access log.
    """

    _name = "xingji.share"
    _description = "Shared Information"
    # The mixin comes first so that its follower and notification filters
    # run before mail.thread's own methods (which do not call super()).
    _inherit = ["xingji.confidential.mixin", "xingji.workflow.mixin", "mail.thread"]
    _order = "id desc"
    _xingji_reference_field = None
    # The approver is fixed from the category when the item is filed (or
    # moved to another category), never by hand: a later change of the
    # category's approver does not open past items to the new one.
    _xingji_workflow_fields = ("approver_id",)
    # Reading any of these is an opening, written to the access log.
    _xingji_content_fields = ("body", "attachment_ids", "offline_location", "offline_keeper")
    _mail_post_access = "read"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    body = fields.Html(string="Content")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        relation="xingji_share_attachment_rel",
        column1="share_id",
        column2="attachment_id",
        string="Attachments",
        copy=False,
    )
    category_id = fields.Many2one(
        "xingji.share.category",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
    )
    grade = fields.Selection(
        SHARE_GRADES,
        compute="_compute_grade",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        tracking=True,
    )
    approver_id = fields.Many2one(
        "res.users",
        compute="_compute_approver_id",
        store=True,
        index="btree_not_null",
        tracking=True,
        help="The category's named approver when the item was filed in it; when empty, the "
        "head of the owner unit approves.",
    )
    owner_unit_id = fields.Many2one(
        "xingji.unit",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
        default=lambda self: self._default_owner_unit(),
    )
    unit_ids = fields.Many2many(
        "xingji.unit",
        relation="xingji_share_unit_rel",
        column1="share_id",
        column2="unit_id",
        string="Shared with Units",
        check_company=True,
    )
    user_ids = fields.Many2many(
        "res.users",
        relation="xingji_share_user_rel",
        column1="share_id",
        column2="user_id",
        string="Shared with Users",
    )
    is_offline = fields.Boolean(
        string="Kept Offline",
        tracking=True,
        help="线下保管: the material must not enter any platform. Only what it is, where the "
        "paper is kept and who keeps it are recorded here.",
    )
    offline_location = fields.Char(string="Kept at", tracking=True)
    offline_keeper = fields.Char(string="Kept by", tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    request_count = fields.Integer(compute="_compute_request_count")
    can_manage = fields.Boolean(compute="_compute_can_manage")
    # A reader who may not change the item (a grantee, another unit) gets a
    # read-only form instead of one whose save is then refused.
    can_edit = fields.Boolean(compute="_compute_can_edit")

    def _default_owner_unit(self):
        return self.env["xingji.unit"]._get_units_of_user()[:1]

    @api.depends("category_id")
    def _compute_grade(self):
        for share in self:
            share.grade = share.category_id.default_grade or share.grade or "gated"

    @api.depends("category_id")
    def _compute_approver_id(self):
        # Depends on the category only, not on its approver: the approver
        # is fixed when the item enters the category.
        for share in self:
            # sudo: the category's approver is configuration, read to stamp it.
            share.approver_id = share.category_id.sudo().approver_id

    def _compute_request_count(self):
        groups = self.env["xingji.share.request"]._read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)], ["res_id"], ["__count"]
        )
        counts = dict(groups)
        for share in self:
            share.request_count = counts.get(share.id, 0)

    @api.depends_context("uid")
    def _compute_can_edit(self):
        saved = self.filtered("id")
        editable = saved._filtered_access("write") if saved else saved
        for share in self:
            share.can_edit = not share.id or share in editable

    @api.depends_context("uid")
    def _compute_can_manage(self):
        user = self.env.user
        for share in self:
            share.can_manage = share._is_access_revoker(user)

    # -------------------------------------------------------------- scope
    def _scope_depends(self):
        return super()._scope_depends() + [
            "grade",
            "owner_unit_id.member_ids",
            "unit_ids.member_ids",
            "unit_ids.parent_id.manager_id",
            "user_ids",
            "category_id.include_managers",
            "approver_id",
        ]

    def _get_scope_users(self):
        """Owner unit always; the named units and users for a scoped item.

        A full item needs no stored scope: the record rule opens it to every
        linkage user.  The category's named approver knows what they decide
        on.  The creator is not added: a gated item belongs to its owner unit.
        """
        self.ensure_one()
        users = self.owner_unit_id.member_ids | self.approver_id
        if self.grade == "scoped":
            users |= self.unit_ids.member_ids | self.user_ids
            if self.category_id.include_managers:
                users |= self.unit_ids.parent_id.manager_id
                users |= self.user_ids.xingji_unit_ids.manager_id
        return users

    def _get_access_approvers(self):
        self.ensure_one()
        return self.approver_id or self.owner_unit_id.manager_id

    def _get_access_revokers(self):
        self.ensure_one()
        return self._get_access_approvers() | self.owner_unit_id.member_ids

    def _is_access_revoker(self, user):
        """Whether ``user`` is among ``_get_access_revokers()``, without
        loading every member of the owner unit (asked on every form)."""
        self.ensure_one()
        return user in self._get_access_approvers() or self.owner_unit_id._has_member(user)

    def _access_request_open_to_outsiders(self):
        # Restricted items are listed (title only) in the directory.
        return True

    def _is_access_logged(self):
        self.ensure_one()
        return self.grade == "gated"

    def _scope_partners(self):
        partners = super()._scope_partners()
        # sudo: the grade is read to filter followers, never shown.
        if any(share.grade == "full" for share in self.sudo()):
            # sudo: every linkage user may be notified of a fully shared item.
            group = self.env.ref("xingji_linkage.group_xingji_user").sudo()
            partners |= group.users.partner_id
        return partners

    def _get_print_label(self):
        """Label printed on every page of a PDF of these items: the most
        restrictive grade among them (see ir.actions.report)."""
        grades = set(self.mapped("grade"))
        if not grades:
            return False
        grade = max(grades, key=GRADE_RANK.get)
        labels = dict(self._fields["grade"]._description_selection(self.env))
        return labels[grade]

    # --------------------------------------------------------- constraints
    @api.constrains("is_offline", "grade", "body", "attachment_ids")
    def _check_offline(self):
        for share in self.filtered("is_offline"):
            if share.grade != "gated":
                raise ValidationError(
                    self.env._(
                        "Only a strict-approval item can be kept offline: set the grade of "
                        "\"%(name)s\" to Strict Approval first.",
                        name=share.name,
                    )
                )
            if not is_html_empty(share.body):
                raise ValidationError(
                    self.env._(
                        "\"%(name)s\" is kept offline: its content must not be entered. "
                        "Record only what it is, where it is kept and who keeps it.",
                        name=share.name,
                    )
                )
            if share.attachment_ids:
                raise ValidationError(
                    self.env._(
                        "\"%(name)s\" is kept offline: remove the attachments, the material "
                        "must not enter the system.",
                        name=share.name,
                    )
                )
            if not share.offline_location or not share.offline_keeper:
                raise ValidationError(
                    self.env._(
                        "\"%(name)s\" is kept offline: say where the paper is kept and who keeps it.",
                        name=share.name,
                    )
                )

    # ---------------------------------------------------------------- crud
    @api.model_create_multi
    def create(self, vals_list):
        shares = super().create(vals_list)
        if not self.env.su:
            units = self.env["xingji.unit"]._get_units_of_user()
            for share in shares:
                if share.owner_unit_id not in units:
                    raise UserError(
                        self.env._(
                            "You can only share information on behalf of a unit you belong to. "
                            "Choose one of your units as owner unit.",
                        )
                    )
        if not self.env.su:
            shares._check_grade_lowering(
                {share.id: share.category_id.default_grade for share in shares}
            )
        shares._attach_files()
        return shares

    def write(self, vals):
        previous = {}
        # A superuser write is a step's own (e.g. _change_grade), which logs it.
        if ("grade" in vals or "category_id" in vals) and not self.env.su:
            previous = {share.id: share.grade for share in self}
        res = super().write(vals)
        if previous:
            self._check_grade_lowering(previous)
        if "attachment_ids" in vals:
            self._attach_files()
        return res

    def copy_data(self, default=None):
        """A copy keeps its source's grade and scope: it is never a way to
        lower a grade. A strict-approval item is not copied at all (its
        content stays where every reading of it is logged)."""
        default = dict(default or {})
        if not self.env.su:
            gated = self.filtered(lambda s: s.grade == "gated")
            if gated:
                raise UserError(
                    self.env._(
                        "\"%(name)s\" is shared under strict approval and is not copied. Create "
                        "a new item if you need one.",
                        name=gated[0].name,
                    )
                )
        vals_list = super().copy_data(default=default)
        for share, vals in zip(self, vals_list):
            asked = vals.get("grade")
            if not asked or GRADE_RANK.get(asked, -1) < GRADE_RANK[share.grade]:
                vals["grade"] = share.grade
        return vals_list

    def _attach_files(self):
        """Bind uploaded files to their item so the item's rules protect them.

        Only loose uploads (not yet bound to a record) of the current user
        are bound; a file of another record is never moved here.
        """
        for share in self:
            # sudo: the binding fields of the linked files are read and
            # written whatever the uploader's rights on ir.attachment.
            attachments = share.sudo().attachment_ids
            foreign = attachments.filtered(
                lambda a, s=share: a.res_id and (a.res_model, a.res_id) != (s._name, s.id)
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "A file of another record cannot be attached to \"%(name)s\": upload "
                        "a copy instead.",
                        name=share.name,
                    )
                )
            loose = attachments.filtered(lambda a: not a.res_id)
            if not self.env.su and loose.filtered(lambda a: a.create_uid != self.env.user):
                raise ValidationError(
                    self.env._("Only files you uploaded yourself can be attached.")
                )
            if loose:
                loose.write({"res_model": share._name, "res_id": share.id})

    def _grade_change_sensitive(self, old):
        self.ensure_one()
        return "gated" in (old, self.grade, self.category_id.default_grade)

    def _check_grade_lowering(self, previous):
        """Lowering the grade of a gated item, or of an item of a gated
        category, happens only through :meth:`_change_grade` (its approver
        and a reason); every other grade change of such an item is logged."""
        for share, old in self._sensitive_grade_changes(previous):
            if GRADE_RANK[share.grade] < GRADE_RANK[old]:
                # sudo: the approvers may include users and units the editor cannot read.
                approvers = share.sudo()._get_access_approvers()
                raise UserError(
                    self.env._(
                        "Lowering the grade of \"%(name)s\" needs approval. Ask %(approvers)s "
                        "to change it with the Change Grade button and a reason.",
                        name=share.name,
                        approvers=", ".join(approvers.mapped("name"))
                        or self.env._("the head of the owner unit"),
                    )
                )
        self._log_grade_change(previous)

    def _sensitive_grade_changes(self, previous):
        """(share, old grade) for each share whose grade moved away from
        ``previous[id]`` in a way that needs approval or is logged."""
        changes = []
        for share in self:
            old = previous.get(share.id)
            if old and old != share.grade and share._grade_change_sensitive(old):
                changes.append((share, old))
        return changes

    def _log_grade_change(self, previous, reason=None):
        labels = dict(self._fields["grade"]._description_selection(self.env))
        entries = []
        for share, old in self._sensitive_grade_changes(previous):
            detail = self.env._(
                "%(old)s → %(new)s", old=labels.get(old, old), new=labels[share.grade]
            )
            if reason:
                detail = f"{detail}: {reason}"
            entries.append((share, "grade", detail))
            # sudo: the grade change is recorded even by a user who may not
            # read the item any more after lowering or raising it.
            share.sudo().message_post(
                body=self.env._("Grade changed: %(detail)s", detail=detail),
                subtype_xmlid="mail.mt_note",
            )
        # One insert for all the items changed together.
        self.env["xingji.access.log"]._log_entries(entries)

    def _change_grade(self, grade, reason):
        """The Change Grade step: the item's approver lowers a sensitive
        grade; whoever may edit the item changes any other. The reason is
        an argument, written to the access log and the chatter."""
        self.ensure_one()
        if grade not in GRADE_RANK:
            raise UserError(self.env._("Choose one of the sharing grades."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the grade change."))
        old = self.grade
        if old == grade:
            return False
        lowering = GRADE_RANK[grade] < GRADE_RANK[old]
        if lowering and self._grade_change_sensitive(old):
            # sudo: the approver is read whatever the user may read.
            approvers = self.sudo()._get_access_approvers()
            if self.env.user not in approvers:
                raise UserError(
                    self.env._(
                        "Lowering the grade of \"%(name)s\" needs approval. Ask %(approvers)s "
                        "to change it.",
                        name=self.name,
                        approvers=", ".join(approvers.mapped("name"))
                        or self.env._("the head of the owner unit"),
                    )
                )
        else:
            self.check_access("write")
        # sudo: the approver (e.g. a named approver outside the owner unit)
        # decides the grade without write rights on the item; the checks
        # above are the approval; the change is logged below with the reason.
        self.sudo().write({"grade": grade})
        self._log_grade_change({self.id: old}, reason=reason)
        return True

    def export_data(self, fields_to_export):
        """Exports of gated items are written to the access log."""
        res = super().export_data(fields_to_export)
        gated = self.filtered(lambda s: s.grade == "gated")
        if gated and not self.env.su:
            self.env["xingji.access.log"]._log(gated, "export")
        return res

    # ------------------------------------------------------------- actions
    def action_change_grade(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Change Grade"),
            "res_model": "xingji.share.grade.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_share_id": self.id},
        }
