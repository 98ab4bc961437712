# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "xingji_tour")
class TestReportsUi(HttpCase):
    def test_reports_tour(self):
        """The demo bureau leader opens the referral analysis pivot and the
        quarterly statistics wizard."""
        leader = self.env.ref("xingji_linkage.user_leader_demo")
        # start_tour logs in with password = login.
        leader.password = leader.login
        self.start_tour("/odoo", "xingji_reports_tour", login=leader.login)
