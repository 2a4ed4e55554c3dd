"""The one company-name normalisation: pairs that are one company, pairs that are not."""

import pytest

from jianan_desk.domain.company_names import company_search_key, normalize_company_name

SAME = [
    ("华为技术有限公司", "华为技术（深圳）有限公司"),
    ("华为技术有限公司", "深圳市华为技术有限公司"),
    ("华为技术有限公司", "华为技术(深圳)有限公司"),
    ("华为技术有限公司", "华为技术 有限公司"),
    ("腾讯科技有限公司", "广东省深圳市南山区腾讯科技有限公司"),
    ("腾讯科技（深圳）有限公司", "深圳市腾讯科技有限责任公司"),
    ("瑞贝卡发制品股份有限公司", "河南瑞贝卡发制品股份有限公司"),
    ("瑞贝卡发制品股份有限公司", "许昌瑞贝卡发制品有限公司"),
    ("瑞贝卡（集团）股份有限公司", "瑞贝卡集团有限公司"),
    ("美的集团股份有限公司", "美的集团有限公司"),
    ("美的集团股份有限公司", "美的集团"),
    ("三佳精密传动科技有限公司", "南京三佳精密传动科技有限公司"),
    ("三佳精密传动科技有限公司", "三佳（南京）精密传动科技有限公司"),
    ("三佳精密传动科技有限公司", "南京市三佳精密传动科技有限公司"),
    ("三佳精密传动科技有限公司", "江苏省南京市三佳精密传动科技有限公司"),
    ("汇川技术有限公司", "苏州汇川技术有限公司"),
    ("汇川技术有限公司", "汇川技术（苏州）有限公司"),
    ("海康威视数字技术股份有限公司", "杭州海康威视数字技术股份有限公司"),
    ("格力电器有限公司", "格力电器（中国）有限公司"),
    ("ABC科技股份有限公司", "ＡＢＣ 科技 股份有限公司"),
    ("ABC科技股份有限公司", "abc科技有限公司"),
    ("均胜电子股份有限公司", "宁波均胜电子股份有限公司（Joyson）"),
    ("长安汽车股份有限公司", "重庆长安汽车股份有限公司"),
    ("三佳精密有限公司", "许昌市建安区三佳精密有限公司"),
    ("三佳精密有限公司", "河南省许昌市三佳精密有限公司"),
    ("比亚迪股份有限公司", "比亚迪有限公司"),
    ("比亚迪股份有限公司", "比亚迪股份公司"),
    ("万向节制造有限公司", "万向节制造【佛山】有限公司"),
    ("Foxconn Technology Co., Ltd.", "FOXCONN TECHNOLOGY CO.,LTD"),
    ("Foxconn Technology Co., Ltd.", "Foxconn Technology Limited"),
    ("Apple Inc.", "APPLE INC"),
    ("Robert Bosch GmbH", "Robert Bosch"),
    ("Siemens AG", "SIEMENS"),
    ("中原发制品合伙企业（有限合伙）", "中原发制品合伙企业"),
    ("宇通客车股份有限公司", "郑州宇通客车股份有限公司"),
    ("宇通客车股份有限公司", "宇通客车股份有限公司\u3000"),
    ("双汇发展股份有限公司", "漯河双汇发展股份有限公司"),
]

DIFFERENT = [
    ("北京银行股份有限公司", "银行股份有限公司"),
    ("上海银行股份有限公司", "北京银行股份有限公司"),
    ("华为技术有限公司", "华为终端有限公司"),
    ("三佳精密传动科技有限公司", "三佳精密机械有限公司"),
    ("家乐超市有限公司", "乐超市有限公司"),
    ("瑞贝卡发制品股份有限公司", "瑞贝卡假发有限公司"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_one_company(a, b):
    assert normalize_company_name(a) == normalize_company_name(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_two_companies(a, b):
    assert normalize_company_name(a) != normalize_company_name(b)


def test_at_least_thirty_pairs():
    assert len(SAME) >= 30


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("华为技术（深圳）有限公司", "华为技术"),
        ("北京银行股份有限公司", "北京银行"),
        ("ＡＢＣ 科技 股份有限公司", "abc科技"),
        ("公司", "公司"),  # nothing would be left: the folded name
        ("", ""),
        (None, ""),
    ],
)
def test_values(name, expected):
    assert normalize_company_name(name) == expected


def test_idempotent():
    for a, _ in SAME:
        n = normalize_company_name(a)
        assert normalize_company_name(n) == n, (a, n)


def test_search_key_has_pinyin_and_code_as_text():
    key = company_search_key("三佳精密传动科技有限公司", "南京", "91350100M000100Y43", "")
    assert "sanjia" in key and "sj" in key and "nanjing" in key
    assert "91350100m000100y43" in key
