"""统一社会信用代码: GB 32100 check character, cleaning, Chinese messages."""

import random

import pytest

from jianan_desk.domain.uscc import (
    CHARSET,
    UsccError,
    check_char,
    clean_uscc,
    is_valid_uscc,
    validate_uscc,
)
from jianan_desk.services.demo.companies import draw_uscc

VALID = [
    "91350100M000100Y43",  # the standard's worked example
    "91440300708461136T",  # 华为技术有限公司
    "91330000142916567N",
    "914403001922038216",
]


@pytest.mark.parametrize("code", VALID)
def test_valid_codes(code):
    assert validate_uscc(code) == code
    assert is_valid_uscc(code)
    assert check_char(code[:17]) == code[17]


def test_cleaning_full_width_lower_case_spaces_and_dashes():
    assert validate_uscc(" ９１３５０１００ｍ０００１００ｙ４３ ") == "91350100M000100Y43"
    assert validate_uscc("9135-0100 M000-100Y43") == "91350100M000100Y43"
    assert clean_uscc(None) == ""


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_empty_is_none(empty):
    assert validate_uscc(empty) is None
    assert not is_valid_uscc(empty)


def test_wrong_check_character_names_the_expected_one():
    with pytest.raises(UsccError) as info:
        validate_uscc("91350100M000100Y44")
    assert "校验位错误" in str(info.value) and "应为 3" in str(info.value)


def test_every_single_character_change_of_the_check_is_caught():
    code = VALID[1]
    for ch in CHARSET:
        if ch != code[17]:
            assert not is_valid_uscc(code[:17] + ch)


def test_transposed_digits_are_caught():
    code = VALID[0]
    swapped = code[:2] + code[3] + code[2] + code[4:]
    assert swapped != code and not is_valid_uscc(swapped)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("91350100M000100Y4", "应为18位，当前为17位"),
        ("91350100M000100Y433", "应为18位，当前为19位"),
        ("91350100M0001O0Y43", "无效字符：O"),
        ("9135010IM000100Y43", "无效字符：I"),
        ("91ABCDEFM000100Y43", "行政区划代码"),
    ],
)
def test_malformed_codes_have_clear_messages(code, message):
    with pytest.raises(UsccError) as info:
        validate_uscc(code)
    assert message in str(info.value)


def test_demo_generator_agrees():
    rng = random.Random(7)
    for _ in range(200):
        assert is_valid_uscc(draw_uscc(rng, "411003"))
