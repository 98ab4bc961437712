import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const TITLE = "导览联合督查";
const FINDING = "导览发现：处罚决定未经法制审核";
const TASK = "导览整改：补齐法制审核";

function openRectificationTask() {
    return [
        ...stepUtils.goToAppSteps("xingji_linkage.xingji_menu_root", "Open the linkage app"),
        {
            trigger: '.o_menu_sections [data-menu-xmlid="xingji_linkage.xingji_rectification_menu"]',
            run: "click",
        },
        {
            // The kanban grouped by state is the default view.
            trigger: `.o_kanban_view .o_kanban_group .o_kanban_record:contains(${TASK})`,
            run: "click",
        },
    ];
}

// 1. The inspection leader (执法监督, 陈涛) draws, starts, records a finding
//    and sets a rectification task from it.
registry.category("web_tour.tours").add("xingji_inspection_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("xingji_linkage.xingji_menu_root", "Open the linkage app"),
        {
            trigger: '.o_menu_sections [data-menu-xmlid="xingji_linkage.xingji_inspection_menu_root"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="xingji_linkage.xingji_inspection_menu"]',
            run: "click",
        },
        {
            trigger: `.o_list_view .o_data_row td[name="title"]:contains(${TITLE})`,
            run: "click",
        },
        {
            trigger: '.o_form_view .o_statusbar_buttons button[name="action_open_draw_wizard"]',
            run: "click",
        },
        {
            trigger: '.modal .o_field_widget[name="seed"] input',
            run: "edit TOUR-2026",
        },
        {
            trigger: '.modal button[name="action_draw"]',
            run: "click",
        },
        {
            trigger: '.o_form_view .o_field_widget[name="inspected_unit_ids"] .o_tag:contains(药品生产监管处)',
        },
        {
            trigger: '.o_notebook a.nav-link[name="draws"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="draw_ids"] .o_data_row td[name="seed"]:contains(TOUR-2026)',
        },
        {
            trigger: '.o_form_view .o_statusbar_buttons button[name="action_start"]',
            run: "click",
        },
        {
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="in_progress"]',
        },
        {
            trigger: '.o_notebook a.nav-link[name="findings"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="finding_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            trigger: '.modal .o_field_widget[name="name"] input',
            run: `edit ${FINDING}`,
        },
        {
            trigger: '.modal .o_field_widget[name="unit_id"] input',
            run: "edit 药品生产",
        },
        {
            trigger: '.o-autocomplete--dropdown-item:contains(药品生产监管处)',
            run: "click",
        },
        {
            trigger: '.modal .o_field_widget[name="description"] textarea',
            run: "edit 抽查案卷中有2份重大处罚决定未经法制审核。",
        },
        {
            trigger: '.modal .o_form_button_save',
            run: "click",
        },
        {
            trigger: `.o_field_widget[name="finding_ids"] .o_data_row td[name="name"]:contains(${FINDING})`,
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: '.o_form_view button[name="action_view_findings"]',
            run: "click",
        },
        {
            // The findings list of the action (it has the inspection column,
            // unlike the list inside the inspection form).
            trigger: `.o_list_view .o_data_row:has(td[name="inspection_id"]) td[name="name"]:contains(${FINDING})`,
            run: "click",
        },
        {
            trigger: '.o_form_view .o_statusbar_buttons button[name="action_create_rectification"]',
            run: "click",
        },
        {
            // Wait for the new task's form (not the finding's) to be shown.
            trigger: '.o_form_view .o_field_widget[name="responsible_unit_id"] input:value(药品生产监管处)',
        },
        {
            trigger: '.o_form_view:has(.o_field_widget[name="responsible_unit_id"]) .o_field_widget[name="name"] input',
            run: `edit ${TASK}`,
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: '.o_form_view .o_field_widget[name="reference"]:contains(ZG-)',
        },
    ],
});

// 2. A handler of the inspected unit (张明) works on the task and submits
//    the result with its evidence.
registry.category("web_tour.tours").add("xingji_rectification_submit_tour", {
    url: "/odoo",
    steps: () => [
        ...openRectificationTask(),
        {
            trigger: '.o_form_view .o_statusbar_buttons button[name="action_start"]',
            run: "click",
        },
        {
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="doing"]',
        },
        {
            trigger: '.o_notebook a.nav-link[name="result"]',
            run: "click",
        },
        {
            trigger: '.o_form_view .o_field_widget[name="result"] textarea',
            run: "edit 已对2份案卷补充法制审核，并修订审核流程。",
        },
        {
            trigger: '.o_form_view .o_field_widget[name="evidence_note"] textarea',
            run: "edit 法制审核意见书2份、修订后的审核流程。",
        },
        {
            trigger: '.o_form_view .o_statusbar_buttons button[name="action_submit"]',
            run: "click",
        },
        {
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="submitted"]',
        },
    ],
});

// 3. The inspector (陈涛), outside the unit, verifies it.
registry.category("web_tour.tours").add("xingji_rectification_verify_tour", {
    url: "/odoo",
    steps: () => [
        ...openRectificationTask(),
        {
            trigger: '.o_form_view .o_statusbar_buttons button[name="action_verify"]',
            run: "click",
        },
        {
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="done"]',
        },
    ],
});
