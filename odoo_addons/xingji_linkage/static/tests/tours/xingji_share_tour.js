import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// Access to a strictly gated item: a handler outside the owner unit finds it
// in the directory and asks; the head of the owner unit approves
// (tests/test_ui_share.py). The item is found by its title.
const ITEM = "询问笔录原件";

function openSharingMenu(xmlid) {
    return [
        ...stepUtils.goToAppSteps("xingji_linkage.xingji_menu_root", "Open the linkage app"),
        {
            content: "Open the Sharing menu",
            trigger: ".o_main_navbar [data-menu-xmlid='xingji_linkage.xingji_share_menu_root']",
            run: "click",
        },
        {
            content: "Choose the sub-menu",
            trigger: `.o-dropdown--menu [data-menu-xmlid='${xmlid}']`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("xingji_share_tour_request", {
    url: "/odoo",
    steps: () => [
        ...openSharingMenu("xingji_linkage.xingji_share_directory_menu"),
        {
            content: "Ask for access to the gated item",
            trigger: `.o_data_row:contains("${ITEM}") button[name=action_request_access]`,
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit 办理关联案件，需要查阅询问笔录。",
        },
        {
            content: "Send the request",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
        ...openSharingMenu("xingji_linkage.xingji_share_request_menu_mine"),
        {
            content: "The request waits for a decision",
            trigger: `.o_data_row:contains("${ITEM}") .badge:contains("待审批"), .o_data_row:contains("${ITEM}") .badge:contains("Pending")`,
        },
    ],
});

registry.category("web_tour.tours").add("xingji_share_tour_approve", {
    url: "/odoo",
    steps: () => [
        ...openSharingMenu("xingji_linkage.xingji_share_request_menu_to_approve"),
        {
            content: "Open the request",
            trigger: `.o_data_row:contains("${ITEM}") td.o_data_cell`,
            run: "click",
        },
        {
            content: "Approve",
            trigger: ".o_form_view button[name=action_open_approve]",
            run: "click",
        },
        {
            content: "Comment",
            trigger: ".modal .o_field_widget[name=comment] textarea",
            run: "edit 同意，限期查阅。",
        },
        { content: "Confirm", trigger: ".modal button[name=action_confirm]", run: "click" },
        {
            content: "The request is approved",
            trigger: '.o_statusbar_status button.o_arrow_button_current[data-value="approved"]',
        },
    ],
});

registry.category("web_tour.tours").add("xingji_share_tour_read", {
    url: "/odoo",
    steps: () => [
        ...openSharingMenu("xingji_linkage.xingji_share_menu"),
        {
            content: "The list shows the grade as a badge",
            trigger: `.o_data_row:contains("${ITEM}") .o_field_badge`,
        },
        {
            content: "Open the granted item",
            trigger: `.o_data_row:contains("${ITEM}") td.o_data_cell`,
            run: "click",
        },
        {
            content: "The strict-approval banner is shown",
            trigger: ".o_form_view .o_xingji_grade_banner.alert-danger",
        },
        {
            content: "Only where the paper is kept is recorded",
            trigger: ".o_form_view .o_field_widget[name=offline_location]",
        },
    ],
});
