# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 11: the default 局领导 step asks the leader in charge of the source
unit (falling back to the group of bureau leaders), and the new routing
rule for non-party persons without cadre rank goes to the same bodies as
处级以下非党员干部. Both records are ``noupdate`` data: an upgrade does not
touch them, so this runs once."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    step = env.ref("xingji_linkage.approval_step_leader", raise_if_not_found=False)
    if step and step.approver_kind == "group" and step.group_id == env.ref("xingji_linkage.group_xingji_leader"):
        step.approver_kind = "leader_in_charge"
    rule = env.ref("xingji_linkage.routing_rule_none_non_party", raise_if_not_found=False)
    model = env.ref("xingji_linkage.routing_rule_below_division_non_party", raise_if_not_found=False)
    if rule and model and not rule.receiving_unit_id:
        rule.write({"receiving_unit_id": model.receiving_unit_id.id, "transit_unit_id": model.transit_unit_id.id})
    # 权力运行环节 became a choice (enforcement_activity); the free text of
    # earlier versions stays in power_activity ("Activity Details") and gives
    # the choice where it names one of the activities of seed 000 §三¶2.
    keywords = [
        ("tender", "招标"), ("construction", "工程"), ("recruitment", "招聘"), ("testing", "检验"),
        ("testing", "检测"), ("technical_review", "审评"), ("onsite_inspection", "现场检查"),
    ]
    for key, word in keywords:
        cr.execute(
            "UPDATE xingji_clue SET enforcement_activity = %s"
            " WHERE enforcement_activity IS NULL AND power_activity LIKE %s",
            [key, f"%{word}%"],
        )
    cr.execute(
        "UPDATE xingji_clue SET enforcement_activity = 'other'"
        " WHERE enforcement_activity IS NULL AND COALESCE(power_activity, '') != ''"
    )
