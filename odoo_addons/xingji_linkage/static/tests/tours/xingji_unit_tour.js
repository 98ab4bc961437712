import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// A configuration manager opens the app and a unit form.
registry.category("web_tour.tours").add("xingji_unit_tour", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("xingji_linkage.xingji_menu_root", "Open the linkage app"),
        {
            trigger: '.o_menu_sections [data-menu-xmlid="xingji_linkage.xingji_menu_config"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="xingji_linkage.xingji_unit_menu"]',
            run: "click",
        },
        {
            trigger: '.o_list_view .o_data_row td[name="complete_name"]:contains("药品生产监管处")',
            run: "click",
        },
        {
            trigger: '.o_form_view .o_field_widget[name="code"] input',
            run: function () {
                const code = document.querySelector('.o_field_widget[name="code"] input').value;
                if (code !== "SCC") {
                    throw new Error(`Expected unit code SCC, got ${code}`);
                }
            },
        },
        {
            trigger: '.o_form_view .o_field_widget[name="manager_id"] input',
            run: function () {
                const head = document.querySelector('.o_field_widget[name="manager_id"] input').value;
                if (head !== "李强") {
                    throw new Error(`Expected head 李强, got ${head}`);
                }
            },
        },
    ],
});
