from . import xingji_share_request_decision
from . import xingji_share_grade_wizard
