# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .xingji_routing_rule import CADRE_RANKS


class XingjiCluePerson(models.Model):
    """A reported person (被反映人) of a clue."""

    _name = "xingji.clue.person"
    # Reading a line directly is an opening of its clue (access log).
    _inherit = ["xingji.confidential.line.mixin"]
    _description = "Reported Person"
    _order = "clue_id, sequence, id"

    clue_id = fields.Many2one("xingji.clue", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Person Name", required=True)
    employer_post = fields.Char(string="Employer and Post")
    cadre_rank = fields.Selection(CADRE_RANKS, required=True, default="below_division")
    is_party_member = fields.Boolean(string="Party Member")
    cert_number = fields.Char(string="Enforcement Certificate No.")
    user_id = fields.Many2one(
        "res.users",
        string="User Account",
        index="btree_not_null",
        help="Set when the reported person uses this system: they can then never approve, receive or know of the clue (回避).",
    )

    # Longest name, post or certificate number accepted.
    _text_limit = 200

    @api.model_create_multi
    def create(self, vals_list):
        self._check_text_length(vals_list)
        clue_ids = [vals.get("clue_id") for vals in vals_list if vals.get("clue_id")]
        self.env["xingji.clue"].browse(clue_ids)._check_content_editable()
        self._check_not_self(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_text_length([vals])
        self.clue_id._check_content_editable()
        self._check_not_self([vals])
        return super().write(vals)

    def _check_text_length(self, vals_list):
        for vals in vals_list:
            for fname in ("name", "employer_post", "cert_number"):
                value = vals.get(fname)
                if isinstance(value, str) and len(value) > self._text_limit:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of a reported person is too long (at most %(limit)s characters).",
                            field=self._fields[fname]._description_string(self.env),
                            limit=self._text_limit,
                        )
                    )

    def _check_not_self(self, vals_list):
        if self.env.su:
            return
        if any(vals.get("user_id") == self.env.uid for vals in vals_list):
            raise UserError(
                self.env._(
                    "You cannot refer a clue in which you are reported yourself (回避): "
                    "ask a colleague of your unit to refer it."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_draft(self):
        self.clue_id._check_content_editable()
