import { registry } from "@web/core/registry";

// The liaison's quarter (seed 000 §四(一)): prepare → off-system row →
// submit; 局机关纪委 receives it and reports the summary; the leader in
// charge acknowledges it.  Each tour runs as one user on a record the test
// opened for him.
const tours = registry.category("web_tour.tours");

tours.add("xingji_statistics_liaison_tour", {
    steps: () => [
        {
            content: "The liaison's draft table lists the clue of his unit",
            trigger: '.o_field_widget[name="clue_count"]:contains("1")',
        },
        {
            trigger: '.o_notebook a[name="rows"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="line_ids"] .o_field_x2many_list_row_add a',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="line_ids"] .o_data_row .o_field_widget[name="persons_text"] input',
            run: "edit 赵某（县局执法人员）",
        },
        {
            trigger: '.o_field_widget[name="line_ids"] .o_data_row .o_field_widget[name="problem"] textarea',
            run: "edit 线下移送的线索",
        },
        {
            trigger: '.o_field_widget[name="line_ids"] .o_data_row .o_field_widget[name="receiving_unit_name"] input',
            run: "edit 县纪委监委",
        },
        {
            content: "Submitting saves the typed row first",
            trigger: 'button[name="action_submit"]',
            run: "click",
        },
        {
            content: "Confirm the submission",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Submitted: the rows are frozen",
            trigger: '.o_field_widget[name="submitted_by_id"]:contains("Test liaison")',
        },
    ],
});

tours.add("xingji_statistics_receive_tour", {
    steps: () => [
        {
            trigger: 'button[name="action_receive"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="received_by_id"]:contains("Test discipline")',
        },
    ],
});

tours.add("xingji_statistics_summary_tour", {
    steps: () => [
        {
            trigger: 'button[name="action_report"]',
            run: "click",
        },
        {
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="prepared_by_id"]:contains("Test discipline")',
        },
        {
            content: "The unit's frozen and off-system rows are counted",
            trigger: '.o_field_widget[name="line_ids"] .o_data_row:contains("测试执法处")',
        },
    ],
});

tours.add("xingji_statistics_acknowledge_tour", {
    steps: () => [
        {
            trigger: 'button[name="action_acknowledge"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="acknowledged_by_id"]:contains("Test leader")',
        },
    ],
});
