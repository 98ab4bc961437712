from . import xingji_clue_decision_wizard
