# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "行纪贯通 (Enforcement-Discipline Linkage)",
    "summary": "Administrative law enforcement and discipline inspection linkage: "
    "clue referral, joint inspections, rectification, meetings, sharing",
    "version": "18.0.1.0.0",
    "category": "Productivity",
    "website": "https://github.com/xingji/xingji-odoo",
    "author": "Xingji Team",
    "license": "LGPL-3",
    "application": True,
    "depends": ["mail", "resource"],
    "data": [
        "security/xingji_linkage_security.xml",
        "security/ir.model.access.csv",
        "security/xingji_linkage_rules.xml",
        "data/xingji_violation_type_data.xml",
        "data/xingji_holiday_data.xml",
        "data/ir_cron_data.xml",
        "views/xingji_linkage_menus.xml",
        "views/xingji_unit_views.xml",
        "views/xingji_violation_type_views.xml",
        "views/xingji_holiday_views.xml",
        "views/xingji_access_log_views.xml",
        "views/res_users_views.xml",
        "security/xingji_clue_rules.xml",
        "data/xingji_clue_data.xml",
        "data/xingji_clue_cron_data.xml",
        "views/xingji_clue_views.xml",
        "views/xingji_clue_config_views.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/xingji_unit_demo.xml",
        "demo/xingji_clue_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "xingji_linkage/static/tests/tours/*.js",
        ],
    },
}
