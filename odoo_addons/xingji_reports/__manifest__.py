# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "行纪贯通 Reports",
    "summary": "Printable linkage forms (线索移送报告表, 统计表) and XLSX statistics",
    "version": "18.0.1.0.0",
    "category": "Productivity",
    "website": "https://github.com/xingji/xingji-odoo",
    "author": "Xingji Team",
    "license": "LGPL-3",
    "depends": ["xingji_linkage"],
    "data": [
        "security/ir.model.access.csv",
        "security/xingji_reports_rules.xml",
        "data/report_paperformat_data.xml",
        "data/xingji_statistics_data.xml",
        "data/xingji_reports_cron_data.xml",
        "views/xingji_reports_menus.xml",
        "views/xingji_statistics_table_views.xml",
        "report/xingji_report_layout.xml",
        "report/xingji_statistics_templates.xml",
        "report/xingji_rect_templates.xml",
        "report/xingji_clue_templates.xml",
        "report/xingji_reports_reports.xml",
        "wizards/xingji_statistics_wizard_views.xml",
        "views/xingji_clue_report_views.xml",
    ],
    "demo": [
        "demo/xingji_unit_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "xingji_reports/static/tests/tours/*.js",
        ],
    },
}
