"""Masking personal information."""

import pytest

from jianan_desk.domain.masking import mask_email, mask_mobile, mask_name, mask_text, mask_wechat


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("13812345678", "138****5678"),
        ("138 1234 5678", "138****5678"),
        ("138-1234-5678", "138****5678"),
        ("＋86 13812345678", "+86 138****5678"),
        ("+8613812345678", "+86 138****5678"),
        ("0374-5123456", "0374-***3456"),
        ("037455123456", "0374-****3456"),
        ("12345", "*2345"),
        ("123", "***"),
        ("", ""),
        (None, ""),
    ],
)
def test_mobile(raw, masked):
    assert mask_mobile(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("zhangsan@example.com", "z******n@example.com"),
        ("ab@x.cn", "a*@x.cn"),
        ("a@x.cn", "*@x.cn"),
        ("not-an-email", "n**********l"),
        ("", ""),
    ],
)
def test_email(raw, masked):
    assert mask_email(raw) == masked


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("wxid_ab12cd", "wx*******cd"),
        ("abc", "a**"),
        ("13812345678", "138****5678"),
        ("", ""),
    ],
)
def test_wechat(raw, masked):
    assert mask_wechat(raw) == masked


def test_name_and_text():
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_text("秘密信息") == "秘**息"
    assert mask_name("") == ""


def test_masked_values_never_contain_the_middle_digits():
    for number in ("13812345678", "+86 139-8765-4321"):
        assert "1234" not in mask_mobile(number) or number.endswith("1234")
