from . import xingji_inspection_draw_wizard
from . import xingji_clue_decision_wizard
