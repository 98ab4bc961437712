# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import ir_actions_report
from . import xingji_unit
from . import xingji_statistics_table
from . import xingji_statistics_line
from . import xingji_statistics_summary
