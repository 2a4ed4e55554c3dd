"""Fixed word tables the demo draws names from: industries, places, companies, people.

Chain links with their project-name templates and company words, the cities companies come
from (with the codes their USCC needs), locations inside the district, company brands
(and brands never to be made up), surnames and given names, contact titles, the district's
fictional leaders, chiefs and staff, and the reasons a lead is dropped or was found.

Only data and ``parse_table`` (which reads the "a | b | c" tables kept here and in
``district``); no randomness. Changing any entry changes the generated dataset.
"""

from __future__ import annotations

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


def parse_table(text: str) -> list[list[str]]:
    """Rows of a "a | b | c" text table, cells stripped."""
    return [[c.strip() for c in line.split("|")] for line in text.strip().splitlines()]


LINK_TEMPLATES: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
for _link, _template, _choices in parse_table(_LINK_TEMPLATE_TABLE):
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
    for link, words in parse_table(_LINK_WORD_TABLE)
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
