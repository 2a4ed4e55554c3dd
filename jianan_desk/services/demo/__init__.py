"""A deterministic demo dataset that reproduces the district's published figures.

``generate_demo_data`` fills an empty (migrated and seeded) database with a few hundred
fictional projects and the companies, people, trips, visits, task forces, weekly meetings
and problems around them, dated from 2019 up to the demo's "today", ``DEMO_AS_OF``
(2022-03-31, the date of the district's own account). The same seed always gives the same
names, amounts and dates; only the UUID keys differ between runs. Its figures:

- 2021 招商引资 (as of 2021-12-31): 90 projects signed, 284.48 亿元, funds in place
  62.62 亿元, 66 performing, 64 started, 30 operating;
- 2021 key-project plan: 107 projects, planned 280 亿元, completed 285.6 亿元 (102 %),
  40 of them into production in 2021;
- 2022 key-project plan: 112 projects (48 new starts, 28 of them started in Q1; 36
  continuing; 28 preparatory 前期), ≥ 20 of ≥ 10 亿元, planned 287.29 亿元, 67.8 亿元
  completed in Q1 (23.6 %);
- the one-day group start of 2022-01-04: 18 projects, 79.8 亿元, including the 三佳
  万向节 project (5 亿元, 95 亩, 50 lines).

Every company and person in it is fictional. Amounts are exact ``Decimal`` 万元.

The package, one job per module (each build step is a function taking the shared
``state.Workspace``; ``generate`` runs them in a fixed order, since they all draw from one
seeded ``random.Random`` and reordering them would change the data):

- ``figures``: the seed, the demo's "today" and the published figures to reproduce;
- ``errors``: ``DemoDataError`` (the database cannot take the data) and ``InternalError``;
- ``vocab``, ``district``, ``problem_texts``: the fixed word and programme tables;
- ``amounts``: exact ``Decimal`` drawing, rounding and splitting of 万元 amounts;
- ``timeline``: stage dates and the stage history they make;
- ``records``, ``reference``, ``state``: the working records, the database's reference
  data, and the workspace the steps share;
- build steps: ``people``, ``attraction``, ``key_projects``, ``totals``, ``trips``,
  ``companies``, ``attributes``, ``investment``, ``task_forces``, ``funds``, ``problems``;
- ``verify`` re-derives the figures; ``write`` inserts the rows and returns ``DemoSummary``;
- ``generate``: ``generate_demo_data``, the entry point.
"""

from jianan_desk.services.demo.errors import DemoDataError
from jianan_desk.services.demo.figures import (
    DEFAULT_SEED,
    DEMO_AS_OF,
    FUNDS_2021_WAN,
    GROUP_START_COUNT,
    GROUP_START_DAY,
    GROUP_START_INVESTMENT_WAN,
    KEY_2021_COMPLETED_WAN,
    KEY_2021_COUNT,
    KEY_2021_OPERATING,
    KEY_2021_PLANNED_WAN,
    KEY_2022_CONTINUING,
    KEY_2022_COUNT,
    KEY_2022_NEW_STARTS,
    KEY_2022_PLANNED_WAN,
    KEY_2022_Q1_COMPLETED_WAN,
    KEY_2022_STARTED_Q1,
    META_AS_OF,
    META_SEED,
    OPERATING_2021,
    PARTY_SCHOOL_PROJECT_NAME,
    PERFORMING_2021,
    SANJIA_COMPANY_NAME,
    SANJIA_PROJECT_NAME,
    SIGNED_2021_COUNT,
    SIGNED_2021_INVESTMENT_WAN,
    STARTED_2021,
)
from jianan_desk.services.demo.generate import generate_demo_data
from jianan_desk.services.demo.write import DemoSummary

__all__ = [
    "DEFAULT_SEED",
    "DEMO_AS_OF",
    "FUNDS_2021_WAN",
    "GROUP_START_COUNT",
    "GROUP_START_DAY",
    "GROUP_START_INVESTMENT_WAN",
    "KEY_2021_COMPLETED_WAN",
    "KEY_2021_COUNT",
    "KEY_2021_OPERATING",
    "KEY_2021_PLANNED_WAN",
    "KEY_2022_CONTINUING",
    "KEY_2022_COUNT",
    "KEY_2022_NEW_STARTS",
    "KEY_2022_PLANNED_WAN",
    "KEY_2022_Q1_COMPLETED_WAN",
    "KEY_2022_STARTED_Q1",
    "META_AS_OF",
    "META_SEED",
    "OPERATING_2021",
    "PARTY_SCHOOL_PROJECT_NAME",
    "PERFORMING_2021",
    "SANJIA_COMPANY_NAME",
    "SANJIA_PROJECT_NAME",
    "SIGNED_2021_COUNT",
    "SIGNED_2021_INVESTMENT_WAN",
    "STARTED_2021",
    "DemoDataError",
    "DemoSummary",
    "generate_demo_data",
]
