import pytest

from jianan_desk.domain.search import (
    ALTERNATES,
    char_readings,
    fold,
    matches,
    pinyin_forms,
    project_search_key,
    project_search_text,
    query_terms,
    search_key,
    text_only_term,
)

SANJIA = "许昌汽车零部件产业园三佳1000万套万向节总成项目"


def test_fold_makes_full_width_half_width_lowercase_and_spaceless():
    assert fold("ＳＪ") == "sj"
    assert fold(" San　Jia ") == "sanjia"  # ideographic space too
    assert fold("ＡＢＣ１２３") == "abc123"
    assert fold(None) == ""
    assert fold("三佳") == "三佳"


def test_query_terms_split_on_any_whitespace():
    assert query_terms("三佳　万向节") == ["三佳", "万向节"]
    assert query_terms("  ") == []
    assert query_terms(None) == []


@pytest.mark.parametrize(
    "query", ["sj", "sanjia", "三佳", "ＳＪ", "SanJia", "San Jia", "三佳 万向节"]
)
def test_sanjia_is_found_by_text_pinyin_initials_and_full_width(query):
    key = project_search_key(SANJIA, "南京三佳精密传动科技有限公司", "尚集产业集聚区", "")
    assert matches(key, query)


def test_pinyin_forms_full_and_initials_with_digits_kept_whole():
    forms = pinyin_forms(SANJIA)
    assert forms[0] == "xuchangqichelingbujianchanyeyuansanjia1000wantaowanxiangjiezongchengxiangmu"
    assert forms[1] == "xcqclbjcyysj1000wtwxjzcxm"
    assert pinyin_forms("ABC") == []  # nothing to add to the folded text
    assert pinyin_forms("") == []


def test_phrase_readings_of_polyphonic_characters():
    assert pinyin_forms("重庆")[0] == "chongqing"
    assert pinyin_forms("银行")[0] == "yinhang"
    assert pinyin_forms("重点项目")[0] == "zhongdianxiangmu"


def test_alternative_reading_of_common_polyphonic_characters():
    forms = pinyin_forms("长葛")
    assert "changge" in forms and "zhangge" in forms
    assert "cg" in forms and "zg" in forms
    assert "xiamen" in "".join(pinyin_forms("厦门"))


def test_rare_readings_are_left_out():
    # 许 can be read hu and 万 mo, but nobody types them: they must not widen matches
    key = search_key("许昌万达")
    assert "huchang" not in key and "mo" not in key.replace("许昌万达", "")


def test_umlaut_is_typed_v():
    assert pinyin_forms("绿色")[0] == "lvse"


def test_notes_are_text_only_and_parts_do_not_run_together():
    key = project_search_key("三佳", "", "尚集", "签约后三个月内开工")
    assert matches(key, "三个月")
    assert not matches(key, "sgy")  # no initials for notes
    assert not matches(key, "sanjiashangji")  # parts are separate


def test_empty_query_matches_everything_and_every_term_must_match():
    key = search_key("三佳")
    assert matches(key, "")
    assert not matches(key, "三佳 万向节")


def test_alternates_table_uses_real_readings():
    for ch, readings in ALTERNATES.items():
        assert len(ch) == 1 and len(readings) >= 2
        assert set(readings) <= set(char_readings(ch)), ch


def test_keys_of_many_projects_are_distinct_and_complete():
    """Keys are computed per project (speed is measured by benchmarks/bench_excel.py)."""
    parts = (SANJIA, "南京三佳精密传动科技有限公司", "尚集产业集聚区", "备注")
    keys = {project_search_key(f"{SANJIA}{i}", *parts[1:]) for i in range(200)}
    assert len(keys) == 200
    assert all("sanjia" in key and "nanjing" in key for key in keys)


def test_tables_are_built_from_pypinyins_own_dictionaries():
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    from jianan_desk.domain.search import _pypinyin_dicts

    chars, phrases = _pypinyin_dicts()
    assert chars == pinyin_dict
    assert phrases == phrases_dict


def test_translate_fallback_remembers_what_it_kept():
    from jianan_desk.domain.search import _Keep

    table = _Keep({ord("三"): "san"})
    assert "三Ａb1-中".translate(table) == "sanb1"  # Ａ is not ASCII: folded text has a
    assert table[ord("b")] == "b" and table[ord("-")] is None  # remembered
    assert "三Ａb1-中".translate(table) == "sanb1"


def test_keys_are_stable_across_cache_fills():
    corpus = [
        "重庆银行长葛支行", "长葛市", "Ａｂｃ１２３有限公司", "许昌 2024年 项目", "厦门·朴园",
        "绿色ü材料", "乐山乐器", "单县 单位", "ABC-9 期", "覃氏", "。，！", "",
    ]  # fmt: skip
    first = [project_search_key(t, t[:3], t[-2:], t) for t in corpus]
    again = [project_search_key(t, t[:3], t[-2:], t) for t in corpus]
    assert first == again
    # the key as it was before the tables were cached (verified on 60,000 random texts)
    assert search_key(corpus[0]) == (
        "重庆银行长葛支行 chongqingyinhangzhanggezhixing cqyhzgzx "
        "zhongqingyinxingchanggezhihang zqyxcgzh"
    )


def test_search_text_is_the_key_s_text_parts_without_pinyin():
    text = project_search_text("三佳 万向节", "ＡＢＣ有限公司", "", "签约后\n三个月")
    assert text == "三佳万向节 abc有限公司 签约后三个月"
    key = project_search_key("三佳 万向节", "ＡＢＣ有限公司", "", "签约后\n三个月")
    assert all(part in key.split(" ") for part in text.split(" "))
    assert project_search_text(None, "", None, "") == ""


def test_pinyin_forms_hold_only_latin_letters_and_digits():
    """``text_only_term``'s premise, over every reading of every character."""
    from jianan_desk.domain.search import _tables

    readings = {r for rs in _tables().readings.values() for r in rs}
    assert readings and all(r.isascii() and r.isalnum() for r in readings)


@pytest.mark.parametrize(
    "parts",
    [
        ("三佳1000万套万向节总成项目", "南京三佳精密传动科技有限公司", "尚集产业集聚区", ""),
        ("ABC-汽车·零部件（二期）", "Café 重庆銀行", "长葛", "备注：5亿元，2022.3 签约"),
        ("喆达精工", "", "", "长沙 重庆 行长"),  # readings with exceptions (长, 重, 行)
    ],
)
def test_a_text_only_term_matches_the_key_exactly_when_it_matches_the_text(parts):
    key = project_search_key(*parts)
    text = project_search_text(*parts)
    # every substring of the key's parts, and some that are in no part
    terms = {
        p[i:j] for p in key.split(" ") for i in range(len(p)) for j in range(i + 1, len(p) + 1)
    }
    terms |= {"喆x", "·", "-汽", "caf", "é重", "zhang", "5亿", "2022.3"}
    checked = 0
    for term in terms:
        if text_only_term(term):
            checked += 1
            assert (term in key) == (term in text), term
    assert checked > 20
    assert text_only_term("喆") and text_only_term("a-b") and text_only_term("3.5")
    assert not text_only_term("sanjia") and not text_only_term("sj2")
