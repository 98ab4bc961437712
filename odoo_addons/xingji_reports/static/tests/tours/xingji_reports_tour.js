import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A bureau leader opens the referral analysis and the quarterly table wizard.
registry.category("web_tour.tours").add("xingji_reports_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("xingji_linkage.xingji_menu_root", "Open the linkage app"),
        {
            trigger: '.o_menu_sections [data-menu-xmlid="xingji_linkage.xingji_menu_reporting"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="xingji_reports.xingji_clue_report_menu"]',
            run: "click",
        },
        {
            content: "The pivot lists the transferring unit of the demo clues",
            trigger: '.o_pivot_view .o_pivot th:contains("药品生产监管处")',
        },
        {
            trigger: '.o_menu_sections [data-menu-xmlid="xingji_reports.xingji_statistics_menu"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="xingji_reports.xingji_statistics_wizard_menu"]',
            run: "click",
        },
        {
            trigger: '.modal .o_field_widget[name="quarter"]',
        },
        {
            trigger: '.modal-footer button[name="action_print_pdf"]',
        },
        {
            trigger: '.modal-footer button[name="action_export_xlsx"]',
        },
        {
            trigger: '.modal-footer button[data-hotkey="z"]',
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});
