from . import xingji_inspection_draw_wizard
