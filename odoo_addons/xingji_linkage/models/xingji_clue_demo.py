# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo clues in every state, made by the demo users through the workflow."""
from datetime import timedelta

from odoo import fields
from odoo.fields import Command


def _person(name, post, rank, party, cert=False):
    return Command.create(
        {
            "name": name,
            "employer_post": post,
            "cadre_rank": rank,
            "is_party_member": party,
            "cert_number": cert,
        }
    )


def create_demo_clues(env):
    ref = env.ref
    if env.ref("xingji_linkage.clue_demo_draft", raise_if_not_found=False):
        return True
    handler = ref("xingji_linkage.user_handler_demo")
    # Chatter entries in the demo users' language (Chinese when installed).
    env = env(context=dict(env.context, lang=handler.lang or "en_US"))
    ref = env.ref
    head = ref("xingji_linkage.user_unit_manager_demo")
    leader = ref("xingji_linkage.user_leader_demo")
    organ = ref("xingji_linkage.user_discipline_demo")
    group = ref("xingji_linkage.user_discipline2_demo")
    legal = ref("xingji_linkage.user_supervision_demo")
    production = ref("xingji_linkage.unit_production_demo")
    commission = ref("xingji_linkage.unit_organ_commission_demo")
    today = fields.Date.context_today(env["xingji.clue"])
    types = env["xingji.violation.type"].search([("subject", "=", "person")], limit=3)

    def clue(xmlid, user, vals):
        base = {
            "direction": "to_discipline",
            "source_unit_id": production.id,
            "date_discovered": today - timedelta(days=10),
            "date_received": today - timedelta(days=12),
            "source": "inspection",
            "nature": "duty_violation",
            "power_type": "inspection",
            "handler_id": user.id,
            "handler_phone": "0771-5550101",
            "no_proposal_confirmed": True,
            "violation_type_ids": [Command.set(types.ids)],
        }
        base.update(vals)
        record = env["xingji.clue"].with_user(user).create(base)
        env["ir.model.data"].create(
            {"name": xmlid, "module": "xingji_linkage", "model": "xingji.clue", "res_id": record.id, "noupdate": True}
        )
        return record.with_user(user)

    problem = "在对某药业公司GMP符合性检查中，检查组成员被反映接受企业宴请并对发现的数据完整性缺陷未予记录。"
    evidence = "检查记录、企业内部报销凭证复印件、现场照片。"

    clue("clue_demo_draft", handler, {
        "main_problem": "某执法人员在行政许可审查中被反映违法增加许可条件。",
        "power_type": "license",
        "person_ids": [_person("李某", "药品注册管理处 科员", "below_division", True, "GX2021001")],
        "no_proposal_confirmed": False,
    })
    c = clue("clue_demo_review", handler, {
        "main_problem": problem,
        "evidence": evidence,
        "person_ids": [_person("王某", "第二检查分局 检查员", "below_division", True, "GX2019023")],
        "material_ids": [Command.create({"name": "检查记录", "pages": 6})],
    })
    c.action_submit()
    c = clue("clue_demo_approval", handler, {
        "main_problem": "行政处罚案件中对当事人从轻处罚不当，涉嫌以罚代刑。",
        "power_type": "penalty",
        "nature": "duty_crime",
        "is_major": True,
        "person_ids": [_person("陈某", "药品流通监管处 副处长", "division", True, "GX2015007")],
    })
    c.action_submit()
    c.with_user(head)._approve("情况属实，建议移送。")
    c = clue("clue_demo_transferred", handler, {
        "main_problem": "违法处置查封扣押的涉案药品。",
        "power_type": "coercion",
        "person_ids": [_person("刘某", "第一检查分局 执法人员", "below_division", False, "GX2020011")],
    })
    c.action_submit()
    c.with_user(head)._approve("同意移送。")
    c.with_user(leader)._approve("同意，按程序移送驻局纪检监察组。")
    # Shown as overdue in the demo: the decision was due yesterday.
    c.sudo().date_deadline = today - timedelta(days=1)
    c = clue("clue_demo_accepted", handler, {
        "main_problem": "对职权范围内投诉举报不依法处理并泄露举报人信息。",
        "power_type": "reward",
        "source": "complaint",
        "person_ids": [_person("周某", "药品生产监管处 处长助理", "division", True)],
    })
    c.action_submit()
    c.with_user(head)._approve("同意移送。")
    c.with_user(leader)._approve("同意。")
    # 局机关纪委 forwards (转送) the clue to 驻局纪检监察组 (seed 000 §三).
    c.with_user(organ)._forward(today, "示纪〔2026〕1号", "confidential_mail")
    c.with_user(group).action_accept()
    c = clue("clue_demo_returned", handler, {
        "main_problem": "企业员工反映某外聘专家评审不公。",
        "source": "petition",
        "nature": "other",
        "person_ids": [_person("赵某", "外聘评审专家", "none", False)],
    })
    c.action_submit()
    c.with_user(head)._approve("建议移送。")
    c.with_user(leader)._approve("同意。")
    c.with_user(organ)._forward(today, "示纪〔2026〕2号", "system")
    c.with_user(group)._return("被反映人不属于本局管理的公职人员，不属于本机关管辖，建议转交其所在单位处理。")
    c = clue("clue_demo_fed_back", handler, {
        "main_problem": problem,
        "evidence": evidence,
        "person_ids": [_person("孙某", "药品生产监管处 科员", "below_division", True, "GX2018031")],
    })
    c.action_submit()
    c.with_user(head)._approve("同意移送。")
    c.with_user(leader)._approve("同意。")
    rc = c.with_user(organ)
    rc.action_accept()
    rc.write({"disposal": "talk_inquiry", "result": "经谈话函询，本人如实说明情况，予以批评教育。"})
    rc.action_feedback()
    c = clue("clue_demo_closed", handler, {
        "main_problem": "检查中对发现的问题不依法履行监管职责。",
        "person_ids": [_person("吴某", "药品生产监管处 科员", "below_division", True, "GX2017042")],
    })
    c.action_submit()
    c.with_user(head)._approve("同意移送。")
    c.with_user(leader)._approve("同意。")
    rc = c.with_user(organ)
    rc.action_accept()
    rc.write({"disposal": "preliminary", "result": "经初步核实，反映问题不实，予以澄清正名。", "clear_name": True})
    rc.action_feedback()
    rc.action_close()
    c = clue("clue_demo_cancelled", handler, {
        "main_problem": "重复登记的线索。",
        "person_ids": [_person("郑某", "药品生产监管处 科员", "below_division", True)],
    })
    c._cancel("与已移送线索重复，撤销。")

    # Enforcement-fault clues from the discipline body to 法规处 (seed 001 art. 6).
    # The head of 局机关纪委 drafts and handles them, so (four eyes) the head
    # of the parent unit, the bureau leader, decides the unit-head step.
    def fault(xmlid, vals):
        return clue(xmlid, organ, dict({
            "direction": "to_supervision",
            "source_unit_id": commission.id,
            "source": "case",
            "nature": False,
            "handler_phone": "0771-5550199",
            "evidence": "案卷复印件、现场检查笔录、处罚决定书。",
        }, **vals))

    fault("clue_demo_fault_draft", {
        "main_problem": "审查调查中发现某分局行政处罚案件证据收集不规范。",
        "violation_facts": "现场检查笔录缺少当事人签字，违反《药品监督管理行政处罚程序规定》。",
        "person_ids": [_person("钱某", "第一检查分局 执法人员", "below_division", True, "GX2016005")],
    })
    c = fault("clue_demo_fault_verifying", {
        "main_problem": "自由裁量权滥用：同类违法行为处罚幅度明显不一致。",
        "violation_facts": "两起同类案件罚款金额相差十倍，未说明理由，违反行政裁量权基准制度。",
        "person_ids": [_person("冯某", "第二检查分局 法制员", "below_division", True, "GX2014019")],
    })
    c.action_submit()
    c.with_user(leader)._approve("同意移送法规处核查。")
    c = fault("clue_demo_fault_closed", {
        "main_problem": "执法程序违法：未告知当事人陈述申辩权利。",
        "violation_facts": "行政处罚决定书送达前未履行告知程序，违反《行政处罚法》第四十四条。",
        "person_ids": [_person("蒋某", "医疗器械监管处 科员", "below_division", False, "GX2013027")],
    })
    c.action_submit()
    c.with_user(leader)._approve("同意移送法规处核查。")
    rc = c.with_user(legal)
    rc.write({
        "verification_result": "经核查，该案确未履行告知程序，属执法程序违法。",
        "handling_result": "已责令承办单位撤销原处罚决定并重新作出；对承办人员进行批评教育并暂扣执法证一个月。",
    })
    rc.action_feedback()
    return True
