import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A referral crosses four desks; each leg is a tour run by its own user
// (tests/test_ui_clue.py). The clue is found by its reported person.
const PERSON = "旅测某";

function openClueSteps() {
    return [
        ...stepUtils.goToAppSteps("xingji_linkage.xingji_menu_root", "Open the linkage app"),
        {
            content: "Open the clue from the kanban",
            trigger: `.o_kanban_record:contains("${PERSON}")`,
            run: "click",
        },
        {
            content: "The referral form is open",
            trigger: ".o_form_view .o_field_widget[name=name]",
        },
    ];
}

function statusIs(state) {
    return {
        content: `State is ${state}`,
        trigger: `.o_statusbar_status button.o_arrow_button_current[data-value="${state}"]`,
    };
}

function decide(button, comment) {
    return [
        { content: `Click ${button}`, trigger: `.o_form_view button[name="${button}"]`, run: "click" },
        {
            content: "Write the comment",
            trigger: ".modal .o_field_widget[name=comment] textarea",
            run: `edit ${comment}`,
        },
        { content: "Confirm", trigger: ".modal button[name=action_confirm]", run: "click" },
    ];
}

registry.category("web_tour.tours").add("xingji_clue_tour_create", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("xingji_linkage.xingji_menu_root", "Open the linkage app"),
        { content: "New clue", trigger: ".o_control_panel .o-kanban-button-new", run: "click" },
        {
            content: "Clue source",
            trigger: ".o_field_widget[name=source] select",
            run: 'select "inspection"',
        },
        {
            content: "Nature",
            trigger: ".o_field_widget[name=nature] select",
            run: 'select "duty_violation"',
        },
        {
            content: "Add a reported person",
            trigger: ".o_field_widget[name=person_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Name of the reported person",
            trigger: ".o_field_widget[name=person_ids] .o_data_row .o_field_widget[name=name] input",
            run: `edit ${PERSON}`,
        },
        {
            content: "Main problem",
            trigger: ".o_field_widget[name=main_problem] textarea",
            run: "edit 检查中接受企业宴请，对发现的缺陷未予记录。",
        },
        {
            content: "The receiving body is computed",
            trigger: ".o_field_widget[name=receiving_unit_id] input:value(驻局纪检监察组)",
        },
        {
            content: "Confirm: no handling proposal",
            trigger: ".o_field_widget[name=no_proposal_confirmed] input",
            run: "click",
        },
        { content: "Save", trigger: ".o_form_button_save", run: "click" },
        // The submission is checked first, then confirmed in a dialog.
        { content: "Submit", trigger: ".o_form_view button[name=action_open_submit]", run: "click" },
        { content: "Confirm submission", trigger: ".modal button[name=action_confirm]", run: "click" },
        statusIs("review"),
    ],
});

registry.category("web_tour.tours").add("xingji_clue_tour_approve_head", {
    url: "/odoo",
    steps: () => [
        ...openClueSteps(),
        statusIs("review"),
        ...decide("action_open_approve", "情况属实，同意移送。"),
        statusIs("approval"),
    ],
});

registry.category("web_tour.tours").add("xingji_clue_tour_approve_leader", {
    url: "/odoo",
    steps: () => [
        ...openClueSteps(),
        statusIs("approval"),
        ...decide("action_open_approve", "同意移送驻局纪检监察组。"),
        statusIs("transferred"),
    ],
});

registry.category("web_tour.tours").add("xingji_clue_tour_forward", {
    url: "/odoo",
    steps: () => [
        ...openClueSteps(),
        statusIs("transferred"),
        { content: "Forward (转送)", trigger: ".o_form_view button[name=action_open_forward]", run: "click" },
        {
            content: "Document number (文号)",
            trigger: ".modal .o_field_widget[name=forward_number] input",
            run: "edit 示纪〔2026〕9号",
        },
        { content: "Confirm", trigger: ".modal button[name=action_confirm]", run: "click" },
        {
            content: "The forwarding is on record",
            trigger: '.o_form_view .o_field_widget[name=forward_number]:contains("示纪〔2026〕9号")',
        },
    ],
});

registry.category("web_tour.tours").add("xingji_clue_tour_receive", {
    url: "/odoo",
    steps: () => [
        ...openClueSteps(),
        statusIs("transferred"),
        { content: "Accept", trigger: ".o_form_view button[name=action_accept]", run: "click" },
        statusIs("accepted"),
        // The Feed Back button opens the disposal and result in a dialog.
        { content: "Feed back", trigger: ".o_form_view button.o_xingji_feedback", run: "click" },
        {
            content: "Disposal",
            trigger: ".modal .o_field_widget[name=disposal] select",
            run: 'select "talk_inquiry"',
        },
        {
            content: "Result",
            trigger: ".modal .o_field_widget[name=result] textarea",
            run: "edit 经谈话函询，予以批评教育。",
        },
        { content: "Confirm", trigger: ".modal button[name=action_feedback]", run: "click" },
        statusIs("fed_back"),
    ],
});

registry.category("web_tour.tours").add("xingji_clue_tour_result", {
    url: "/odoo",
    steps: () => [
        ...openClueSteps(),
        statusIs("fed_back"),
        { content: "Disposal tab", trigger: '.o_notebook a[name="disposal"]', run: "click" },
        {
            content: "The source unit reads the result",
            trigger: '.o_field_widget[name=result]:contains("批评教育")',
        },
    ],
});
