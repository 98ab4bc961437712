# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import ir_actions_report
from . import xingji_statistics_table
