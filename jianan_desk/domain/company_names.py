"""THE company-name normalisation: one function, used for duplicate detection everywhere.

``normalize_company_name`` reduces a registered name to what tells companies apart:

1. NFKC (full-width → half-width: ``（深圳）`` → ``(深圳)``, ``ＡＢＣ`` → ``ABC``), casefold;
2. bracketed parts that name a place (``(深圳)``, ``(中国)``, ``【苏州】``), a legal form
   (``(集团)``, ``(有限合伙)``) or a Latin name beside a Chinese one are dropped; other
   brackets lose only the bracket marks;
3. spaces, punctuation and symbols are removed (``·``, ``&``, ``.``, ``-``…);
4. a leading place prefix is removed: province and/or city with its 省/市/自治区 suffix
   (``广东省深圳市``, ``深圳市``, ``许昌市建安区``), a county/district after such a city;
   A bare province or city name (no 省/市) is removed too when at least
   ``MIN_BARE_REST`` characters remain: 南京三佳精密传动科技 → 三佳精密传动科技, but
   北京银行 stays 北京银行;
5. trailing legal-form suffixes are removed, repeatedly (``集团股份有限公司``,
   ``有限责任公司``, ``有限公司``, ``股份公司``, ``公司``, ``集团``; Latin ``co., ltd.``,
   ``inc.``, ``gmbh``… after a space or punctuation).

If nothing would be left, the folded name is returned instead.
"""

from __future__ import annotations

import re
import unicodedata

from jianan_desk.domain.search import search_key

# Provinces and autonomous regions (names without their suffix), and cities that
# commonly prefix company names; any "<2–4 hanzi>市" after a province is also a city.
PROVINCES = (  # noqa: SIM905 (readable as a list of words)
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北"
    " 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
).split()
CITIES = (  # noqa: SIM905
    "北京 天津 上海 重庆 深圳 广州 佛山 东莞 珠海 中山 惠州 江门 汕头 湛江 杭州 宁波 温州"
    " 绍兴 嘉兴 湖州 金华 台州 义乌 南京 苏州 无锡 常州 南通 扬州 徐州 昆山 泰州 镇江 盐城"
    " 合肥 芜湖 福州 厦门 泉州 南昌 济南 青岛 烟台 潍坊 临沂 郑州 洛阳 许昌 开封 新乡 焦作"
    " 安阳 鹤壁 濮阳 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 平顶山 济源 长葛 禹州 武汉"
    " 长沙 株洲 成都 绵阳 西安 昆明 贵阳 南宁 海口 三亚 沈阳 大连 长春 哈尔滨 石家庄 保定"
    " 唐山 太原 呼和浩特 兰州 银川 西宁 乌鲁木齐 拉萨 香港 澳门 台北"
).split()
COUNTRY_WORDS = ("中国", "中国大陆", "中华", "亚洲", "亚太", "大中华")

LEGAL_SUFFIXES = (
    "集团股份有限公司",
    "集团有限责任公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "股份公司",
    "集团公司",
    "总公司",
    "公司",
    "集团",
    "有限合伙",
    "合伙企业",
)
# Latin legal forms, removed at the end of the name after a space or punctuation.
_LATIN_SUFFIX = re.compile(
    r"(?:^|[\s,.&]+)(?:co\.?,?\s*ltd|company\s+limited|limited|ltd|inc|incorporated"
    r"|corporation|corp|llc|gmbh|ag|se|s\.?a|plc|b\.?v|n\.?v|pte\.?\s*ltd|pte|group"
    r"|holdings?|co)\.?\s*$"
)
MIN_BARE_REST = 4  # a bare place name (no 省/市) is a prefix only if this much is left
# Bracketed words that are legal forms rather than part of the name.
BRACKET_LEGAL = ("集团", "有限合伙", "普通合伙", "特殊普通合伙", "股份", "控股")

_BRACKETED = re.compile(
    r"[(\[{【〔〖「『<《]([^()\[\]{}【】〔〕〖〗「」『』<>《》]*)[)\]}】〕〗」』>》]"
)
_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_NOT_WORD = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff]+")
_PROVINCE_RE = re.compile(
    "^(?:" + "|".join(sorted(PROVINCES, key=len, reverse=True)) + ")(?:省|市|自治区|壮族自治区"
    "|回族自治区|维吾尔自治区|特别行政区)?"
)
_CITY_RE = re.compile("^(?:" + "|".join(sorted(CITIES, key=len, reverse=True)) + ")市")
_BARE_CITY_RE = re.compile("^(?:" + "|".join(sorted(CITIES, key=len, reverse=True)) + ")")
_ANY_CITY_RE = re.compile(r"^[\u4e00-\u9fff]{2,4}?市")
_DISTRICT_RE = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?:区|县)(?=[\u4e00-\u9fff]{2})")
_PLACE_WORDS = frozenset(PROVINCES) | frozenset(CITIES) | frozenset(COUNTRY_WORDS)


def _is_place(text: str) -> bool:
    t = text
    for suffix in ("特别行政区", "自治区", "省", "市", "区", "县"):
        if t.endswith(suffix) and len(t) > len(suffix):
            t = t[: -len(suffix)]
            break
    return t in _PLACE_WORDS or bool(re.fullmatch(r"[\u4e00-\u9fff]{2,4}(?:市|区|县|省)", text))


def _drop_brackets(text: str) -> str:
    has_hanzi = bool(_HANZI.search(_BRACKETED.sub("", text)))

    def repl(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        if not inner or _is_place(inner) or inner in BRACKET_LEGAL:
            return ""
        if has_hanzi and not _HANZI.search(inner):
            return ""  # a Latin name beside the Chinese one: 均胜电子（Joyson）
        return inner

    previous = None
    while previous != text:
        previous, text = text, _BRACKETED.sub(repl, text)
    return text


def _strip_place_prefix(text: str) -> str:
    rest = text
    province = False
    m = _PROVINCE_RE.match(rest)
    if m and m.end() < len(rest):
        suffixed = m.group(0) not in PROVINCES
        if suffixed or len(rest) - m.end() >= MIN_BARE_REST:
            rest, province = rest[m.end() :], True
    m = _CITY_RE.match(rest) or (_ANY_CITY_RE.match(rest) if province else None)
    if m and m.end() < len(rest):
        rest = rest[m.end() :]
        d = _DISTRICT_RE.match(rest)
        if d and d.end() < len(rest):
            rest = rest[d.end() :]
        return rest
    m = _BARE_CITY_RE.match(rest)
    if m and len(rest) - m.end() >= MIN_BARE_REST:
        rest = rest[m.end() :]
    return rest


def _strip_latin_suffix(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        m = _LATIN_SUFFIX.search(text)
        if m and m.start() > 0:
            text = text[: m.start()]
    return text


def _strip_legal_suffix(text: str) -> str:
    changed = True
    while changed:
        changed = False
        for suffix in LEGAL_SUFFIXES:
            if text.endswith(suffix) and len(text) - len(suffix) >= 2:
                text = text[: -len(suffix)]
                changed = True
                break
    return text


def normalize_company_name(name: str | None) -> str:
    """The key two names of one company share (see the module's docstring)."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = text.replace("（", "(").replace("）", ")")
    text = _drop_brackets(text)
    text = _strip_latin_suffix(text)
    text = _NOT_WORD.sub("", text)
    folded = text
    if not text:
        return ""
    text = _strip_legal_suffix(text)
    text = _strip_place_prefix(text)
    text = _strip_legal_suffix(text)
    return text or folded


def company_search_key(
    name: str | None, city: str | None, uscc: str | None, tags: str | None
) -> str:
    """A company's search key: name and city with pinyin; USCC and tags as text."""
    return search_key(name, city, text_only=(uscc, tags))
