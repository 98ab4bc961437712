# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import report_xingji_statistics
from . import xingji_clue_report
