# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_report_infra
from . import test_statistics
from . import test_rect_reports
from . import test_clue_reports
from . import test_statistics_clues
from . import test_clue_analysis
from . import test_ui_reports
from . import test_attack_reports
from . import test_statistics_chain
from . import test_clue_reports_route
