# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL


class XingjiClue(models.Model):
    """Snapshot of the people who entered the route of a clue.

    The knowledge scope must not follow later configuration: adding a user
    to a discipline body, or naming a new head of the source unit, must not
    open the body's or the unit's past clues to him.  So the people of a
    unit are copied onto the clue once, when the unit enters the route (the
    source unit's head when the clue is created, the receiving and transit
    bodies' members when the clue is transferred), and kept: the scope
    reads this copy, never the live membership.  Later members get access
    through the body head (users informed, ``extra_scope_user_ids``) or an
    approved access request.
    """

    # The route snapshot is the scope code's own concern, kept apart from the clue
    # workflow (xingji_clue.py) and the finding link (xingji_clue_finding.py).
    _inherit = "xingji.clue"  # pylint: disable=consider-merging-classes-inherited

    route_user_ids = fields.Many2many(
        "res.users",
        relation="xingji_clue_route_user_rel",
        column1="clue_id",
        column2="user_id",
        string="People on the Route",
        compute="_compute_route_snapshot",
        store=True,
        compute_sudo=True,
        copy=False,
        groups="base.group_system",
        help="Heads and members of the units on the clue's route, as they were when each unit entered it.",
    )
    route_unit_ids = fields.Many2many(
        "xingji.unit",
        relation="xingji_clue_route_unit_rel",
        column1="clue_id",
        column2="unit_id",
        string="Units on the Route",
        compute="_compute_route_snapshot",
        store=True,
        compute_sudo=True,
        copy=False,
        groups="base.group_system",
        help="Units whose people were copied into the route of the clue.",
    )

    def _route_snapshot_stored(self):
        """The snapshot as stored now (one query per relation): a compute
        never sees its own previous value through the cache."""
        ids = tuple(self._origin.ids)
        users, units = {}, {}
        if not ids:
            return users, units
        for table, column, target in (
            ("xingji_clue_route_user_rel", "user_id", users),
            ("xingji_clue_route_unit_rel", "unit_id", units),
        ):
            rows = self.env.execute_query(
                SQL(
                    "SELECT clue_id, %s FROM %s WHERE clue_id IN %s",
                    SQL.identifier(column), SQL.identifier(table), ids,
                )
            )
            for clue_id, res_id in rows:
                target.setdefault(clue_id, []).append(res_id)
        return users, units

    @api.depends("state", "transit_state", "source_unit_id", "receiving_unit_id", "transit_unit_id")
    def _compute_route_snapshot(self):
        stored_users, stored_units = self._route_snapshot_stored()
        Users, Units = self.env["res.users"], self.env["xingji.unit"]
        for clue in self:
            users = Users.browse(stored_users.get(clue._origin.id, []))
            units = Units.browse(stored_units.get(clue._origin.id, []))
            on_route = clue._route_units()
            departed = units - on_route
            if departed:
                # A body the clue was passed on from (or a unit changed in
                # a draft) leaves the route with its people, except those
                # who stay on it through a unit still on the route.
                kept = units & on_route
                users -= (departed.member_ids | departed.manager_id) - kept.member_ids - kept.manager_id
                units = kept
            if clue.source_unit_id and clue.source_unit_id not in units:
                users |= clue.source_unit_id.manager_id
                units |= clue.source_unit_id
            for body in on_route - units:
                users |= body.member_ids
                units |= body
            clue.route_user_ids = users
            clue.route_unit_ids = units

    def _compute_scope_user_ids(self):
        res = super()._compute_scope_user_ids()
        # A confidential finding's scope includes the scope of the clues
        # started from it: recompute it with theirs (no field path links
        # them: a finding has no one2many to its clues on purpose).
        # Recomputed at once: a field marked now would be missed by the
        # flush already under way (it lists the fields to compute first).
        findings = self.sudo().finding_id
        if findings:
            findings._refresh_scope()
        return res
