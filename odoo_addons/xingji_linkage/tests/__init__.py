from . import test_security_matrix
from . import test_unit
from . import test_holiday
from . import test_access_log
from . import test_ui
from . import test_share
from . import test_share_request
from . import test_share_report
