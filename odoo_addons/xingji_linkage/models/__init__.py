from . import xingji_unit
from . import xingji_violation_type
from . import xingji_holiday
from . import xingji_access_log
from . import xingji_access_grant
from . import xingji_confidential_mixin
from . import res_users
from . import ir_binary
