from . import xingji_inspection_draw_wizard
from . import xingji_clue_decision_wizard
from . import xingji_share_request_decision
from . import xingji_share_grade_wizard
from . import xingji_unit_liaison_wizard
