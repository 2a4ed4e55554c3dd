"""The wording of problems raised about projects and companies, and of their resolutions.

``PROBLEM_TEXTS`` are templates per problem category for project problems (weekly meetings,
task forces); ``ENTERPRISE_TEXTS`` are 万人助企 company problems with the units that handle
them; ``PROBLEM_UNITS`` says which units handle a project problem of each category. Data
only, used by ``problems`` (and checked against the database by ``reference``).
"""

from __future__ import annotations

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
