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
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from jianan_desk.domain.stages import Stage, StageEventData, current_stage, validate_history
from jianan_desk.store.models import (
    AppMeta,
    Company,
    Contact,
    FundsInPlace,
    IndustryNode,
    KeyProjectPlan,
    MonthlyInvestment,
    PlanField,
    Problem,
    Project,
    ProjectStageEvent,
    StaffUser,
    TaskForce,
    TaskForceUnit,
    Trip,
    TripMember,
    Unit,
    Visit,
    WeeklyMeeting,
)
from jianan_desk.store.types import new_id

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


class DemoDataError(ValueError):
    """The demo dataset cannot be written into this database (message in Chinese)."""


class _InternalError(RuntimeError):
    """A bug in the generator: a constraint it promises could not be met."""


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind ``generate_demo_data`` wrote."""

    projects: int
    stage_events: int
    companies: int
    contacts: int
    staff_users: int
    trips: int
    trip_members: int
    visits: int
    funds_records: int
    key_plans: int
    monthly_investments: int
    task_forces: int
    weekly_meetings: int
    problems: int


# ---------------------------------------------------------------- fixed vocabularies

INDUSTRIES = ("hair", "auto", "biomed", "food", "electronic", "environment")
INDUSTRY_WEIGHTS = (0.2, 0.25, 0.1, 0.17, 0.15, 0.13)

SERVICE_LINKS = ("hair.ecommerce", "food.coldchain", "electronic.software", "environment.services")
AGRICULTURE_LINKS = ("food.raw",)

# Project name templates per chain link: "link | template | choices for {n}".
_LINK_TEMPLATE_TABLE = """
hair.fiber | 年产{n}吨耐高温纤维发丝项目 | 3000 5000 8000 10000
hair.fiber | 高端仿真发丝纤维生产线项目 |
hair.fiber | 年产{n}吨改性发用纤维项目 | 2000 5000 6000
hair.strand | 年产{n}万条发条加工项目 | 500 800 1000 2000
hair.strand | 发条智能化加工车间建设项目 |
hair.wig | 年产{n}万顶假发头套项目 | 100 200 300 500
hair.wig | 高档真人发制品生产基地项目 |
hair.wig | 年产{n}万件发制品及饰品项目 | 300 500 1000
hair.ecommerce | 发制品跨境电商运营中心项目 |
hair.ecommerce | 发制品品牌营销及直播电商基地项目 |
hair.ecommerce | 发制品海外仓及供应链服务中心项目 |
auto.materials | 年产{n}万吨汽车用精密锻件项目 | 3 5 8 10
auto.materials | 汽车零部件精密铸造项目 |
auto.materials | 年产{n}万吨特种钢材深加工项目 | 10 20 30
auto.driveline | 年产{n}万套汽车传动轴项目 | 100 200 300 500
auto.driveline | 年产{n}万套万向节总成项目 | 200 300 500
auto.driveline | 等速驱动轴智能制造项目 |
auto.driveline | 年产{n}万套汽车差速器及齿轮项目 | 50 100 150
auto.electronics | 汽车电子控制单元生产项目 |
auto.electronics | 年产{n}万套新能源汽车线束项目 | 50 100 200
auto.electronics | 车载传感器及智能座舱电子项目 |
auto.equipment | 智能装备制造产业园项目 |
auto.equipment | 年产{n}台（套）新能源专用车配套装备项目 | 2000 5000 10000
auto.equipment | 工业机器人及自动化生产线项目 |
biomed.api | 年产{n}吨医药中间体项目 | 200 500 1000
biomed.api | 原料药绿色合成技术改造项目 |
biomed.drugs | 中成药现代化生产基地项目 |
biomed.drugs | 年产{n}亿片（粒）固体制剂项目 | 5 10 20
biomed.drugs | 化学制剂GMP生产线建设项目 |
biomed.devices | 医用耗材及医疗器械生产项目 |
biomed.devices | 年产{n}万件医用防护用品项目 | 500 1000 3000
biomed.devices | 体外诊断试剂及设备生产项目 |
food.raw | 优质小麦订单种植及收储项目 |
food.raw | 年产{n}万吨蔬菜净菜加工基地项目 | 2 5 10
food.raw | 特色农产品种植加工一体化项目 |
food.processing | 年产{n}万吨休闲食品项目 | 3 5 10
food.processing | 中央厨房及预制菜生产项目 |
food.processing | 年产{n}万吨速冻食品项目 | 5 8 10
food.processing | 腐竹及豆制品深加工项目 |
food.packaging | 年产{n}亿只食品包装容器项目 | 5 10 20
food.packaging | 环保纸塑包装材料项目 |
food.packaging | 年产{n}万吨食品级包装膜项目 | 1 2 3
food.coldchain | 冷链物流仓储中心项目 |
food.coldchain | 农产品冷链集配中心项目 |
food.coldchain | 年吞吐{n}万吨冷链物流园项目 | 20 30 50
electronic.components | 年产{n}亿只片式电子元器件项目 | 10 30 50
electronic.components | 精密电子元器件生产项目 |
electronic.components | 年产{n}万平方米柔性线路板项目 | 50 100 200
electronic.servers | 服务器整机制造项目 |
electronic.servers | 年产{n}万台智能终端产品项目 | 50 100 300
electronic.servers | 国产化计算机整机生产项目 |
electronic.software | 软件开发及数据服务中心项目 |
electronic.software | 工业互联网平台建设项目 |
electronic.software | 智慧园区运营服务中心项目 |
environment.materials | 环保滤料及核心部件生产项目 |
environment.materials | 年产{n}万吨水处理药剂项目 | 2 5 10
environment.materials | 除尘器核心部件项目 |
environment.equipment | 年产{n}台（套）环保除尘设备项目 | 500 1000 2000
environment.equipment | 污水处理成套设备制造项目 |
environment.equipment | 固废处理装备生产项目 |
environment.services | 再生资源回收利用项目 |
environment.services | 工业固废综合利用项目 |
environment.services | 环保工程技术服务中心项目 |
"""


def _table(text: str) -> list[list[str]]:
    """Rows of a "a | b | c" text table, cells stripped."""
    return [[c.strip() for c in line.split("|")] for line in text.strip().splitlines()]


LINK_TEMPLATES: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
for _link, _template, _choices in _table(_LINK_TEMPLATE_TABLE):
    LINK_TEMPLATES.setdefault(_link, []).append(
        (_template, tuple(int(n) for n in _choices.split()))
    )

# What a company on a chain link calls itself: "link | word/short word/short …", where the
# short form follows the brand in project names (华拓 + 传动 → 华拓传动年产…项目).
_LINK_WORD_TABLE = """
hair.fiber | 新材料/新材 化纤/化纤 纤维科技/纤维
hair.strand | 发制品/发品 发业/发业
hair.wig | 发制品/发品 时尚发品/发品 假发制品/假发
hair.ecommerce | 电子商务/电商 跨境贸易/跨境 网络科技/网络
auto.materials | 锻造/锻造 精密铸造/铸造 特钢/特钢
auto.driveline | 传动科技/传动 汽车零部件/汽配 精工机械/精工
auto.electronics | 汽车电子/电子 电装/电装 智能科技/智能
auto.equipment | 智能装备/装备 重工机械/重工 自动化设备/自动化
biomed.api | 医药化工/医药 生物科技/生物 化学/化学
biomed.drugs | 制药/制药 药业/药业 生物医药/医药
biomed.devices | 医疗器械/医疗 医疗科技/医疗 医药物流/医药
food.raw | 农业科技/农业 农业发展/农业 粮油/粮油
food.processing | 食品/食品 食品科技/食品 食品工业/食品
food.packaging | 包装材料/包装 包装科技/包装 塑业/塑业
food.coldchain | 冷链物流/冷链 供应链管理/供应链 物流/物流
electronic.components | 精密电子/电子 电子科技/电子 微电子/微电子
electronic.servers | 计算机/计算机 智能科技/智能 信息技术/信息
electronic.software | 软件/软件 信息技术/信息 数据科技/数据
environment.materials | 环保材料/环保 新材料/新材 环保科技/环保
environment.equipment | 环保设备/环保 环境工程/环境 节能环保/节能
environment.services | 环境服务/环境 再生资源/再生 环保科技/环保
"""
LINK_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    link: tuple((w.split("/")[0], w.split("/")[1]) for w in words.split())
    for link, words in _table(_LINK_WORD_TABLE)
}

# city → (province, admin division code for the USCC, name prefix)
CITIES: dict[str, tuple[str, str, str]] = {
    "深圳": ("广东", "440300", "深圳市"),
    "东莞": ("广东", "441900", "东莞市"),
    "佛山": ("广东", "440600", "佛山市"),
    "广州": ("广东", "440100", "广州市"),
    "杭州": ("浙江", "330100", "杭州"),
    "宁波": ("浙江", "330200", "宁波"),
    "南京": ("江苏", "320100", "南京"),
    "苏州": ("江苏", "320500", "苏州"),
    "无锡": ("江苏", "320200", "无锡"),
    "常州": ("江苏", "320400", "常州"),
    "宜兴": ("江苏", "320282", "宜兴"),
    "上海": ("上海", "310115", "上海"),
    "北京": ("北京", "110108", "北京"),
    "郑州": ("河南", "410100", "郑州"),
    "漯河": ("河南", "411100", "漯河"),
    "青岛": ("山东", "370200", "青岛"),
    "十堰": ("湖北", "420300", "十堰"),
    "许昌": ("河南", "411003", "许昌"),
}

INDUSTRY_CITIES: dict[str, tuple[str, ...]] = {
    "hair": ("广州", "青岛", "郑州", "杭州", "深圳"),
    "auto": ("南京", "宁波", "苏州", "佛山", "郑州", "常州", "十堰"),
    "biomed": ("杭州", "南京", "上海", "郑州", "北京", "苏州"),
    "food": ("郑州", "佛山", "广州", "上海", "漯河"),
    "electronic": ("深圳", "东莞", "苏州", "上海", "北京", "杭州"),
    "environment": ("佛山", "无锡", "宜兴", "杭州", "北京"),
}

FOREIGN = (
    ("香港", "香港特别行政区", "香港{b}国际投资有限公司"),
    ("新加坡", "新加坡", "新加坡{b}控股私人有限公司"),
    ("首尔", "韩国", "韩国{b}精密株式会社"),
)

INDUSTRY_LOCATIONS: dict[str, tuple[str, ...]] = {
    "hair": ("尚集产业集聚区", "尚集产业集聚区", "灵井镇", "尚集镇"),
    "auto": ("许昌汽车零部件产业园", "许昌汽车零部件产业园", "尚集产业集聚区", "张潘镇"),
    "biomed": ("尚集产业集聚区", "尚集产业集聚区", "苏桥镇"),
    "food": ("食品包装产业园", "食品包装产业园", "尚集产业集聚区", "椹涧乡", "陈曹乡"),
    "electronic": ("电子信息产业园", "电子信息产业园", "尚集产业集聚区"),
    "environment": ("尚集产业集聚区", "将官池镇", "蒋李集镇"),
}
SCALES = ("规上企业", "高新技术企业", "专精特新企业", "中小企业", "上市公司")
PARKS = ("尚集产业集聚区", "许昌汽车零部件产业园", "电子信息产业园", "食品包装产业园")
RURAL_LOCATIONS = ("椹涧乡", "陈曹乡", "桂村乡", "河街乡", "小召乡", "蒋李集镇")
SERVICE_LOCATIONS = ("新元街道", "尚集产业集聚区", "五女店镇")

BRAND_A = "华鑫宏泰盛源博创联嘉锦德丰瀚润祥隆信汇腾卓天金永元佳凯晟昊睿铭"
BRAND_B = "拓科兴通宇辰航安邦远力成威诚泽越驰星辉扬锐昌弘峰晨"
# Brands of well-known companies, never to be made up.
BRAND_AVOID = frozenset(
    {
        "华通",
        "永安",
        "天成",
        "金龙",
        "宏远",
        "德力",
        "信达",
        "天安",
        "联通",
        "博通",
        "金星",
        "华星",
        "华安",
        "盛泰",
        "天通",
        "华成",
        "德邦",
        "金达",
        "永达",
        "天辰",
        "华辰",
        "创维",
        "宏达",
        "联创",
        "汇通",
        "瑞星",
        "天科",
        "金科",
        "隆力",
        "华宇",
        "润泽",
        "华锐",
        "宇通",
    }
)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾田董袁潘蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力志宏斌鹏浩凯晓峰亮"
    "飞彬鑫宇欣怡佳琳婷雪梅林国庆海东波春燕丹玲振新利民永兵立群洪家君"
)

CONTACT_TITLES = (
    "董事长",
    "总经理",
    "副总经理",
    "投资发展部经理",
    "董事会秘书",
    "行政总监",
    "项目总监",
)

# District leaders (区级领导), bureau chiefs and staff: all fictional.
LEADERS = (
    ("周立新", "区委副书记、区长"),
    ("李文博", "区委常委、常务副区长"),
    ("陈卫东", "区委常委、副区长"),
    ("赵红梅", "副区长"),
    ("孙志刚", "副区长"),
    ("刘海涛", "区委常委、组织部部长"),
    ("郑晓峰", "区人大常委会副主任"),
    ("王慧敏", "副区长"),
    ("杨振华", "区政协副主席"),
    ("冯国强", "区委常委、宣传部部长"),
    ("胡明亮", "区人大常委会副主任"),
    ("宋建平", "区政协副主席"),
)
CHIEFS = (("高志远", "区投资促进中心主任"), ("韩雪", "区投资促进中心副主任"))
STAFF = (
    "许晨阳",
    "马丽娜",
    "牛向前",
    "党文静",
    "魏子涵",
    "付建勋",
    "田晓雨",
    "吕博",
    "侯佳琪",
    "蔡明轩",
)

SIGNING_DAYS = (
    dt.date(2020, 3, 27),
    dt.date(2020, 6, 29),
    dt.date(2020, 9, 28),
    dt.date(2020, 12, 28),
    dt.date(2021, 3, 26),
    dt.date(2021, 6, 28),
    dt.date(2021, 9, 27),
    dt.date(2021, 12, 28),
    dt.date(2022, 3, 18),
)

DROP_REASONS = (
    "企业投资战略调整，暂缓在中部地区布局",
    "用地需求超出园区可供土地规模，双方未达成一致",
    "项目能耗指标不符合园区准入要求",
    "外方总部战略调整，项目暂停",
    "企业要求的土地价格优惠超出政策范围",
    "企业最终选择在其他地区落地",
    "企业资金链紧张，无力推进项目",
    "项目环评要求不符合产业园区规划",
)

LEAD_SOURCES = (
    "以商招商：本地企业推荐",
    "驻外招商联络处推荐",
    "网上招商平台获取",
    "商协会推荐",
    "产业链招商图谱梳理",
)

# Key projects that are not one company's plant: (name, field, link, lo, hi, unit, owner).
# unit None: a township (also the location); "{town}" in the name is that township.
GOV_CITY = "许昌市建安区城乡建设投资集团有限公司"
GOV_WATER = "许昌市建安区水利投资建设有限公司"
GOV_INDUSTRY = "许昌市建安区产业投资发展有限公司"
GOV_SOCIAL = "许昌市建安区社会事业发展投资有限公司"
PARTY_SCHOOL_OWNER = "中共许昌市委党校"

Blueprint = tuple[str, str, str | None, int, int, str | None, str]
_OWNERS = {"city": GOV_CITY, "water": GOV_WATER, "industry": GOV_INDUSTRY, "social": GOV_SOCIAL}
# name | 5122 field | chain link | 万元 from | to | unit ("-": the township) | owner
_BLUEPRINT_TABLE = """
建安区第二高级中学新校区建设项目 | social | - | 60000 | 90000 | 区教育局 | social
潩水路小学建设项目 | social | - | 12000 | 18000 | 区教育局 | social
建安区人民医院门急诊医技综合楼项目 | social | - | 30000 | 60000 | - | social
建安区中医院康复医养中心项目 | social | - | 15000 | 30000 | - | social
建安区妇幼保健院迁建项目 | social | - | 20000 | 35000 | - | social
建安区职业教育中心实训基地项目 | social | - | 10000 | 20000 | 区教育局 | social
建安区养老服务中心项目 | social | - | 8000 | 15000 | - | social
建安区全民健身中心项目 | social | - | 12000 | 25000 | - | social
建安区疾病预防控制中心业务楼项目 | social | - | 6000 | 12000 | - | social
建安区第三初级中学扩建项目 | social | - | 8000 | 14000 | 区教育局 | social
建安区公共卫生应急医疗救治中心项目 | social | - | 20000 | 40000 | - | social
建安区文化中心（图书馆、文化馆）项目 | social | - | 15000 | 30000 | - | social
{town}中心幼儿园建设项目 | social | - | 2000 | 5000 | - | social
{town}卫生院改扩建项目 | social | - | 2000 | 6000 | - | social
{town}城中村改造项目 | urbanization | - | 60000 | 250000 | - | city
{town}安置区建设项目 | urbanization | - | 40000 | 150000 | - | city
建安区老旧小区改造项目 | urbanization | - | 15000 | 40000 | 区住房和城乡建设局 | city
建安大道东延工程 | urbanization | - | 30000 | 60000 | 区住房和城乡建设局 | city
兴业路、创业大道等市政道路建设工程 | urbanization | - | 20000 | 50000 | 区住房和城乡建设局 | city
建安区城乡供水一体化项目 | urbanization | - | 30000 | 80000 | - | city
建安区集中供热管网延伸工程 | urbanization | - | 10000 | 30000 | - | city
{town}集镇基础设施提升项目 | urbanization | - | 5000 | 15000 | - | city
建安区新型城镇化综合开发项目 | urbanization | - | 100000 | 300000 | - | city
建安区城市更新片区开发项目 | urbanization | - | 100000 | 400000 | 新元街道 | city
建安区智慧城市建设项目 | urbanization | electronic.software | 20000 | 50000 | - | city
建安区5G基站及新型基础设施建设项目 | urbanization | electronic.servers | 10000 | 30000 | - | city
建安区污水处理厂提标改造及扩建项目 | urbanization | environment.services | 15000 | 40000 | - | \
    city
{town}高标准农田建设项目 | agriculture | food.raw | 3000 | 8000 | - | water
建安区现代农业产业园项目 | agriculture | food.raw | 20000 | 60000 | - | water
清潩河建安段生态治理工程 | agriculture | environment.services | 20000 | 50000 | - | water
建安区灌区续建配套与节水改造项目 | agriculture | - | 8000 | 20000 | - | water
小洪河综合治理工程 | agriculture | - | 10000 | 25000 | - | water
建安区农村供水保障工程 | agriculture | - | 8000 | 20000 | - | water
建安多式联运物流港项目 | services | - | 150000 | 400000 | 尚集产业集聚区 | industry
建安区跨境电商产业园项目 | services | hair.ecommerce | 30000 | 80000 | 新元街道 | industry
建安区数字经济产业园项目 | services | electronic.software | 50000 | 150000 | 电子信息产业园 | \
    industry
{town}商贸物流园项目 | services | - | 20000 | 60000 | - | industry
建安区冷链物流产业园项目 | services | food.coldchain | 40000 | 120000 | 食品包装产业园 | industry
建安区文化旅游综合体项目 | services | - | 50000 | 150000 | - | industry
建安区汽车后市场综合服务中心项目 | services | auto.equipment | 20000 | 50000 | \
    许昌汽车零部件产业园 | industry
建安区医药物流配送中心项目 | services | biomed.devices | 15000 | 30000 | 尚集产业集聚区 | industry
许昌汽车零部件产业园标准化厂房（三期）项目 | manufacturing | auto.equipment | 50000 | 120000 | \
    许昌汽车零部件产业园 | industry
食品包装产业园二期项目 | manufacturing | food.packaging | 80000 | 200000 | 食品包装产业园 | \
    industry
电子信息产业园一期项目 | manufacturing | electronic.components | 100000 | 300000 | \
    电子信息产业园 | industry
生物医药产业园标准化厂房项目 | manufacturing | biomed.drugs | 40000 | 100000 | 尚集产业集聚区 | \
    industry
环保装备产业园项目 | manufacturing | environment.equipment | 50000 | 150000 | 尚集产业集聚区 | \
    industry
发制品产业园智能化改造提升项目 | manufacturing | hair.wig | 30000 | 80000 | 尚集产业集聚区 | \
    industry
"""
BLUEPRINTS: tuple[Blueprint, ...] = tuple(
    (name, field_code, None if link == "-" else link, int(lo), int(hi),
     None if unit == "-" else unit, _OWNERS[owner])
    for name, field_code, link, lo, hi, unit, owner in _table(_BLUEPRINT_TABLE)
)  # fmt: skip

GOV_CONTENT: dict[str, str] = {
    "social": "新建教学（业务）用房、综合楼及配套设施，总建筑面积约{area}万平方米。",
    "urbanization": "实施征迁安置、道路管网及公共配套设施建设，总建筑面积约{area}万平方米。",
    "agriculture": "实施土地整治、灌排渠系、田间道路及生态修复工程。",
    "services": "建设仓储、交易、办公及配套服务设施，总建筑面积约{area}万平方米。",
    "manufacturing": "建设标准化厂房及研发、仓储、配套用房，总建筑面积约{area}万平方米。",
}

PROBLEM_TEXTS: dict[str, tuple[str, ...]] = {
    "approval": (
        "{p}环评批复办理进度慢，需协调上级生态环境部门加快审批",
        "{p}施工许可证办理缺少规划许可前置要件",
        "{p}可研报告批复未完成，影响项目开工",
        "{p}节能审查意见尚未取得",
    ),
    "land": (
        "{p}用地{m}亩土地组卷报批未完成",
        "{p}用地指标缺口{m}亩，需申请市级统筹",
        "{p}土地挂牌出让手续待办理",
        "{p}用地范围内{m}亩地块需调整规划",
    ),
    "demolition": (
        "{p}红线范围内{h}户房屋征收未完成",
        "{p}用地范围内坟墓迁移及地面附着物清表未完成",
        "{p}用地内高压线路迁改需协调供电公司",
    ),
    "funding": (
        "{p}专项债券资金{a}万元待拨付",
        "{p}企业流动资金紧张，需协调银行贷款{a}万元",
        "{p}配套资金{a}万元未落实",
    ),
    "tendering": (
        "{p}EPC总承包招标文件待审核",
        "{p}监理招标流标，需重新组织招标",
        "{p}施工图审查进度慢",
    ),
    "factors": (
        "{p}施工临时用电需协调供电部门接入",
        "{p}天然气管道接入需协调燃气公司",
        "{p}缺少技术工人约{w}人，需人社部门协助招聘",
        "{p}进场道路未打通",
    ),
    "other": (
        "{p}周边群众反映施工噪音问题",
        "{p}消防验收需协调相关部门提前介入",
        "{p}建设进度滞后于计划，需倒排工期",
    ),
}
# 万人助企: (category, text, units that handle it).
ENTERPRISE_TEXTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("factors", "{c}反映用工缺口约{w}人，申请协助招聘", ("区工业和信息化局", "区投资促进中心")),
    ("factors", "{c}反映电力增容申请待审批", ("区工业和信息化局",)),
    ("factors", "{c}反映厂区周边道路破损影响物流运输", ("区住房和城乡建设局",)),
    ("funding", "{c}申请协调知识产权质押融资{a}万元", ("区市场监督管理局", "区财政局")),
    ("funding", "{c}申请协调银行续贷{a}万元", ("区财政局",)),
    ("approval", "{c}申请办理出口退税进度慢", ("区商务局",)),
    ("approval", "{c}申请高新技术企业认定指导", ("区工业和信息化局",)),
    ("approval", "{c}申请办理排污许可证变更", ("区生态环境分局",)),
    ("other", "{c}申请协调员工子女入学", ("区教育局",)),
    ("other", "{c}反映天然气价格上涨，申请协调供气", ("区发展和改革委员会",)),
)
PROBLEM_UNITS: dict[str, tuple[str, ...]] = {
    "approval": ("区发展和改革委员会", "区生态环境分局", "区住房和城乡建设局"),
    "land": ("区自然资源局",),
    "demolition": (),  # the project's own township or park
    "funding": ("区财政局", "区发展和改革委员会"),
    "tendering": ("区住房和城乡建设局", "区发展和改革委员会"),
    "factors": ("区工业和信息化局", "区住房和城乡建设局"),
    "other": ("区住房和城乡建设局",),  # or the project's own township or park
}
RESOLUTIONS = (
    "经周例会协调，{u}牵头办理，问题已解决",
    "{u}现场办公，已按时限办结",
    "专班跟进督办，{u}已办结并反馈企业",
    "{u}采取容缺办理方式完成，已销号",
)
ENTERPRISE_RESOLUTIONS = (
    "首席服务官对接，{u}已办结，企业满意",
    "“万人助企”专班协调，{u}已解决",
    "{u}按“13710”制度限时办结",
)

MONTH_WEIGHTS_2021 = (0.5, 0.6, 0.9, 1.0, 1.1, 1.1, 0.9, 0.9, 1.1, 1.2, 1.2, 1.3)
MONTH_WEIGHTS_2022 = (0.8, 0.6, 1.2)

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


# ---------------------------------------------------------------- small helpers


def _days(day: dt.date, n: int) -> dt.date:
    return day + dt.timedelta(days=n)


def _rand_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end < start:
        raise _InternalError(f"empty date window {start} .. {end}")
    return _days(start, rng.randint(0, (end - start).days))


def _nice(x: float) -> Decimal:
    """Round a drawn amount the way people quote it (5,000 / 500 / 100 万元 steps)."""
    if x >= 100000:
        step = 5000
    elif x >= 20000:
        step = 1000
    elif x >= 5000:
        step = 500
    else:
        step = 100
    return Decimal(max(step, round(x / step) * step))


def _floor_to(value: Decimal, step: Decimal) -> Decimal:
    return (value / step).to_integral_value(rounding=ROUND_FLOOR) * step


def _allocate(
    total: Decimal,
    weights: Sequence[float],
    step: Decimal,
    caps: Sequence[Decimal] | None = None,
) -> list[Decimal]:
    """Split ``total`` exactly into multiples of ``step``, roughly by ``weights``, under caps."""
    units, rest = divmod(total, step)
    if rest or total < 0:
        raise _InternalError(f"{total} is not a non-negative multiple of {step}")
    remaining = int(units)
    n = len(weights)
    cap_units: list[int | None] = [int(c // step) for c in caps] if caps is not None else [None] * n
    alloc = [0] * n

    def has_room(i: int) -> bool:
        cap = cap_units[i]
        return cap is None or alloc[i] < cap

    while remaining > 0:
        open_idx = [i for i in range(n) if has_room(i)]
        if not open_idx:
            raise _InternalError(f"cannot place {total}: every share is at its cap")
        wsum = sum(weights[i] for i in open_idx)
        given = 0
        fractions = []
        for i in open_idx:
            exact = remaining * weights[i] / wsum
            share = int(exact)
            cap = cap_units[i]
            if cap is not None:
                share = min(share, cap - alloc[i])
            alloc[i] += share
            given += share
            fractions.append((exact - int(exact), -i))
        remaining -= given
        if given == 0:
            for _, neg_i in sorted(fractions, reverse=True):
                if remaining == 0:
                    break
                if has_room(-neg_i):
                    alloc[-neg_i] += 1
                    remaining -= 1
    return [Decimal(a) * step for a in alloc]


def _settle(
    rng: random.Random, values: list[Decimal], free: Sequence[int], target: Decimal
) -> None:
    """Nudge a few of ``values[free]`` (in 100 万元 steps) so that they sum to ``target``."""
    step = Decimal(100)
    residual = target - sum(values, Decimal(0))
    if residual == 0:
        return
    need = abs(residual)
    k = min(5, len(free))
    floor = need / k * 2 + step
    candidates = [i for i in free if values[i] > floor]
    if len(candidates) < k:
        candidates = sorted(free, key=lambda i: (values[i], i), reverse=True)[:k]
    chosen = rng.sample(candidates, k)
    sign = 1 if residual > 0 else -1
    for i, part in zip(chosen, _allocate(need, [1.0] * k, step), strict=True):
        values[i] += sign * part
        if values[i] < step:
            raise _InternalError("settling amounts made one too small")


def _loguniform(rng: random.Random, lo: float, hi: float) -> float:
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def _uscc(rng: random.Random, area: str) -> str:
    """A well-formed 统一社会信用代码 (check digits per GB 11714 and GB 32100)."""
    body = "MA" + "".join(rng.choice(_USCC_CHARS) for _ in range(6))
    total = sum(
        (int(ch) if ch.isdigit() else ord(ch) - 55) * w
        for ch, w in zip(body, _ORG_WEIGHTS, strict=True)
    )
    c9 = 11 - total % 11
    org = body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    first = "91" + area + org
    s = sum(_USCC_CHARS.index(ch) * w for ch, w in zip(first, _USCC_WEIGHTS, strict=True))
    return first + _USCC_CHARS[(31 - s % 31) % 31]


# ---------------------------------------------------------------- working records


@dataclass
class _Plan:
    planned: Decimal = Decimal(0)
    new_start: bool = False
    start_month: int | None = None
    kind: str = ""  # done / continuing / new / preparatory


@dataclass(eq=False)
class _P:
    """A project being built."""

    group: str
    family: str
    industry: str | None
    link: str | None
    field: str
    total: Decimal = Decimal(0)
    name: str = ""
    fixed: str = ""  # "sanjia" / "party_school"
    dates: dict[Stage, dt.date] = field(default_factory=dict)
    dropped_on: dt.date | None = None
    drop_reason: str = ""
    company: int | None = None
    city: str | None = None
    visit: int | None = None
    lead_note: str = ""
    unit: str = ""
    location: str = ""
    leader: str = ""
    owner: str = ""  # the owner company of a government project
    blueprint: Blueprint | None = None
    big: bool = False
    foreign: bool = False
    local: bool = False
    plan21: _Plan | None = None
    plan22: _Plan | None = None
    monthly: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    task_force: int | None = None
    land_mu: Decimal | None = None
    revenue: Decimal | None = None
    tax: Decimal | None = None
    jobs: int | None = None
    content: str = ""
    notes: str = ""
    code: str | None = None
    id: str = field(default_factory=new_id)

    def d(self, stage: Stage) -> dt.date | None:
        return self.dates.get(stage)

    @property
    def gov(self) -> bool:
        return self.blueprint is not None or self.fixed == "party_school"


@dataclass(eq=False)
class _Co:
    name: str
    short: str  # brand + a short industry word (华拓传动), used in project names
    city: str
    province: str
    industry: str | None
    link: str | None
    uscc: str | None
    is_local: bool = False
    is_target: bool = False
    brand: str = ""
    scale: str = ""
    tags: str = ""
    notes: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class _Ref:
    industries: dict[str, str]
    links: dict[str, list[str]]
    node_ids: dict[str, str]
    link_names: dict[str, str]
    link_status: dict[str, str]
    fields: dict[str, str]
    units: dict[str, str]
    townships: list[str]

    @classmethod
    def load(cls, session: Session) -> _Ref:
        nodes = session.execute(
            select(
                IndustryNode.id,
                IndustryNode.code,
                IndustryNode.level,
                IndustryNode.parent_id,
                IndustryNode.name,
                IndustryNode.chain_status,
            )
            .where(IndustryNode.deleted_at.is_(None), IndustryNode.retired_on.is_(None))
            .order_by(IndustryNode.sort_order, IndustryNode.code)
        ).all()
        by_id = {n.id: n for n in nodes}
        industries = {n.code: n.id for n in nodes if n.level == "industry"}
        links: dict[str, list[str]] = {}
        for n in nodes:
            if n.level == "link" and n.parent_id in by_id:
                links.setdefault(by_id[n.parent_id].code, []).append(n.code)
        missing = [c for c in INDUSTRIES if c not in industries or not links.get(c)]
        missing += [c for c in LINK_TEMPLATES if c not in {n.code for n in nodes}]
        if missing:
            raise DemoDataError(
                "数据库的“222”产业体系与演示数据所需不一致，缺少节点："
                + "、".join(missing)
                + "。演示数据只能写入新初始化的数据库。"
            )
        fields = dict(
            session.execute(
                select(PlanField.code, PlanField.id).where(PlanField.deleted_at.is_(None))
            ).all()
        )
        unit_rows = session.execute(
            select(Unit.name, Unit.id, Unit.kind)
            .where(Unit.deleted_at.is_(None))
            .order_by(Unit.sort_order, Unit.name)
        ).all()
        units = {r.name: r.id for r in unit_rows}
        needed = {loc for locs in INDUSTRY_LOCATIONS.values() for loc in locs}
        needed |= (
            set(SERVICE_LOCATIONS)
            | set(RURAL_LOCATIONS)
            | set(PARKS)
            | {u for (_, _, _, _, _, u, _) in BLUEPRINTS if u}
        )
        for _, lead_unit, members, _ in TASK_FORCES:
            needed |= {lead_unit, *members}
        needed |= {u for us in PROBLEM_UNITS.values() for u in us} | {"五女店镇", "区投资促进中心"}
        needed |= {u for _, _, us in ENTERPRISE_TEXTS for u in us}
        lacking = sorted(needed - set(units))
        lacking += [
            c
            for c in ("manufacturing", "services", "social", "agriculture", "urbanization")
            if c not in fields
        ]
        if lacking:
            raise DemoDataError(
                "数据库的责任单位或“5122”领域与演示数据所需不一致，缺少："
                + "、".join(lacking)
                + "。演示数据只能写入新初始化的数据库。"
            )
        return cls(
            industries=industries,
            links=links,
            node_ids={n.code: n.id for n in nodes},
            link_names={n.code: n.name for n in nodes if n.level == "link"},
            link_status={n.code: n.chain_status or "" for n in nodes if n.level == "link"},
            fields=fields,
            units=units,
            townships=[r.name for r in unit_rows if r.kind == "township"],
        )


# Task forces: name | lead unit | member units | which key projects it follows, the first
# matching rule wins: fixed:<tag>, name:<words>, industry:<code>, field:<code>[+name:<words>],
# landing (signed 招商 projects in the 2022 plan, not started yet), any; none: the last.
_TASK_FORCE_TABLE = """
三佳万向节项目专班 | 许昌汽车零部件产业园 | 区自然资源局 区住房和城乡建设局 | fixed:sanjia
市委党校新校区建设专班 | 五女店镇 | 区住房和城乡建设局 区财政局 | fixed:party_school
重大招商项目落地专班 | 区投资促进中心 | 区自然资源局 区住房和城乡建设局 | landing
多式联运物流港项目专班 | 区发展和改革委员会 | 区自然资源局 尚集产业集聚区 | name:多式联运
电子信息产业园建设专班 | 电子信息产业园 | 区工业和信息化局 区自然资源局 | industry:electronic
汽车零部件产业专班 | 许昌汽车零部件产业园 | 区工业和信息化局 区商务局 | industry:auto
发制品产业提升专班 | 尚集产业集聚区 | 区商务局 区市场监督管理局 | industry:hair
生物医药产业专班 | 区工业和信息化局 | 尚集产业集聚区 区市场监督管理局 | industry:biomed
食品包装产业园二期专班 | 食品包装产业园 | 区工业和信息化局 区生态环境分局 | industry:food
环保装备产业专班 | 区生态环境分局 | 尚集产业集聚区 区工业和信息化局 | industry:environment
教育项目建设专班 | 区教育局 | 区住房和城乡建设局 区财政局 | field:social+name:学,校,幼儿园
医疗卫生及公共服务项目专班 | 区发展和改革委员会 | 区财政局 区住房和城乡建设局 | field:social
城中村改造及安置区建设专班 | 区住房和城乡建设局 | 区自然资源局 区财政局 | \
    field:urbanization+name:城中村,安置
市政基础设施建设专班 | 区住房和城乡建设局 | 区发展和改革委员会 区财政局 | field:urbanization
农田水利项目专班 | 区发展和改革委员会 | 区自然资源局 区财政局 | field:agriculture
现代服务业项目专班 | 区商务局 | 区发展和改革委员会 区市场监督管理局 | field:services
"""
TASK_FORCES: tuple[tuple[str, str, tuple[str, ...], str], ...] = tuple(
    (name, lead, tuple(members.split()), rule)
    for name, lead, members, rule in _table(_TASK_FORCE_TABLE)
)


def _follows(rule: str, p: _P) -> bool:
    """Whether a task force with ``rule`` (see ``_TASK_FORCE_TABLE``) follows project ``p``."""
    for part in rule.split("+"):
        kind, _, value = part.partition(":")
        ok = (
            kind == "any"
            or (kind == "landing" and p.family == "attraction" and p.d(Stage.STARTED) is None)
            or (kind == "fixed" and p.fixed == value)
            or (kind == "name" and any(w in p.name for w in value.split(",")))
            or (kind == "industry" and p.industry == value)
            or (kind == "field" and p.field == value)
        )
        if not ok:
            return False
    return True


# Outbound trips: title | dates | cities | leaders (indexes into LEADERS) | focus | visits.
_TRIP_TABLE = """
建安区赴深圳电子信息产业招商活动 | 2021-04-12 2021-04-16 | 深圳 | 0 2 | electronic auto | 9
建安区赴南京汽车零部件及生物医药产业招商推介活动 | 2021-05-17 2021-05-20 | 南京 | 1 3 | \
    auto biomed | 9
建安区赴佛山环保装备产业考察招商活动 | 2021-06-21 2021-06-24 | 佛山 | 2 4 | \
    environment food auto | 8
建安区赴杭州生物医药及跨境电商产业招商活动 | 2021-09-13 2021-09-16 | 杭州 | 0 7 | \
    biomed hair electronic | 8
建安区赴深圳、佛山招商推介会 | 2021-11-08 2021-11-12 | 深圳 佛山 | 0 1 2 | * | 16
2022年一季度赴南京、杭州招商活动 | 2022-03-07 2022-03-11 | 南京 杭州 | 1 4 | * | 10
"""
Trip_ = tuple[str, dt.date, dt.date, tuple[str, ...], tuple[int, ...], tuple[str, ...], int]
TRIPS: tuple[Trip_, ...] = tuple(
    (
        title,
        dt.date.fromisoformat(dates.split()[0]),
        dt.date.fromisoformat(dates.split()[1]),
        tuple(cities.split()),
        tuple(int(i) for i in leaders.split()),
        INDUSTRIES if focus == "*" else tuple(focus.split()),
        int(visits),
    )
    for title, dates, cities, leaders, focus, visits in _table(_TRIP_TABLE)
)
CITY_INDUSTRIES = {
    "深圳": ("electronic", "auto", "environment"),
    "佛山": ("environment", "food", "auto"),
    "南京": ("auto", "biomed", "electronic"),
    "杭州": ("biomed", "hair", "electronic"),
}


# ---------------------------------------------------------------- the generator


class _Generator:
    def __init__(self, rng: random.Random, ref: _Ref) -> None:
        self.rng = rng
        self.ref = ref
        self.specs: list[_P] = []
        self.companies: list[_Co] = []
        self.company_by_name: dict[str, int] = {}
        self.contacts: list[dict[str, Any]] = []
        self.brands: set[str] = {"三佳"}
        self.names: set[str] = set()
        self.used_blueprints: set[str] = set()
        self.codes: set[str] = set()
        self.usccs: set[str] = set()
        self.person_names: set[str] = {n for n, _ in LEADERS} | {n for n, _ in CHIEFS}
        self.person_names |= set(STAFF)
        self.staff_rows: list[dict[str, Any]] = []
        self.staff_ids: dict[str, str] = {}
        self.trips: list[dict[str, Any]] = []
        self.trip_members: list[dict[str, Any]] = []
        self.visits: list[dict[str, Any]] = []
        self.task_forces: list[dict[str, Any]] = []
        self.task_force_units: list[dict[str, Any]] = []
        self.funds: list[dict[str, Any]] = []
        self.meetings: list[dict[str, Any]] = []
        self.problems: list[dict[str, Any]] = []

    # ------------------------------------------------------------ people

    def person(self) -> str:
        rng = self.rng
        while True:
            given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
            name = rng.choice(SURNAMES) + given
            if name not in self.person_names and given[:1] != given[1:]:
                self.person_names.add(name)
                return name

    def mobile(self) -> str:
        rng = self.rng
        prefix = rng.choice(
            (
                "135",
                "136",
                "137",
                "138",
                "139",
                "150",
                "151",
                "158",
                "186",
                "187",
                "188",
                "177",
                "199",
            )
        )
        return prefix + "".join(str(rng.randint(0, 9)) for _ in range(8))

    def build_staff(self) -> None:
        unit = self.ref.units["区投资促进中心"]
        for name, title in LEADERS:
            self._staff(name, "leader", title, None)
        for name, title in CHIEFS:
            self._staff(name, "chief", title, unit)
        for name in STAFF:
            self._staff(name, "staff", "招商专员", unit)

    def _staff(self, name: str, role: str, title: str, unit_id: str | None) -> None:
        row = {
            "id": new_id(),
            "name": name,
            "role": role,
            "title": title,
            "unit_id": unit_id,
            "phone": self.mobile(),
        }
        self.staff_ids[name] = row["id"]
        self.staff_rows.append(row)

    # ------------------------------------------------------------ dates

    def sign_date(self, start: dt.date, end: dt.date) -> dt.date:
        days = [d for d in SIGNING_DAYS if start <= d <= end]
        if days and self.rng.random() < 0.35:
            return self.rng.choice(days)
        return _rand_date(self.rng, start, end)

    def after(self, day: dt.date, lo: int, hi: int) -> dt.date:
        return _days(day, self.rng.randint(lo, hi))

    def before(self, day: dt.date, lo: int, hi: int) -> dt.date:
        return _days(day, -self.rng.randint(lo, hi))

    def presign(self, p: _P) -> None:
        """Lead and negotiation before the signing date."""
        signed = p.dates[Stage.SIGNED]
        neg = self.before(signed, 15, 150)
        p.dates[Stage.NEGOTIATING] = neg
        p.dates[Stage.LEAD] = self.before(neg, 7, 120)

    def backfill(self, p: _P, anchor: Stage) -> None:
        """Fill the pipeline stages before ``anchor`` backwards from its date (key projects)."""
        gaps = {
            Stage.OPERATING: (120, 400),
            Stage.STARTED: (10, 90),
            Stage.PERFORMING: (10, 120),
            Stage.SIGNED: (20, 150),
            Stage.NEGOTIATING: (15, 120),
        }
        stage = anchor
        while stage is not Stage.LEAD:
            earlier = Stage(_PIPE[_PIPE.index(stage) - 1])
            if earlier not in p.dates:
                lo, hi = gaps[stage]
                p.dates[earlier] = self.before(p.dates[stage], lo, hi)
            stage = earlier

    # ------------------------------------------------------------ projects

    def new_spec(self, group: str, family: str, industry: str | None = None) -> _P:
        rng = self.rng
        if industry is None:
            industry = rng.choices(INDUSTRIES, INDUSTRY_WEIGHTS)[0]
        link = rng.choice(self.ref.links[industry])
        if link not in LINK_TEMPLATES:
            link = next(c for c in self.ref.links[industry] if c in LINK_TEMPLATES)
        field_code = (
            "services"
            if link in SERVICE_LINKS
            else "agriculture"
            if link in AGRICULTURE_LINKS
            else "manufacturing"
        )
        p = _P(group=group, family=family, industry=industry, link=link, field=field_code)
        self.specs.append(p)
        return p

    def batch(self, family: str, groups: Sequence[tuple[str, int]]) -> list[_P]:
        """Specs for several groups; every batch of six or more covers all six industries."""
        n = sum(k for _, k in groups)
        industries: list[str] = list(INDUSTRIES) if n >= len(INDUSTRIES) else []
        industries += self.rng.choices(INDUSTRIES, INDUSTRY_WEIGHTS, k=n - len(industries))
        self.rng.shuffle(industries)
        out = []
        it = iter(industries)
        for group, k in groups:
            for _ in range(k):
                out.append(self.new_spec(group, family, next(it)))
        return out

    def build_2020(self) -> None:
        groups = (
            ("c20_A", 10),
            ("c20_B", 6),
            ("c20_op20", 8),
            ("c20_op21", 5),
            ("c20_op22", 2),
            ("c20_started", 4),
            ("c20_perf", 4),
            ("c20_signed", 5),
            ("c20_dropped", 1),
        )
        D = dt.date
        for p in self.batch("attraction", groups):
            g, ds = p.group, p.dates
            if g == "c20_op20":
                ds[Stage.SIGNED] = self.sign_date(D(2020, 1, 10), D(2020, 5, 31))
                ds[Stage.PERFORMING] = self.after(ds[Stage.SIGNED], 7, 30)
                ds[Stage.STARTED] = self.after(ds[Stage.PERFORMING], 5, 40)
                ds[Stage.OPERATING] = _rand_date(
                    self.rng, _days(ds[Stage.STARTED], 60), D(2020, 12, 28)
                )
            elif g in ("c20_A", "c20_op21"):
                ds[Stage.SIGNED] = self.sign_date(D(2020, 1, 10), D(2020, 8, 31))
                ds[Stage.PERFORMING] = self.after(ds[Stage.SIGNED], 10, 40)
                p_on = ds[Stage.PERFORMING]
                ds[Stage.STARTED] = _rand_date(
                    self.rng, _days(p_on, 5), min(_days(p_on, 60), D(2020, 12, 31))
                )
                ds[Stage.OPERATING] = _rand_date(
                    self.rng, max(_days(ds[Stage.STARTED], 60), D(2021, 2, 1)), D(2021, 11, 30)
                )
            elif g in ("c20_B", "c20_started"):
                ds[Stage.SIGNED] = self.sign_date(D(2020, 3, 1), D(2020, 10, 31))
                ds[Stage.PERFORMING] = self.after(ds[Stage.SIGNED], 10, 40)
                end = D(2021, 10, 31) if g == "c20_B" else D(2021, 12, 15)
                ds[Stage.STARTED] = _rand_date(
                    self.rng,
                    _days(ds[Stage.PERFORMING], 10),
                    min(_days(ds[Stage.PERFORMING], 300), end),
                )
            elif g == "c20_op22":
                ds[Stage.SIGNED] = self.sign_date(D(2020, 4, 1), D(2020, 10, 31))
                ds[Stage.PERFORMING] = self.after(ds[Stage.SIGNED], 10, 60)
                ds[Stage.STARTED] = _rand_date(
                    self.rng, _days(ds[Stage.PERFORMING], 10), D(2021, 9, 30)
                )
                ds[Stage.OPERATING] = _rand_date(self.rng, D(2022, 1, 10), D(2022, 3, 28))
            elif g == "c20_perf":
                ds[Stage.SIGNED] = self.sign_date(D(2020, 5, 1), D(2020, 12, 20))
                ds[Stage.PERFORMING] = _rand_date(
                    self.rng, _days(ds[Stage.SIGNED], 10), D(2021, 9, 30)
                )
            elif g == "c20_signed":
                ds[Stage.SIGNED] = self.sign_date(D(2020, 6, 1), D(2020, 12, 28))
            else:  # c20_dropped: the agreement was rescinded
                ds[Stage.SIGNED] = self.sign_date(D(2020, 4, 1), D(2020, 9, 30))
                p.dropped_on = _rand_date(self.rng, D(2021, 3, 1), D(2021, 8, 31))
                p.drop_reason = "企业资金链紧张，经双方协商解除投资协议"
            self.presign(p)

    def build_2021(self) -> None:
        groups = (
            ("c21_op_A", 12),
            ("c21_op", 18),
            ("c21_st_B", 10),
            ("c21_st_op22", 5),
            ("c21_st", 19),
            ("c21_perf", 1),
            ("c21_gs", 3),
            ("c21_q1", 3),
            ("c21_ns", 3),
            ("c21_signed", 15),
        )
        D = dt.date
        sanjia = self.new_spec("c21_sanjia", "attraction", "auto")
        sanjia.link = "auto.driveline"
        sanjia.fixed = "sanjia"
        sanjia.dates = {
            Stage.LEAD: D(2021, 5, 18),
            Stage.NEGOTIATING: D(2021, 7, 6),
            Stage.SIGNED: D(2021, 10, 26),
            Stage.PERFORMING: D(2021, 12, 16),
            Stage.STARTED: GROUP_START_DAY,
        }
        for p in self.batch("attraction", groups):
            g, ds = p.group, p.dates
            if g in ("c21_op_A", "c21_op"):
                ds[Stage.SIGNED] = self.sign_date(D(2021, 1, 8), D(2021, 6, 30))
                ds[Stage.PERFORMING] = self.after(ds[Stage.SIGNED], 7, 40)
                ds[Stage.STARTED] = self.after(ds[Stage.PERFORMING], 5, 50)
                ds[Stage.OPERATING] = _rand_date(
                    self.rng, _days(ds[Stage.STARTED], 45), D(2021, 12, 28)
                )
            elif g in ("c21_st_B", "c21_st_op22", "c21_st"):
                ds[Stage.SIGNED] = self.sign_date(D(2021, 1, 8), D(2021, 10, 31))
                ds[Stage.PERFORMING] = self.after(ds[Stage.SIGNED], 7, 35)
                p_on = ds[Stage.PERFORMING]
                ds[Stage.STARTED] = _rand_date(
                    self.rng, _days(p_on, 5), min(_days(p_on, 60), D(2021, 12, 30))
                )
                if g == "c21_st_op22":
                    ds[Stage.OPERATING] = _rand_date(
                        self.rng,
                        max(_days(ds[Stage.STARTED], 45), D(2022, 1, 10)),
                        D(2022, 3, 28),
                    )
            elif g == "c21_perf":
                ds[Stage.SIGNED] = self.sign_date(D(2021, 5, 1), D(2021, 11, 15))
                ds[Stage.PERFORMING] = _rand_date(
                    self.rng, _days(ds[Stage.SIGNED], 7), D(2021, 12, 28)
                )
            elif g == "c21_gs":
                ds[Stage.SIGNED] = self.sign_date(D(2021, 8, 1), D(2021, 12, 20))
                ds[Stage.PERFORMING] = _rand_date(self.rng, D(2022, 1, 1), GROUP_START_DAY)
                ds[Stage.STARTED] = GROUP_START_DAY
            elif g == "c21_q1":
                ds[Stage.SIGNED] = self.sign_date(D(2021, 7, 1), D(2021, 12, 28))
                ds[Stage.PERFORMING] = _rand_date(self.rng, D(2022, 1, 5), D(2022, 2, 15))
                ds[Stage.STARTED] = _rand_date(
                    self.rng, _days(ds[Stage.PERFORMING], 5), D(2022, 3, 28)
                )
            elif g == "c21_ns":
                ds[Stage.SIGNED] = self.sign_date(D(2021, 6, 1), D(2021, 12, 28))
                if self.rng.random() < 0.67:
                    ds[Stage.PERFORMING] = _rand_date(self.rng, D(2022, 1, 5), D(2022, 3, 25))
            else:  # c21_signed: signed only by the year end; a few perform in 2022 Q1
                ds[Stage.SIGNED] = self.sign_date(D(2021, 2, 1), D(2021, 12, 30))
                if self.rng.random() < 0.35:
                    ds[Stage.PERFORMING] = _rand_date(
                        self.rng, max(_days(ds[Stage.SIGNED], 7), D(2022, 1, 5)), D(2022, 3, 28)
                    )
            self.presign(p)

    def build_2022(self) -> None:
        groups = (("c22_ns_started", 2), ("c22_ns", 4), ("c22_perf", 6), ("c22_signed", 14))
        D = dt.date
        for p in self.batch("attraction", groups):
            g, ds = p.group, p.dates
            if g == "c22_ns_started":
                ds[Stage.SIGNED] = self.sign_date(D(2022, 1, 6), D(2022, 1, 25))
                ds[Stage.PERFORMING] = _rand_date(
                    self.rng, _days(ds[Stage.SIGNED], 5), D(2022, 2, 20)
                )
                ds[Stage.STARTED] = _rand_date(
                    self.rng, _days(ds[Stage.PERFORMING], 5), D(2022, 3, 28)
                )
            elif g == "c22_ns":
                ds[Stage.SIGNED] = self.sign_date(D(2022, 1, 6), D(2022, 3, 18))
                if self.rng.random() < 0.5:
                    ds[Stage.PERFORMING] = _rand_date(
                        self.rng, _days(ds[Stage.SIGNED], 7), DEMO_AS_OF
                    )
            elif g == "c22_perf":
                ds[Stage.SIGNED] = self.sign_date(D(2022, 1, 6), D(2022, 2, 28))
                ds[Stage.PERFORMING] = _rand_date(
                    self.rng, _days(ds[Stage.SIGNED], 7), D(2022, 3, 30)
                )
            else:
                ds[Stage.SIGNED] = self.sign_date(D(2022, 1, 6), D(2022, 3, 30))
            self.presign(p)

    def build_pipeline(self) -> None:
        D = dt.date
        groups = (("lead", 30), ("negotiating", 25), ("dropped", 10))
        for p in self.batch("attraction", groups):
            ds = p.dates
            if p.group == "lead":
                ds[Stage.LEAD] = _rand_date(self.rng, D(2021, 9, 1), D(2022, 3, 30))
            elif p.group == "negotiating":
                ds[Stage.LEAD] = _rand_date(self.rng, D(2021, 4, 1), D(2022, 2, 28))
                ds[Stage.NEGOTIATING] = _rand_date(
                    self.rng,
                    _days(ds[Stage.LEAD], 7),
                    min(_days(ds[Stage.LEAD], 120), D(2022, 3, 30)),
                )
            else:
                ds[Stage.LEAD] = _rand_date(self.rng, D(2021, 1, 15), D(2021, 10, 31))
                last = ds[Stage.LEAD]
                if self.rng.random() < 0.6:
                    last = ds[Stage.NEGOTIATING] = self.after(last, 7, 60)
                p.dropped_on = _rand_date(
                    self.rng, _days(last, 30), min(_days(last, 240), D(2022, 3, 25))
                )
                p.drop_reason = self.rng.choice(DROP_REASONS)

    def key_spec(self, group: str, *, big: bool = False, kind: str | None = None) -> _P:
        """A key project: one company's plant ("ind") or a district project ("bp")."""
        rng = self.rng
        if kind is None:
            kind = "ind" if rng.random() < 0.5 else "bp"
        if kind == "ind":
            p = self.new_spec(group, "key")
            p.local = rng.random() < 0.4
            lo, hi = (100000, 300000) if big else (20000, 90000)
            p.total = _nice(rng.uniform(lo, hi) if big else _loguniform(rng, lo, hi))
        else:
            pool = [b for b in BLUEPRINTS if (b[4] >= 100000 if big else b[3] < 100000)]
            pool = [b for b in pool if "{town}" in b[0] or b[0] not in self.used_blueprints]
            bp = rng.choice(pool)
            name, field_code, link, lo, hi, _unit, owner = bp
            industry = link.split(".")[0] if link else None
            p = _P(group=group, family="key", industry=industry, link=link, field=field_code)
            p.blueprint = bp
            p.owner = owner
            self.used_blueprints.add(name)
            lo = max(lo, 100000) if big else lo
            hi = hi if big else min(hi, 99000)
            p.total = _nice(rng.uniform(lo, hi))
            self.specs.append(p)
        p.big = big
        return p

    def build_key(self) -> None:
        """Key-family projects, group by group (see the module docstring for the plan)."""
        D = dt.date
        rng = self.rng
        # Into production in 2021 (in the 2021 plan only).
        for i in range(18):
            p = self.key_spec("k_A", big=i < 6)
            p.dates[Stage.STARTED] = _rand_date(rng, D(2020, 3, 1), D(2021, 3, 31))
            p.dates[Stage.OPERATING] = _rand_date(
                rng, max(_days(p.dates[Stage.STARTED], 120), D(2021, 2, 1)), D(2021, 12, 25)
            )
            self.backfill(p, Stage.STARTED)
        # Under construction since 2020/2021 (continuing in 2022), with the party school.
        school = _P(group="k_B", family="key", industry=None, link=None, field="social")
        school.fixed = "party_school"
        school.name = PARTY_SCHOOL_PROJECT_NAME
        school.total = Decimal(43900)
        school.owner = PARTY_SCHOOL_OWNER
        school.dates[Stage.STARTED] = D(2021, 4, 20)
        self.backfill(school, Stage.STARTED)
        self.specs.append(school)
        for i in range(19):
            p = self.key_spec("k_B", big=i < 8)
            p.dates[Stage.STARTED] = _rand_date(rng, D(2020, 5, 1), D(2021, 11, 30))
            self.backfill(p, Stage.STARTED)
        # In the 2021 plan, not started in 2021: group start / Q1 start / later / preparatory.
        for i in range(8):
            p = self.key_spec("k_C_gs", big=i == 0, kind="bp" if i in (0, 3, 5) else "ind")
            p.dates[Stage.STARTED] = GROUP_START_DAY
            p.dates[Stage.PERFORMING] = _rand_date(rng, D(2021, 10, 1), GROUP_START_DAY)
            self.backfill(p, Stage.PERFORMING)
        for _ in range(3):
            p = self.key_spec("k_C_q1")
            p.dates[Stage.STARTED] = _rand_date(rng, D(2022, 1, 10), D(2022, 3, 28))
            self.backfill(p, Stage.STARTED)
        for i in range(9):
            p = self.key_spec("k_C_ns", big=i == 0)
            if rng.random() < 0.7:
                p.dates[Stage.PERFORMING] = _rand_date(rng, D(2021, 8, 1), D(2022, 3, 25))
                self.backfill(p, Stage.PERFORMING)
            else:
                p.dates[Stage.SIGNED] = _rand_date(rng, D(2021, 3, 1), D(2022, 2, 28))
                self.backfill(p, Stage.SIGNED)
        for i in range(11):
            self.preparatory(self.key_spec("k_C_pre", big=i < 4), in_2021_plan=True)
        # New in the 2022 plan.
        for i in range(6):
            p = self.key_spec("k_N_gs", big=i == 0, kind="bp" if i in (0, 2, 4) else "ind")
            p.dates[Stage.STARTED] = GROUP_START_DAY
            p.dates[Stage.PERFORMING] = _rand_date(rng, D(2021, 11, 1), GROUP_START_DAY)
            self.backfill(p, Stage.PERFORMING)
        for _ in range(2):
            p = self.key_spec("k_N_q1")
            p.dates[Stage.STARTED] = _rand_date(rng, D(2022, 1, 10), D(2022, 3, 28))
            self.backfill(p, Stage.STARTED)
        for i in range(3):
            p = self.key_spec("k_N_ns", big=i == 0)
            p.dates[Stage.SIGNED] = _rand_date(rng, D(2021, 9, 1), D(2022, 3, 20))
            if rng.random() < 0.5:
                p.dates[Stage.PERFORMING] = _rand_date(
                    rng, _days(p.dates[Stage.SIGNED], 7), DEMO_AS_OF
                )
            self.backfill(p, Stage.SIGNED)
        for i in range(17):
            self.preparatory(self.key_spec("k_N_pre", big=i < 5), in_2021_plan=False)

    def preparatory(self, p: _P, *, in_2021_plan: bool) -> None:
        rng = self.rng
        D = dt.date
        roll = rng.random()
        latest = D(2021, 10, 31) if in_2021_plan else D(2022, 3, 25)
        if roll < 0.4:
            p.dates[Stage.NEGOTIATING] = _rand_date(rng, D(2020, 10, 1), latest)
            self.backfill(p, Stage.NEGOTIATING)
        elif roll < 0.8:
            p.dates[Stage.SIGNED] = _rand_date(rng, D(2020, 12, 1), latest)
            self.backfill(p, Stage.SIGNED)
        else:
            p.dates[Stage.PERFORMING] = _rand_date(rng, D(2021, 3, 1), DEMO_AS_OF)
            self.backfill(p, Stage.PERFORMING)

    # ------------------------------------------------------------ amounts

    def amounts(self) -> None:
        rng = self.rng
        by_group = self.by_group()
        # 2021 cohort: 三佳 + five ≥10亿 + 84 drawn, summing exactly to 284.48 亿元.
        sanjia = by_group["c21_sanjia"][0]
        sanjia.total = Decimal(50000)
        bigs = [
            Decimal(v)
            for v in rng.sample(
                (100000, 105000, 110000, 120000, 126000, 150000, 160000, 180000, 200000), 5
            )
        ]
        raws = [rng.uniform(40000, 80000) for _ in range(12)]
        raws += [_loguniform(rng, 10000, 40000) for _ in range(56)]
        raws += [_loguniform(rng, 2000, 9500) for _ in range(16)]
        rest = SIGNED_2021_INVESTMENT_WAN - sanjia.total - sum(bigs, Decimal(0))
        scale = float(rest) / sum(raws)
        values = [_nice(r * scale) for r in raws]
        _settle(rng, values, list(range(len(values))), rest)
        # The largest go to the projects in the key-project plans.
        values.sort(reverse=True)
        key_slots_free = by_group["c21_op_A"][1:] + by_group["c21_st_B"][2:]
        by_group["c21_op_A"][0].total = bigs[0]
        by_group["c21_st_B"][0].total = bigs[1]
        by_group["c21_st_B"][1].total = bigs[2]
        top_idx = sorted(rng.sample(range(35), len(key_slots_free)))
        for p, i in zip(key_slots_free, top_idx, strict=True):
            p.total = values[i]
        remaining = [v for i, v in enumerate(values) if i not in set(top_idx)]
        mid = [i for i, v in enumerate(remaining) if 10000 <= v <= 50000]
        gs_idx = rng.sample(mid, 3)
        for p, i in zip(by_group["c21_gs"], gs_idx, strict=True):
            p.total = remaining[i]
        others = [v for i, v in enumerate(remaining) if i not in set(gs_idx)] + bigs[3:]
        rng.shuffle(others)
        cohort = [p for p in self.specs if p.group.startswith("c21_")]
        free = [p for p in cohort if p.total == 0]
        for p, v in zip(free, others, strict=True):
            p.total = v

        # 2020 cohort, 2022 signings and the open pipeline: drawn freely.
        def draw(p: _P, small: float = 0.2) -> None:
            r = rng.random()
            if r < small:
                p.total = _nice(_loguniform(rng, 2000, 9500))
            elif r < 0.85:
                p.total = _nice(_loguniform(rng, 10000, 50000))
            else:
                p.total = _nice(rng.uniform(50000, 100000))

        for p in self.specs:
            if p.family == "attraction" and p.total == 0:
                draw(p, small=0.1 if p.group.startswith("c22") else 0.2)
        for p in by_group["c20_A"] + by_group["c20_B"]:
            p.total = max(p.total, _nice(rng.uniform(40000, 120000)))
        for p in by_group["c20_B"][:2]:
            p.total = _nice(rng.uniform(100000, 150000))

        # The group start: 18 projects summing exactly to 79.8 亿元.
        gs_key = by_group["k_C_gs"] + by_group["k_N_gs"]
        attraction = sanjia.total + sum((p.total for p in by_group["c21_gs"]), Decimal(0))
        fixed = [p for p in gs_key if p.big]
        for p in fixed:
            p.total = Decimal(rng.choice((100000, 110000, 120000)))
        flex = [p for p in gs_key if not p.big]
        target = GROUP_START_INVESTMENT_WAN - attraction - sum((p.total for p in fixed), Decimal(0))
        raws = [float(p.total) for p in flex]
        scale = float(target) / sum(raws)
        values = [_nice(r * scale) for r in raws]
        _settle(rng, values, list(range(len(values))), target)
        for p, v in zip(flex, values, strict=True):
            p.total = v

    def by_group(self) -> dict[str, list[_P]]:
        out: dict[str, list[_P]] = {}
        for p in self.specs:
            out.setdefault(p.group, []).append(p)
        return out

    # ------------------------------------------------------------ trips and visits

    def build_trips(self) -> None:
        rng = self.rng
        sanjia = next(p for p in self.specs if p.fixed == "sanjia")
        for t_index, (title, start, end, cities, leader_idx, focus, n_visits) in enumerate(TRIPS):
            trip_id = new_id()
            leaders = [LEADERS[i][0] for i in leader_idx]
            staff = rng.sample(STAFF, rng.randint(3, 4))
            self.trips.append(
                {
                    "id": trip_id,
                    "title": title,
                    "start_on": start,
                    "end_on": end,
                    "destinations": "、".join(cities),
                    "purpose": "围绕“222”现代产业体系开展产业链招商，拜访目标企业，"
                    "推介建安区投资环境",
                    "itinerary": self.itinerary(start, end, cities),
                    "summary": "",
                }
            )
            for name in leaders:
                self.trip_members.append(
                    {
                        "id": new_id(),
                        "trip_id": trip_id,
                        "name": name,
                        "role": "leader",
                        "staff_user_id": self.staff_ids[name],
                    }
                )
            for name in staff:
                self.trip_members.append(
                    {
                        "id": new_id(),
                        "trip_id": trip_id,
                        "name": name,
                        "role": "staff",
                        "staff_user_id": self.staff_ids[name],
                    }
                )
            linked = 0
            for v_index in range(n_visits):
                city = cities[v_index * len(cities) // n_visits]
                day = _rand_date(rng, start, end)
                visit = {
                    "id": new_id(),
                    "trip_id": trip_id,
                    "kind": "outbound",
                    "city": city,
                    "visited_on": day,
                    "leaders": leaders,
                    "staff": staff,
                    "spec": None,
                    "company": None,
                }
                if t_index == 1 and v_index == 0:
                    day = visit["visited_on"] = sanjia.dates[Stage.LEAD]
                    visit["spec"] = sanjia
                    sanjia.city = city
                elif rng.random() < 0.55:
                    spec = self.pick_lead_for_visit(day, CITY_INDUSTRIES.get(city, focus))
                    if spec is not None:
                        self.relink(spec, day)
                        spec.city = city
                        visit["spec"] = spec
                if visit["spec"] is not None:
                    linked += 1
                    visit["spec"].visit = len(self.visits)
                    visit["spec"].lead_note = f"{title}期间拜访获得线索"
                self.visits.append(visit)
            self.trips[-1]["summary"] = (
                f"共拜访企业{n_visits}家，召开招商推介座谈会{rng.randint(1, 3)}场，"
                f"形成项目线索{linked}条；"
                + ("推介会到会客商210余名。" if t_index == 4 else "已明确专人跟踪对接。")
            )
        # Inbound visits: investors who came to 建安区; most became leads.
        candidates = [
            p
            for p in self.specs
            if p.family == "attraction"
            and p.visit is None
            and p.fixed == ""
            and p.dates[Stage.LEAD] >= dt.date(2021, 1, 1)
        ]
        for p in rng.sample(candidates, 16):
            p.visit = len(self.visits)
            p.lead_note = "客商来访洽谈获得线索"
            self.visits.append(
                {
                    "id": new_id(),
                    "trip_id": None,
                    "kind": "inbound",
                    "city": "",
                    "visited_on": p.dates[Stage.LEAD],
                    "leaders": [rng.choice(LEADERS)[0]],
                    "staff": rng.sample(STAFF, 2),
                    "spec": p,
                    "company": None,
                }
            )
        for p in self.specs:
            if p.family == "attraction" and not p.lead_note:
                p.lead_note = rng.choice(LEAD_SOURCES)

    @staticmethod
    def itinerary(start: dt.date, end: dt.date, cities: Sequence[str]) -> str:
        n_days = (end - start).days + 1
        return "；".join(
            f"{_days(start, i):%m月%d日} {cities[i * len(cities) // n_days]}：拜访企业、召开座谈会"
            for i in range(n_days)
        )

    def pick_lead_for_visit(self, day: dt.date, industries: Sequence[str]) -> _P | None:
        def next_date(p: _P) -> dt.date:
            later = [d for s, d in p.dates.items() if s not in (Stage.LEAD, Stage.NEGOTIATING)]
            if p.dropped_on:
                later.append(p.dropped_on)
            return min(later) if later else _days(DEMO_AS_OF, 60)

        eligible = [
            p
            for p in self.specs
            if p.family == "attraction"
            and p.visit is None
            and p.fixed == ""
            and (
                p.group.startswith(("c21", "c22")) or p.group in ("lead", "negotiating", "dropped")
            )
            and next_date(p) >= _days(day, 25)
        ]
        matching = [p for p in eligible if p.industry in industries] or eligible
        if not matching:
            return None
        position = {id(p): i for i, p in enumerate(self.specs)}
        matching.sort(key=lambda p: (abs((p.dates[Stage.LEAD] - day).days), position[id(p)]))
        return self.rng.choice(matching[:4])

    def relink(self, p: _P, day: dt.date) -> None:
        """Make the lead date the visit's date, keeping the history in order."""
        later = [d for s, d in p.dates.items() if s not in (Stage.LEAD, Stage.NEGOTIATING)]
        if p.dropped_on:
            later.append(p.dropped_on)
        nxt = min(later) if later else DEMO_AS_OF
        p.dates[Stage.LEAD] = day
        if Stage.NEGOTIATING in p.dates:
            p.dates[Stage.NEGOTIATING] = _rand_date(
                self.rng, _days(day, 7), min(_days(nxt, -3), _days(day, 150))
            )

    # ------------------------------------------------------------ companies

    def brand(self) -> str:
        while True:
            b = self.rng.choice(BRAND_A) + self.rng.choice(BRAND_B)
            if b not in self.brands and b not in BRAND_AVOID and b[0] != b[1]:
                self.brands.add(b)
                return b

    def add_company(self, co: _Co) -> int:
        self.companies.append(co)
        self.company_by_name[co.name] = len(self.companies) - 1
        return len(self.companies) - 1

    def make_company(
        self,
        industry: str | None,
        link: str | None,
        *,
        city: str | None = None,
        local: bool = False,
        foreign: bool = False,
        target: bool = False,
    ) -> int:
        rng = self.rng
        industry = industry or "environment"
        link = link or self.ref.links[industry][0]
        b = self.brand()
        if foreign:
            city_name, province, pattern = rng.choice(FOREIGN)
            name = pattern.format(b=b)
            short = b + ("国际" if "香港" in name else "控股" if "新加坡" in name else "精密")
            co = _Co(
                name=name,
                short=short,
                brand=b,
                city=city_name,
                province=province,
                industry=industry,
                link=link,
                uscc=None,
                scale="外资企业",
                tags="外资",
            )
            return self.add_company(co)
        word, short = rng.choice(LINK_WORDS[link])
        if local:
            city = "许昌"
            prefix = rng.choice(("许昌", "河南"))
        else:
            city = city or rng.choice(INDUSTRY_CITIES[industry])
            prefix = CITIES[city][2]
        roll = rng.random()
        if roll < 0.15:
            suffix = "股份有限公司"
        elif roll < 0.25:
            suffix = "集团有限公司"
        elif word.endswith(("科技", "技术")):
            suffix = "有限公司"
        else:
            suffix = rng.choice(("有限公司", "有限公司", "科技有限公司"))
        name = f"{prefix}{b}{word}{suffix}"
        province, area, _ = CITIES[city]
        co = _Co(
            name=name,
            short=b + short,
            brand=b,
            city=city,
            province=province,
            industry=industry,
            link=link,
            uscc=self.uscc(area),
            is_local=local,
            is_target=target,
            scale=rng.choices(SCALES, (4, 3, 2, 3, 1))[0],
        )
        return self.add_company(co)

    def uscc(self, area: str) -> str:
        while True:
            code = _uscc(self.rng, area)
            if code not in self.usccs:
                self.usccs.add(code)
                return code

    def owner_company(self, name: str) -> int:
        if name in self.company_by_name:
            return self.company_by_name[name]
        short = name.removeprefix("许昌市建安区").removesuffix("有限公司")
        co = _Co(
            name=name,
            short=short,
            city="许昌",
            province="河南",
            industry=None,
            link=None,
            uscc=self.uscc("411003"),
            is_local=True,
            scale="国有企业" if "公司" in name else "事业单位",
            tags="政府投资项目业主",
        )
        return self.add_company(co)

    def build_companies(self) -> None:
        rng = self.rng
        by_group = self.by_group()
        foreign = (
            rng.sample(by_group["c20_A"], 2)
            + rng.sample(by_group["c20_B"], 2)
            + rng.sample(by_group["c21_st_B"][2:], 1)
            + rng.sample(by_group["c21_st"], 2)
            + rng.sample(by_group["c22_perf"], 1)
        )
        for p in foreign:
            p.foreign = True
        sanjia = next(p for p in self.specs if p.fixed == "sanjia")
        sanjia.company = self.add_company(
            _Co(
                name=SANJIA_COMPANY_NAME,
                short="三佳",
                city="南京",
                province="江苏",
                industry="auto",
                link="auto.driveline",
                uscc=self.uscc("320100"),
                scale="规上企业",
                tags="汽车零部件,传动系统",
            )
        )
        for p in self.specs:
            if p.company is not None:
                continue
            if p.owner:
                p.company = self.owner_company(p.owner)
                continue
            if p.foreign:
                p.company = self.make_company(p.industry, p.link, foreign=True)
                continue
            local = p.local or (
                p.city is None and p.group.startswith(("c20", "c21")) and rng.random() < 0.2
            )
            p.local = local
            target = p.group in ("lead", "negotiating")
            p.company = self.make_company(
                p.industry, p.link, city=p.city, local=local, target=target
            )
        # Visits without a project: target companies met on trips.
        for v in self.visits:
            if v["spec"] is not None:
                v["company"] = v["spec"].company
                continue
            industries = CITY_INDUSTRIES.get(v["city"], INDUSTRIES)
            industry = rng.choice(industries)
            link = rng.choice(self.ref.links[industry])
            v["company"] = self.make_company(industry, link, city=v["city"], target=True)
        # More targets on the map, mostly on missing (补链) and extension (延链) links.
        gap_links = [c for c, s in self.ref.link_status.items() if s in ("missing", "extend")]
        for _ in range(30):
            link = rng.choice(gap_links)
            self.make_company(link.split(".")[0], link, target=True)
        for co in self.companies:
            if co.is_target:
                follower = rng.choice(STAFF)
                priority = rng.choice(("高", "中", "中", "低"))
                co.tags = ",".join(t for t in ("目标企业", f"优先级{priority}") if t)
                co.notes = f"跟进人：{follower}；优先级：{priority}"
            elif co.is_local and not co.tags:
                co.tags = "本地企业"
        for i, co in enumerate(self.companies):
            for k in range(
                1 if co.is_target or co.tags == "政府投资项目业主" else rng.randint(1, 2)
            ):
                title = (
                    "项目负责人"
                    if co.tags == "政府投资项目业主"
                    else (
                        CONTACT_TITLES[0]
                        if k == 0 and rng.random() < 0.3
                        else rng.choice(CONTACT_TITLES[1:])
                    )
                )
                mobile = self.mobile()
                self.contacts.append(
                    {
                        "id": new_id(),
                        "company_index": i,
                        "name": self.person(),
                        "title": title,
                        "mobile": mobile,
                        "wechat": f"wx{mobile[-6:]}" if rng.random() < 0.4 else "",
                        "email": "",
                        "notes": "",
                    }
                )

    # ------------------------------------------------------------ names and attributes

    def project_name(self, p: _P) -> str:
        rng = self.rng
        co = self.companies[p.company] if p.company is not None else None
        for attempt in range(20):
            if p.blueprint is not None:
                town = rng.choice(self.ref.townships)
                name = p.blueprint[0].replace("{town}", town)
                if "{town}" in p.blueprint[0]:
                    p.location = town
            else:
                assert p.link is not None and co is not None
                template, choices = rng.choice(LINK_TEMPLATES[p.link])
                body = template.format(n=rng.choice(choices)) if choices else template
                # 金峰再生 + 再生资源回收利用项目 → 金峰再生资源回收利用项目
                word = co.short[len(co.brand) :]
                name = f"{co.brand}{body}" if body.startswith(word) else f"{co.short}{body}"
                if p.local and rng.random() < 0.5:
                    name = name.replace("项目", "（增资扩产）项目")
            if attempt > 10:
                name = name.replace("项目", "（二期）项目").replace("工程", "（二期）工程")
            if name not in self.names:
                self.names.add(name)
                return name
        raise _InternalError(f"no unique name for {p.group}")

    def build_attributes(self) -> None:
        rng = self.rng
        for p in self.specs:
            if p.fixed == "sanjia":
                self.sanjia(p)
                continue
            if p.fixed == "party_school":
                self.party_school(p)
                continue
            if not p.name:
                p.name = self.project_name(p)
            if p.blueprint is not None:
                unit = p.blueprint[5]
                if not p.location:
                    if unit is not None and unit in (*self.ref.townships, *PARKS):
                        p.location = unit
                    else:
                        p.location = rng.choice(self.ref.townships)
                p.unit = unit if unit is not None else p.location
                land_per = rng.uniform(150, 600)
                if p.field != "agriculture":
                    p.land_mu = Decimal(p.total / Decimal(land_per)).quantize(Decimal("0.01"))
                area = (p.total / Decimal(rng.uniform(2500, 4500))).quantize(Decimal("0.1"))
                p.content = GOV_CONTENT[p.field].format(area=area)
                if p.field == "services" or p.field == "manufacturing":
                    p.revenue = _floor_to(p.total * Decimal(rng.uniform(0.3, 0.8)), Decimal(100))
                    p.tax = _floor_to(p.revenue * Decimal(rng.uniform(0.05, 0.1)), Decimal(10))
                    p.jobs = int(p.total / Decimal(rng.uniform(150, 400))) + 20
            else:
                assert p.industry is not None
                if p.field == "services":
                    p.location = rng.choice(SERVICE_LOCATIONS)
                elif p.field == "agriculture":
                    p.location = rng.choice(RURAL_LOCATIONS)
                else:
                    p.location = rng.choice(INDUSTRY_LOCATIONS[p.industry])
                p.unit = p.location
                self.industrial_attributes(p)
            if p.group in ("lead", "negotiating", "dropped") or (
                p.family == "key" and p.d(Stage.SIGNED) is None
            ):
                p.notes = "意向投资额，以签约为准" if p.family == "attraction" else p.notes
            if p.dropped_on:
                p.notes = f"已终止：{p.drop_reason}"

    def industrial_attributes(self, p: _P) -> None:
        rng = self.rng
        intensity = rng.uniform(300, 700)  # 万元 per 亩
        if p.field == "services":
            intensity *= 1.5
        p.land_mu = max(Decimal(10), (p.total / Decimal(intensity)).quantize(Decimal("0.01")))
        p.revenue = _floor_to(p.total * Decimal(rng.uniform(0.8, 2.0)), Decimal(100))
        p.tax = _floor_to(p.revenue * Decimal(rng.uniform(0.05, 0.12)), Decimal(10))
        p.jobs = int(p.total / Decimal(rng.uniform(80, 300))) + 20
        area = (p.land_mu * Decimal(rng.uniform(0.45, 0.7)) * Decimal("0.0667")).quantize(
            Decimal("0.1")
        )
        lines = max(2, int(p.total / Decimal(rng.uniform(1500, 4000))))
        link_name = self.ref.link_names.get(p.link or "", "")
        p.content = (
            f"项目占地约{p.land_mu.normalize():f}亩，新建生产车间、仓库及配套用房约{area}万平方米，"
            f"购置{link_name.split('·')[0]}相关生产及检测设备，建设{lines}条生产线。"
        )

    def sanjia(self, p: _P) -> None:
        p.name = SANJIA_PROJECT_NAME
        self.names.add(p.name)
        p.location = p.unit = "许昌汽车零部件产业园"
        p.land_mu = Decimal(95)
        p.revenue = Decimal(50000)
        p.tax = Decimal(10000)
        p.jobs = 600
        p.content = (
            "项目计划占地95亩，新建标准化生产车间及配套设施，购置数控加工中心、热处理及自动化"
            "装配设备，建设50条生产线，建成后年产1000万套万向节总成；"
            "预计年销售收入不低于5亿元，利税1亿元。"
        )
        p.notes = "2022年1月4日一季度重点项目集中开工项目"

    def party_school(self, p: _P) -> None:
        self.names.add(p.name)
        p.location = p.unit = "五女店镇"
        p.land_mu = Decimal("193.68")
        p.content = (
            "位于五女店镇原镇政府西侧，建设学术报告厅、教学行政办公楼等5组主要建筑，"
            "计划于2022年底建成投用。"
        )
        p.notes = "建安区承接的许昌市重点项目"

    # ------------------------------------------------------------ task forces and leaders

    def build_task_forces(self) -> None:
        rng = self.rng
        leaders = [n for n, _ in LEADERS]
        for i, (name, lead_unit, members, _rule) in enumerate(TASK_FORCES):
            liaison = self.person()
            deputy = self.person()
            head = leaders[i % len(leaders)]
            tf_id = new_id()
            self.task_forces.append(
                {
                    "id": tf_id,
                    "name": name,
                    "head_leader": head,
                    "deputy": deputy,
                    "liaison": liaison,
                    "lead_unit_id": self.ref.units[lead_unit],
                    "notes": f"专班长：{head}；副专班长：{deputy}（{lead_unit}主要负责人）；"
                    f"专职联络员：{liaison}",
                }
            )
            self._staff(liaison, "liaison", f"{name}联络员", self.ref.units[lead_unit])
            for unit in (lead_unit, *members):
                self.task_force_units.append(
                    {"id": new_id(), "task_force_id": tf_id, "unit_id": self.ref.units[unit]}
                )
        for p in self.specs:
            if p.plan21 is not None or p.plan22 is not None:
                p.task_force = next(
                    (i for i, (_, _, _, rule) in enumerate(TASK_FORCES) if _follows(rule, p)),
                    len(TASK_FORCES) - 1,
                )
                p.leader = self.task_forces[p.task_force]["head_leader"]
            else:
                p.leader = rng.choice(leaders)

    # ------------------------------------------------------------ key plans and investment

    def build_plans(self) -> None:
        rng = self.rng
        g = self.by_group()
        done = g["k_A"] + g["c20_A"] + g["c21_op_A"]
        continuing = g["k_B"] + g["c20_B"] + g["c21_st_B"]
        slipped = g["k_C_gs"] + g["k_C_q1"] + g["k_C_ns"] + g["k_C_pre"]
        plan21 = done + continuing + slipped
        new22 = (
            g["c21_sanjia"]
            + g["c21_gs"]
            + g["k_C_gs"]
            + g["k_N_gs"]
            + g["c21_q1"]
            + g["c22_ns_started"]
            + g["k_C_q1"]
            + g["k_N_q1"]
            + g["c21_perf"]
            + g["c21_ns"]
            + g["c22_ns"]
            + g["k_C_ns"]
            + g["k_N_ns"]
        )
        prep22 = g["k_C_pre"] + g["k_N_pre"]
        plan22 = continuing + new22 + prep22
        for p in plan21:
            started = p.d(Stage.STARTED)
            if p in slipped:
                p.plan21 = _Plan(new_start=True, start_month=rng.randint(6, 12), kind="slipped")
            else:
                new = started is not None and started.year == 2021
                p.plan21 = _Plan(
                    new_start=new,
                    start_month=started.month if new and started else None,
                    kind="done" if p in done else "continuing",
                )
        for p in plan22:
            started = p.d(Stage.STARTED)
            if p in continuing:
                p.plan22 = _Plan(kind="continuing")
            elif p in prep22:
                p.plan22 = _Plan(kind="preparatory")
                p.notes = "2022年重点前期项目"
            else:
                month = started.month if started else rng.randint(4, 10)
                p.plan22 = _Plan(new_start=True, start_month=month, kind="new")
                if started == GROUP_START_DAY:
                    p.notes = "2022年1月4日一季度重点项目集中开工项目"

        def frac(lo: float, hi: float) -> float:
            return rng.uniform(lo, hi)

        # 2021: planned 280 亿元 over 107 projects; completed 285.6 亿元 by the 76 building.
        weights = [
            float(p.total)
            * (
                frac(0.3, 0.5)
                if p in done
                else frac(0.25, 0.4)
                if p in continuing
                else frac(0.05, 0.15)
            )
            for p in plan21
        ]
        caps = [_floor_to(p.total * Decimal("0.8"), Decimal(100)) for p in plan21]
        for p, v in zip(
            plan21, _allocate(KEY_2021_PLANNED_WAN, weights, Decimal(100), caps), strict=True
        ):
            assert p.plan21 is not None
            p.plan21.planned = v
        building = done + continuing
        weights = [float(p.plan21.planned) * frac(0.9, 1.25) for p in building if p.plan21]
        caps = [
            _floor_to(p.total * Decimal("0.75" if p in done else "0.55"), Decimal(10))
            for p in building
        ]
        completed21 = _allocate(KEY_2021_COMPLETED_WAN, weights, Decimal(10), caps)
        for p, amount in zip(building, completed21, strict=True):
            started = p.d(Stage.STARTED)
            assert started is not None
            first = started.month if started.year == 2021 else 1
            operating = p.d(Stage.OPERATING)
            last = operating.month if operating and operating.year == 2021 else 12
            self.spread(p, 2021, amount, range(first, last + 1), MONTH_WEIGHTS_2021)

        # 2022: planned 287.29 亿元 over 112; Q1 completed 67.8 亿元 by the 64 building.
        def left(p: _P) -> Decimal:
            return p.total - sum(p.monthly.values(), Decimal(0))

        weights = [
            float(left(p)) * frac(0.3, 0.5)
            if p in continuing
            else float(p.total) * (frac(0.02, 0.06) if p in prep22 else frac(0.25, 0.45))
            for p in plan22
        ]
        caps = [
            _floor_to(
                left(p) if p in continuing else p.total * Decimal("0.1" if p in prep22 else "0.7"),
                Decimal(100),
            )
            for p in plan22
        ]
        for p, v in zip(
            plan22, _allocate(KEY_2022_PLANNED_WAN, weights, Decimal(100), caps), strict=True
        ):
            assert p.plan22 is not None
            p.plan22.planned = v
        building = continuing + [p for p in new22 if p.d(Stage.STARTED) is not None]
        months = {
            p: range(1 if p in continuing else p.dates[Stage.STARTED].month, 4) for p in building
        }
        weights = [
            float(p.plan22.planned) * frac(0.18, 0.3) * len(months[p]) / 3
            for p in building
            if p.plan22
        ]
        caps = [
            _floor_to(
                left(p) * Decimal("0.5") if p in continuing else p.total * Decimal("0.3"),
                Decimal(10),
            )
            for p in building
        ]
        completed22 = _allocate(KEY_2022_Q1_COMPLETED_WAN, weights, Decimal(10), caps)
        for p, amount in zip(building, completed22, strict=True):
            self.spread(p, 2022, amount, months[p], MONTH_WEIGHTS_2022)

    def spread(
        self, p: _P, year: int, amount: Decimal, months: range, base: Sequence[float]
    ) -> None:
        weights = [base[m - 1] * self.rng.uniform(0.7, 1.3) for m in months]
        for m, v in zip(months, _allocate(amount, weights, Decimal(1)), strict=True):
            if v > 0:
                p.monthly[(year, m)] = v

    # ------------------------------------------------------------ funds in place

    def build_funds(self) -> None:
        rng = self.rng
        records: list[tuple[_P, dt.date]] = []
        for p in self.specs:
            performed = p.d(Stage.PERFORMING)
            if p.family != "attraction" or performed is None:
                continue
            dates = [performed]
            started = p.d(Stage.STARTED)
            operating = p.d(Stage.OPERATING)
            if started is not None:
                limit = min(_days(operating, 90), DEMO_AS_OF) if operating else DEMO_AS_OF
                day = max(started, _days(performed, 20))
                while len(dates) < 5 and day <= limit:
                    dates.append(day)
                    day = self.after(day, 45, 120)
            elif rng.random() < 0.5:
                day = self.after(performed, 30, 120)
                if day <= DEMO_AS_OF:
                    dates.append(day)
            records += [(p, d) for d in dates]
        count = {p: 0 for p, _ in records}
        for p, _ in records:
            count[p] += 1

        # Records outside 2021 are drawn freely below their caps (2020: a full year; 2022: Q1).
        other_years = {2020: (0.35, 0.65), 2022: (0.1, 0.28)}

        def cap(p: _P) -> Decimal:
            return _floor_to(p.total * Decimal("0.8") / count[p], Decimal(10))

        in_2021 = [(p, d) for p, d in records if d.year == 2021]
        weights = [
            float(cap(p)) * rng.uniform(0.5, 1.5) * (0.5 if d == p.d(Stage.PERFORMING) else 1.0)
            for p, d in in_2021
        ]
        amounts21 = _allocate(FUNDS_2021_WAN, weights, Decimal(10), [cap(p) for p, _ in in_2021])
        amount_of = dict(zip(in_2021, amounts21, strict=True))
        rows: list[dict[str, Any]] = []
        for p, d in records:
            if (p, d) in amount_of:
                amount = amount_of[(p, d)]
            else:
                span = (0.4, 0.9) if p.foreign else other_years[d.year]
                amount = max(
                    Decimal(10),
                    _floor_to(cap(p) * Decimal(rng.uniform(*span)), Decimal(10)),
                )
            note = (
                "企业注册完成，首笔资金到位" if d == p.d(Stage.PERFORMING) else "项目建设资金到位"
            )
            rows.append(
                {
                    "id": new_id(),
                    "project": p,
                    "received_on": d,
                    "amount_wan": amount,
                    "fdi_usd_wan": None,
                    "note": note,
                }
            )
        # Foreign capital actually used (万美元, about 6.45 元 per dollar): 2020 drawn; 2021
        # grows 6.5–9.5 % over 2020; 2022 Q1 grows 4–12 % over 2021 Q1 (the 1366 target is 6 %).
        foreign = [r for r in rows if r["project"].foreign]
        rows20 = [r for r in foreign if r["received_on"].year == 2020]
        for r in rows20:
            share = Decimal(rng.uniform(0.3, 0.6))
            r["fdi_usd_wan"] = max(Decimal(1), _floor_to(self.fdi_cap(r) * share, Decimal(1)))
        fdi_2020 = sum((r["fdi_usd_wan"] for r in rows20), Decimal(0))
        rows21 = [r for r in foreign if r["received_on"].year == 2021]
        self.place_fdi(rows21, fdi_2020 * Decimal(rng.uniform(1.065, 1.095)))
        fdi_2021_q1 = sum(
            (r["fdi_usd_wan"] for r in rows21 if r["received_on"].month <= 3), Decimal(0)
        )
        rows22 = [r for r in foreign if r["received_on"].year == 2022]
        self.place_fdi(rows22, fdi_2021_q1 * Decimal(rng.uniform(1.04, 1.12)))
        for p in self.specs:
            if p.foreign:
                p.notes = (p.notes + "；" if p.notes else "") + "外资项目"
        self.funds = rows

    @staticmethod
    def fdi_cap(row: dict[str, Any]) -> Decimal:
        return _floor_to(row["amount_wan"] / Decimal("6.45"), Decimal(1))

    def place_fdi(self, rows: list[dict[str, Any]], target: Decimal) -> None:
        """Spread ``target`` 万美元 over funds records, no record above its RMB amount."""
        caps = [self.fdi_cap(r) for r in rows]
        total = min(target.to_integral_value(), sum(caps, Decimal(0)))
        for r, v in zip(
            rows, _allocate(total, [float(c) for c in caps], Decimal(1), caps), strict=True
        ):
            r["fdi_usd_wan"] = v if v > 0 else None

    # ------------------------------------------------------------ meetings and problems

    def build_problems(self) -> None:
        rng = self.rng
        first = dt.date(2021, 3, 22)
        for i in range(18):
            held = _days(first, 21 * i)
            self.meetings.append(
                {
                    "id": new_id(),
                    "held_on": held,
                    "number": i + 1,
                    "title": f"重点工作重大项目周例会（第{i + 1}次）",
                    "notes": "",
                }
            )
        plan = {
            2021: [p for p in self.specs if p.plan21 is not None],
            2022: [p for p in self.specs if p.plan22 is not None],
        }
        per_meeting = _allocate(
            Decimal(214), [rng.uniform(0.7, 1.3) for _ in range(18)], Decimal(1)
        )
        meeting_problems: list[dict[str, Any]] = []
        for meeting, n in zip(self.meetings, per_meeting, strict=True):
            held = meeting["held_on"]
            for _ in range(int(n)):
                p = rng.choice(plan[held.year])
                started = p.d(Stage.STARTED)
                before_start = started is None or started > held
                category = rng.choice(
                    ("approval", "land", "land", "demolition", "tendering", "factors")
                    if before_start
                    else ("funding", "factors", "factors", "other", "approval")
                )
                meeting_problems.append(self.problem(p, category, held, "meeting", meeting))
            meeting["notes"] = f"听取重点项目推进情况汇报，协调解决问题{int(n)}个"
        late = [r for r in meeting_problems if r["raised_on"] >= dt.date(2021, 11, 29)]
        open_rows = rng.sample(late, 18)
        statuses = ["in_progress"] * 9 + ["open"] * 7 + ["suspended"] * 2
        for r, s in zip(open_rows, statuses, strict=True):
            r["status"] = s
        # 万人助企: enterprise problems.
        enterprise: list[dict[str, Any]] = []
        for _ in range(275):
            day = _rand_date(rng, dt.date(2021, 4, 1), dt.date(2022, 3, 28))
            helped = [
                p
                for p in self.specs
                if p.family == "attraction" and (p.d(Stage.PERFORMING) or DEMO_AS_OF) <= day
            ]
            p = rng.choice(helped) if helped and rng.random() < 0.7 else None
            co = (
                self.companies[p.company]
                if p is not None and p.company is not None
                else (rng.choice([c for c in self.companies if c.is_local]))
            )
            category, text, units = rng.choice(ENTERPRISE_TEXTS)
            row = self.problem(
                p, category, day, "enterprise", None, company=co.name, text=text, units=units
            )
            enterprise.append(row)
        enterprise.sort(key=lambda r: r["raised_on"])
        open_rows = rng.sample(enterprise[-40:], 10)
        for r, s in zip(open_rows, ["in_progress"] * 6 + ["open"] * 4, strict=True):
            r["status"] = s
        # Problems a task force raised itself in 2022.
        task_force: list[dict[str, Any]] = []
        followed = [p for p in plan[2022] if p.task_force is not None]
        for k in range(16):
            p = rng.choice(followed)
            day = _rand_date(rng, dt.date(2022, 1, 5), dt.date(2022, 3, 28))
            category = rng.choice(("approval", "land", "tendering", "factors", "demolition"))
            row = self.problem(p, category, day, "task_force", None)
            row["status"] = "closed" if k < 8 else "in_progress" if k < 13 else "open"
            task_force.append(row)
        for r in meeting_problems + enterprise + task_force:
            self.finish_problem(r)
        self.problems = meeting_problems + enterprise + task_force

    def problem(
        self,
        p: _P | None,
        category: str,
        day: dt.date,
        source: str,
        meeting: dict[str, Any] | None,
        *,
        company: str = "",
        text: str = "",
        units: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        rng = self.rng
        units = units or PROBLEM_UNITS[category]
        if p is not None and category in ("demolition", "other"):
            units = (*units, p.unit)
        unit = rng.choice(units or ("区投资促进中心",))
        # Special bonds fund government projects; a company's cash flow is its own.
        texts = [
            t
            for t in PROBLEM_TEXTS[category]
            if not ("专项债券" in t and not (p and p.gov)) and not ("企业" in t and p and p.gov)
        ]
        template = text or rng.choice(texts)
        description = template.format(
            p=p.name if p is not None else "",
            c=company,
            m=rng.choice((20, 35, 50, 80, 120)),
            h=rng.randint(3, 40),
            a=rng.choice((500, 1000, 2000, 3000, 5000)),
            w=rng.choice((30, 50, 80, 120, 200)),
        )
        return {
            "id": new_id(),
            "project": p,
            "task_force_id": (
                self.task_forces[p.task_force]["id"]
                if p is not None and p.task_force is not None
                else None
            ),
            "meeting_id": meeting["id"] if meeting else None,
            "raised_on": day,
            "category": category,
            "description": description,
            "unit_id": self.ref.units[unit],
            "unit_name": unit,
            "responsible_person": self.person(),
            "deadline": self.after(day, 7, 30 if source != "meeting" else 40),
            "status": "closed",
            "resolution": "",
            "resolved_on": None,
            "source": source,
        }

    def finish_problem(self, r: dict[str, Any]) -> None:
        rng = self.rng
        if r["status"] == "closed":
            texts = ENTERPRISE_RESOLUTIONS if r["source"] == "enterprise" else RESOLUTIONS
            r["resolution"] = rng.choice(texts).format(u=r["unit_name"])
            resolved = self.after(
                r["raised_on"], 2, max(3, (r["deadline"] - r["raised_on"]).days + 10)
            )
            r["resolved_on"] = min(resolved, DEMO_AS_OF)
        elif r["status"] == "suspended":
            r["resolution"] = "待上级政策明确后再行推进，暂挂起"

    # ------------------------------------------------------------ checks and rows

    def history(self, p: _P) -> list[tuple[Stage, dt.date, str]]:
        events = [(s, d) for s, d in p.dates.items()]
        events.sort(key=lambda e: (e[1], _PIPE.index(e[0].value)))
        out = []
        for stage, day in events:
            out.append((stage, day, self.event_note(p, stage, day)))
        if p.dropped_on is not None:
            out.append((Stage.DROPPED, p.dropped_on, f"终止原因：{p.drop_reason}"))
        return out

    def event_note(self, p: _P, stage: Stage, day: dt.date) -> str:
        if stage is Stage.LEAD:
            return p.lead_note or ("纳入重点项目谋划库" if p.family == "key" else "")
        if stage is Stage.NEGOTIATING:
            return "开展可研论证及前期对接" if p.gov else "双方开展实质性洽谈"
        if stage is Stage.SIGNED:
            if p.gov:
                return "项目立项批复，签订建设协议"
            return "在集中签约活动上签约" if day in SIGNING_DAYS else "签订投资合同"
        if stage is Stage.PERFORMING:
            return "完成规划设计及施工许可等手续" if p.gov else "企业注册完成，首笔资金到位"
        if stage is Stage.STARTED:
            if day == GROUP_START_DAY:
                return "参加2022年1月4日全区一季度重点项目集中开工活动"
            return "项目开工建设"
        if stage is Stage.OPERATING:
            return "项目建成投用" if p.gov else "项目建成投产"
        return ""

    def verify(self) -> None:
        """Re-derive the promised figures from the specs; a mismatch is a generator bug."""
        end21 = dt.date(2021, 12, 31)

        def reached(p: _P, stages: tuple[Stage, ...], by: dt.date) -> bool:
            return any(p.d(s) is not None and p.dates[s] <= by for s in stages)

        cohort = [
            p
            for p in self.specs
            if p.family == "attraction" and (p.d(Stage.SIGNED) or dt.date.min).year == 2021
        ]
        later = (Stage.PERFORMING, Stage.STARTED, Stage.OPERATING)
        plan21 = [p for p in self.specs if p.plan21]
        plan22 = [p for p in self.specs if p.plan22]
        group = [p for p in self.specs if p.d(Stage.STARTED) == GROUP_START_DAY]
        q1 = (dt.date(2022, 1, 1), DEMO_AS_OF)
        new22 = [p for p in plan22 if p.plan22 and p.plan22.new_start]
        figures = {
            "signed": (len(cohort), SIGNED_2021_COUNT),
            "investment": (sum((p.total for p in cohort), Decimal(0)), SIGNED_2021_INVESTMENT_WAN),
            "performing": (sum(reached(p, later, end21) for p in cohort), PERFORMING_2021),
            "started": (sum(reached(p, later[1:], end21) for p in cohort), STARTED_2021),
            "operating": (sum(reached(p, later[2:], end21) for p in cohort), OPERATING_2021),
            "funds": (
                sum(
                    (r["amount_wan"] for r in self.funds if r["received_on"].year == 2021),
                    Decimal(0),
                ),
                FUNDS_2021_WAN,
            ),
            "key21": (len(plan21), KEY_2021_COUNT),
            "key21_operating": (
                sum((p.d(Stage.OPERATING) or dt.date.min).year == 2021 for p in plan21),
                KEY_2021_OPERATING,
            ),
            "key22": (len(plan22), KEY_2022_COUNT),
            "new22": (len(new22), KEY_2022_NEW_STARTS),
            "started22": (
                sum(q1[0] <= (p.d(Stage.STARTED) or dt.date.min) <= q1[1] for p in new22),
                KEY_2022_STARTED_Q1,
            ),
            "continuing22": (
                sum(
                    (p.d(Stage.STARTED) or dt.date.max) < q1[0] and p.d(Stage.OPERATING) is None
                    for p in plan22
                ),
                KEY_2022_CONTINUING,
            ),
            "group": (len(group), GROUP_START_COUNT),
            "group_investment": (
                sum((p.total for p in group), Decimal(0)),
                GROUP_START_INVESTMENT_WAN,
            ),
        }
        wrong = {k: v for k, v in figures.items() if v[0] != v[1]}
        if wrong:
            raise _InternalError(f"demo figures off: {wrong}")
        for p in self.specs:
            history = [StageEventData(s, d) for s, d, _ in self.history(p)]
            validate_history(history)
            if max(e.occurred_on for e in history) > DEMO_AS_OF:
                raise _InternalError(f"{p.name} has an event after {DEMO_AS_OF}")

    def project_code(self, p: _P) -> str | None:
        day = p.d(Stage.SIGNED) or p.d(Stage.PERFORMING)
        if day is None:
            return None
        industry_digits = {
            "hair": "19",
            "auto": "36",
            "biomed": "27",
            "food": "14",
            "electronic": "39",
            "environment": "35",
        }
        digits = industry_digits.get(p.industry or "", "48")
        while True:
            kind = "01" if p.gov else "03"
            code = f"{day.year}-411003-{digits}-{kind}-{self.rng.randint(100000, 999999)}"
            if code not in self.codes:
                self.codes.add(code)
                return code

    def write(self, session: Session) -> DemoSummary:
        ref = self.ref
        company_rows = [
            {
                "id": c.id,
                "name": c.name,
                "normalized_name": c.name,
                "uscc": c.uscc,
                "province": c.province,
                "city": c.city,
                "industry_node_id": ref.node_ids.get(c.link or c.industry or ""),
                "scale": c.scale,
                "website": "",
                "tags": c.tags,
                "notes": c.notes,
                "is_local": c.is_local,
                "is_target": c.is_target,
            }
            for c in self.companies
        ]
        contact_rows = [
            {
                "id": c["id"],
                "company_id": self.companies[c["company_index"]].id,
                "name": c["name"],
                "title": c["title"],
                "mobile": c["mobile"],
                "wechat": c["wechat"],
                "email": c["email"],
                "notes": c["notes"],
            }
            for c in self.contacts
        ]
        contact_of: dict[int, dict[str, Any]] = {}
        for c in self.contacts:
            contact_of.setdefault(c["company_index"], c)
        visit_rows = []
        for v in self.visits:
            co_index = v["company"]
            co = self.companies[co_index]
            contact = contact_of[co_index]
            spec: _P | None = v["spec"]
            if spec is not None:
                yi = (spec.total / Decimal(10000)).quantize(Decimal("0.01")).normalize()
                outcome = f"企业有意在中部地区布局新项目，初步意向投资约{yi:f}亿元。"
                next_step = "安排专人对接，邀请企业来建安实地考察，开展项目研判。"
            else:
                outcome = self.rng.choice(
                    (
                        "企业近期暂无新增投资计划，同意保持联系。",
                        "企业对建安区营商环境表示认可，待总部研究后答复。",
                        "企业拟于下半年考察中部地区选址，已邀请来建安实地考察。",
                    )
                )
                next_step = "纳入目标企业清单，定期跟踪。"
            if v["kind"] == "outbound":
                content = (
                    f"{'、'.join(v['leaders'])}带队拜访{co.name}，介绍建安区区位交通、"
                    "“222”现代产业体系及园区载体条件；企业介绍了业务发展及产能布局情况。"
                )
            else:
                content = (
                    f"{co.name}一行来建安考察，{v['leaders'][0]}会见客商，"
                    "实地查看园区及标准化厂房。"
                )
            visit_rows.append(
                {
                    "id": v["id"],
                    "trip_id": v["trip_id"],
                    "company_id": co.id,
                    "visited_on": v["visited_on"],
                    "kind": v["kind"],
                    "city": v["city"] if v["kind"] == "outbound" else co.city,
                    "attendees": "、".join([*v["leaders"], *v["staff"][:2]])
                    + f"；{contact['name']}（{contact['title']}）",
                    "content": content,
                    "outcome": outcome,
                    "next_step": next_step,
                    "follow_up_on": _days(v["visited_on"], self.rng.randint(7, 30)),
                    "recorded_by": v["staff"][0],
                }
            )
        project_rows = []
        event_rows = []
        for p in self.specs:
            history = self.history(p)
            stage = current_stage([StageEventData(s, d) for s, d, _ in history])
            signed = p.d(Stage.SIGNED) is not None
            recorder = self.rng.choice(STAFF)
            project_rows.append(
                {
                    "id": p.id,
                    "code": self.project_code(p),
                    "name": p.name,
                    "family": p.family,
                    "stage": stage.value,
                    "company_id": self.companies[p.company].id if p.company is not None else None,
                    "industry_node_id": ref.industries.get(p.industry or ""),
                    "chain_link_id": ref.node_ids.get(p.link or ""),
                    "field_id": ref.fields[p.field],
                    "total_investment_wan": p.total,
                    "fixed_asset_investment_wan": _floor_to(
                        p.total * Decimal(self.rng.uniform(0.7, 0.92)), Decimal(100)
                    )
                    if signed
                    else None,
                    "foreign_investment_usd_wan": _floor_to(
                        p.total / Decimal("6.45") * Decimal(self.rng.uniform(0.3, 0.8)), Decimal(10)
                    )
                    if p.foreign
                    else None,
                    "land_mu": p.land_mu,
                    "location": p.location,
                    "unit_id": ref.units[p.unit],
                    "leader_in_charge": p.leader,
                    "task_force_id": self.task_forces[p.task_force]["id"]
                    if p.task_force is not None
                    else None,
                    "expected_revenue_wan": p.revenue,
                    "expected_tax_wan": p.tax,
                    "jobs": p.jobs,
                    "construction_content": p.content,
                    "notes": p.notes,
                    "source_visit_id": self.visits[p.visit]["id"] if p.visit is not None else None,
                }
            )
            for s, d, note in history:
                event_rows.append(
                    {
                        "id": new_id(),
                        "project_id": p.id,
                        "stage": s.value,
                        "occurred_on": d,
                        "note": note,
                        "recorded_by": recorder,
                        "signed_investment_wan": p.total if s is Stage.SIGNED else None,
                    }
                )
        funds_rows = [
            {
                "id": r["id"],
                "project_id": r["project"].id,
                "received_on": r["received_on"],
                "amount_wan": r["amount_wan"],
                "fdi_usd_wan": r["fdi_usd_wan"],
                "note": r["note"],
            }
            for r in self.funds
        ]
        plan_rows = []
        monthly_rows = []
        for p in self.specs:
            for year, plan in ((2021, p.plan21), (2022, p.plan22)):
                if plan is not None:
                    plan_rows.append(
                        {
                            "id": new_id(),
                            "project_id": p.id,
                            "year": year,
                            "planned_investment_wan": plan.planned,
                            "is_new_start": plan.new_start,
                            "planned_start_month": plan.start_month,
                        }
                    )
            for (year, month), amount in p.monthly.items():
                monthly_rows.append(
                    {
                        "id": new_id(),
                        "project_id": p.id,
                        "year": year,
                        "month": month,
                        "completed_wan": amount,
                    }
                )
        problem_rows = [
            {
                "id": r["id"],
                "project_id": r["project"].id if r["project"] is not None else None,
                "task_force_id": r["task_force_id"],
                "meeting_id": r["meeting_id"],
                "raised_on": r["raised_on"],
                "category": r["category"],
                "description": r["description"],
                "unit_id": r["unit_id"],
                "responsible_person": r["responsible_person"],
                "deadline": r["deadline"],
                "status": r["status"],
                "resolution": r["resolution"],
                "resolved_on": r["resolved_on"],
                "source": r["source"],
            }
            for r in self.problems
        ]
        trip_rows = self.trips
        tables: list[tuple[type[Any], list[dict[str, Any]]]] = [
            (StaffUser, self.staff_rows),
            (Company, company_rows),
            (Contact, contact_rows),
            (Trip, trip_rows),
            (TripMember, self.trip_members),
            (Visit, visit_rows),
            (TaskForce, self.task_forces),
            (TaskForceUnit, self.task_force_units),
            (Project, project_rows),
            (ProjectStageEvent, event_rows),
            (FundsInPlace, funds_rows),
            (KeyProjectPlan, plan_rows),
            (MonthlyInvestment, monthly_rows),
            (WeeklyMeeting, self.meetings),
            (Problem, problem_rows),
        ]
        for model, rows in tables:
            if rows:
                session.execute(insert(model), rows)
        session.flush()
        return DemoSummary(
            projects=len(project_rows),
            stage_events=len(event_rows),
            companies=len(company_rows),
            contacts=len(contact_rows),
            staff_users=len(self.staff_rows),
            trips=len(trip_rows),
            trip_members=len(self.trip_members),
            visits=len(visit_rows),
            funds_records=len(funds_rows),
            key_plans=len(plan_rows),
            monthly_investments=len(monthly_rows),
            task_forces=len(self.task_forces),
            weekly_meetings=len(self.meetings),
            problems=len(problem_rows),
        )

    def build(self) -> None:
        self.build_staff()
        self.build_2020()
        self.build_2021()
        self.build_2022()
        self.build_pipeline()
        self.build_key()
        self.amounts()
        self.build_trips()
        self.build_companies()
        self.build_attributes()
        self.build_plans()
        self.build_task_forces()
        self.build_funds()
        self.build_problems()
        self.verify()


_PIPE = tuple(s.value for s in Stage if s is not Stage.DROPPED)


def generate_demo_data(session: Session, *, seed: int = DEFAULT_SEED) -> DemoSummary:
    """Write the demo dataset into ``session``'s database, which must hold no project yet.

    The database must be migrated and seeded with the shipped reference data. The caller
    commits (``Database.session()`` does so on success). ``app_meta`` records the demo's
    "today" (``demo_as_of`` = ``DEMO_AS_OF``) and the seed. Raises ``DemoDataError`` if the
    database already holds a project or its reference data is not what the dataset needs.
    """
    if session.scalar(select(Project.id).limit(1)) is not None:
        raise DemoDataError("数据库中已有项目，演示数据只能写入没有项目的数据库")
    ref = _Ref.load(session)
    generator = _Generator(random.Random(seed), ref)
    generator.build()
    summary = generator.write(session)
    # Lets the program date a demo database's reports "today" = DEMO_AS_OF, not the clock.
    session.merge(AppMeta(key=META_AS_OF, value=DEMO_AS_OF.isoformat()))
    session.merge(AppMeta(key=META_SEED, value=str(seed)))
    session.flush()
    return summary
