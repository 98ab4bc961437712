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
        "views/xingji_reports_menus.xml",
    ],
}
