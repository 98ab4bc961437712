# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "xingji_tour")
class TestLinkageUi(HttpCase):
    def test_unit_tour(self):
        """The demo configuration manager opens the app and a unit."""
        manager = self.env.ref("xingji_linkage.user_manager_demo")
        # start_tour logs in with password = login.
        manager.password = manager.login
        self.start_tour("/odoo", "xingji_unit_tour", login=manager.login)
