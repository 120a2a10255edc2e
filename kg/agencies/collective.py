"""Recognise collective agents (各区县政府, 国务院相关部门, 市级有关部门 …) by their shape.

A collective agent names a group of bodies, not one body: a quantifier (各/有关/相关/其他 …),
a plural place noun (区县, 市州) in front of a body word, a generic role noun (主管部门,
承担单位, 成员单位) or a trailing 等.  None of these shapes occurs in the official name of a single
body, so the check runs on the text alone, with no list of known collectives.
"""

from __future__ import annotations

import re

_QUANTIFIER_START = re.compile(r"^(?:各|有关|相关|其他|其它|部分|所属|下属|全体|涉及|所在|属地|当地|本级)")
_QUANTIFIER_ANYWHERE = re.compile(
    r"各|(?:有关|相关|其他|其它)(?:部门|单位|方面|机构|地区|区县|市州|市县|企业|银行|行业|处室|科室|院所|高校)"
)
_PLURAL_PLACE = re.compile(
    r"(?:区县|市州|市县|县市|区市县|县区|乡镇|镇街|街镇|城区|地区|地方)(?:（[^）]*）)?(?:人民)?(?:政府|党委|部门|管委会)"
)
_BARE_PLURAL_PLACE = re.compile(r"^(?:(?:市|省|区|县)级)?(?:区县|市州|市县|县区|乡镇|镇街)(?:（[^）]*）)?$")
_LEVEL_OWNED = re.compile(r"^(?:中央|国家|省|市|区|县|州)(?:属|级|直)(?!.*(?:局|委|厅|办|部|署|政府)$)")
_GENERIC_ROLE_END = re.compile(r"(?:部门|单位|机构|院所|高校|企业|处室|科室|成员单位|等)$")


def is_collective(name: str) -> bool:
    """True when ``name`` (a normalised surface) denotes a group of bodies."""
    if not name:
        return False
    return bool(
        _QUANTIFIER_START.search(name)
        or _QUANTIFIER_ANYWHERE.search(name)
        or _PLURAL_PLACE.search(name)
        or _BARE_PLURAL_PLACE.search(name)
        or _LEVEL_OWNED.search(name)
        or _GENERIC_ROLE_END.search(name)
    )


_PAREN_RE = re.compile(r"（[^）]*）")


def collective_key(name: str) -> str:
    """The part of a collective's name that identifies it: asides and 人民 dropped.

    ``各区县（自治县，以下简称区县）政府`` and ``各区县（自治县）政府`` are the same group.
    """
    return _PAREN_RE.sub("", name).replace("人民政府", "政府")
