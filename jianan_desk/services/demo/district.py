"""The district's own fixed programme: signing days, government projects, task forces, trips.

- ``SIGNING_DAYS``: the days of the quarterly concentrated signing ceremonies;
- ``BLUEPRINTS``: key projects that are not one company's plant (schools, roads, parks…),
  each with its 5122 field, chain link, investment range, responsible unit and owner;
- ``TASK_FORCES``: the 专班, their units and which key projects each one follows;
- ``TRIPS``: the outbound investment-promotion trips and the industries they sought, and
  ``CITY_INDUSTRIES``: which industries a visit in each trip city is about.

Data only; the task-force rules are read by ``task_forces.follows``.
"""

from __future__ import annotations

import datetime as dt

from jianan_desk.services.demo.vocab import INDUSTRIES, parse_table

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
    for name, field_code, link, lo, hi, unit, owner in parse_table(_BLUEPRINT_TABLE)
)  # fmt: skip

GOV_CONTENT: dict[str, str] = {
    "social": "新建教学（业务）用房、综合楼及配套设施，总建筑面积约{area}万平方米。",
    "urbanization": "实施征迁安置、道路管网及公共配套设施建设，总建筑面积约{area}万平方米。",
    "agriculture": "实施土地整治、灌排渠系、田间道路及生态修复工程。",
    "services": "建设仓储、交易、办公及配套服务设施，总建筑面积约{area}万平方米。",
    "manufacturing": "建设标准化厂房及研发、仓储、配套用房，总建筑面积约{area}万平方米。",
}


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
    for name, lead, members, rule in parse_table(_TASK_FORCE_TABLE)
)


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
TripPlan = tuple[str, dt.date, dt.date, tuple[str, ...], tuple[int, ...], tuple[str, ...], int]
TRIPS: tuple[TripPlan, ...] = tuple(
    (
        title,
        dt.date.fromisoformat(dates.split()[0]),
        dt.date.fromisoformat(dates.split()[1]),
        tuple(cities.split()),
        tuple(int(i) for i in leaders.split()),
        INDUSTRIES if focus == "*" else tuple(focus.split()),
        int(visits),
    )
    for title, dates, cities, leaders, focus, visits in parse_table(_TRIP_TABLE)
)
# The industries a visit in a trip city is about (else the trip's focus).
CITY_INDUSTRIES = {
    "深圳": ("electronic", "auto", "environment"),
    "佛山": ("environment", "food", "auto"),
    "南京": ("auto", "biomed", "electronic"),
    "杭州": ("biomed", "hair", "electronic"),
}
