# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.xingji_linkage.models.xingji_clue import CLUE_NATURES


class XingjiStatisticsLine(models.Model):
    """A row of a quarterly statistics table (附件1).

    Rows of the referrals made in the system are copied here when the table
    is submitted (frozen: the submitted table never changes with whoever
    opens it); rows of referrals made off the system are typed in by the
    liaison while the table is a draft (``off_system``).  A row names
    reported persons: it is readable by the unit's liaisons and head, its
    author and, once submitted, the discipline committee that receives the
    table, never by a person it reports (回避) — see the global record rule.
    """

    _name = "xingji.statistics.line"
    _description = "Quarterly Statistics Table Row"
    _order = "table_id, date_transferred, sequence, id"

    table_id = fields.Many2one(
        "xingji.statistics.table", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    off_system = fields.Boolean(
        string="Referred off the System",
        default=True,
        readonly=True,
        help="The referral was made on paper, outside this system, and its row was entered by hand.",
    )
    reference = fields.Char(readonly=True)
    date_transferred = fields.Date(
        string="Transfer Date", required=True, default=lambda self: fields.Date.context_today(self)
    )
    persons_text = fields.Char(string="Persons Suspected of Violations")
    problem = fields.Text(string="Problem Clue", required=True)
    nature = fields.Selection(CLUE_NATURES, string="Nature of the Problem")
    receiving_unit_name = fields.Char(string="Receiving Discipline Inspection Body")
    # The clue a frozen row was copied from (access log) and the users it
    # reports (回避): technical, never shown.
    clue_id = fields.Many2one("xingji.clue", readonly=True, index="btree_not_null", groups="base.group_system")
    reported_user_ids = fields.Many2many(
        "res.users",
        relation="xingji_statistics_line_reported_rel",
        column1="line_id",
        column2="user_id",
        readonly=True,
        groups="base.group_system",
    )
    company_id = fields.Many2one(related="table_id.company_id", store=True, index=True)

    def _check_table_editable(self, tables):
        if self.env.su:
            return
        # Only a user who may change the table (its unit's staff) types rows in it.
        tables.check_access("write")
        if any(table.state != "draft" for table in tables):
            raise UserError(
                self.env._(
                    "A submitted statistics table is frozen: its rows cannot be added, changed or removed. "
                    "Ask the unit head to reset it to draft if it was not received yet."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                if not vals.get("off_system", True) or {"clue_id", "reported_user_ids", "reference"} & set(vals):
                    raise UserError(
                        self.env._(
                            "Rows of the referrals made in the system are added when the table is submitted; "
                            "add by hand only the referrals made off the system."
                        )
                    )
                vals["off_system"] = True
            self._check_table_editable(self.env["xingji.statistics.table"].browse(
                {vals.get("table_id") for vals in vals_list if vals.get("table_id")}
            ))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_table_editable(self.table_id)
            if not all(self.mapped("off_system")) or {"off_system", "table_id", "clue_id", "reported_user_ids", "reference"} & set(vals):
                raise UserError(
                    self.env._("Only the rows entered by hand for referrals made off the system can be changed.")
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        if self.env.su:
            return
        self._check_table_editable(self.table_id)
        if not all(self.mapped("off_system")):
            raise UserError(
                self.env._("Only the rows entered by hand for referrals made off the system can be removed.")
            )
