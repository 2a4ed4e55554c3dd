"""The anchors and published figures the demo dataset is built to reproduce.

Everything here is a fixed fact of the demo, not a knob: the default seed, the demo's
"today", the day of the 2022-01-04 group start, the named showcase projects, and the
district's published 2021/2022 figures that ``verify`` re-derives from the generated
records. Public: re-exported by the package.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

DEFAULT_SEED = 20220331
DEMO_AS_OF = dt.date(2022, 3, 31)
"""The demo's "today": no record is dated later. Stored in ``app_meta`` as ``demo_as_of``."""
META_AS_OF = "demo_as_of"
META_SEED = "demo_seed"
GROUP_START_DAY = dt.date(2022, 1, 4)

# The figures the dataset reproduces (万元 unless a count).
SIGNED_2021_COUNT = 90
SIGNED_2021_INVESTMENT_WAN = Decimal(2844800)
FUNDS_2021_WAN = Decimal(626200)
PERFORMING_2021 = 66
STARTED_2021 = 64
OPERATING_2021 = 30
KEY_2021_COUNT = 107
KEY_2021_PLANNED_WAN = Decimal(2800000)
KEY_2021_COMPLETED_WAN = Decimal(2856000)
KEY_2021_OPERATING = 40
KEY_2022_COUNT = 112
KEY_2022_NEW_STARTS = 48
KEY_2022_STARTED_Q1 = 28
KEY_2022_CONTINUING = 36
KEY_2022_PLANNED_WAN = Decimal(2872900)
KEY_2022_Q1_COMPLETED_WAN = Decimal(678000)
GROUP_START_COUNT = 18
GROUP_START_INVESTMENT_WAN = Decimal(798000)

SANJIA_PROJECT_NAME = "许昌汽车零部件产业园三佳1000万套万向节总成项目"
SANJIA_COMPANY_NAME = "南京三佳精密传动科技有限公司"
PARTY_SCHOOL_PROJECT_NAME = "市委党校新校区"
