"""Search keys for Chinese names: full pinyin and initials, surnames read as surnames.

pypinyin reads a name like any other text, so 单 comes out ``dan``, 曾 ``ceng``, 解 ``jie``.
A name's first character (or first two, for compound surnames) is a surname and has its own
reading; the table below holds the common polyphonic ones (百家姓 readings as given by the
现代汉语词典). The rest of the name is read by pypinyin with its phrase dictionary.
"""

from __future__ import annotations

import functools
import re

# Single-character surnames whose surname reading differs from pypinyin's default.
SURNAME_READINGS: dict[str, str] = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha",
    "盖": "ge", "尉": "wei", "乐": "yue", "缪": "miao", "折": "she", "覃": "qin", "翟": "zhai",
    "员": "yun", "宓": "mi", "秘": "bi", "繁": "po", "种": "chong", "召": "shao", "隗": "wei",
    "句": "gou", "黑": "he", "谌": "chen", "长": "chang", "柏": "bai", "贲": "ben", "薄": "bo",
    "阚": "kan", "逄": "pang", "藏": "zang", "祭": "zhai", "重": "chong", "褚": "chu",
    "都": "du", "费": "fei", "纪": "ji", "角": "jue", "乜": "nie", "厍": "she", "冼": "xian",
    "洗": "xian", "相": "xiang", "应": "ying", "臧": "zang", "能": "nai", "那": "na", "过": "guo",
    "车": "che", "卜": "bu", "万": "wan", "沈": "shen", "石": "shi", "任": "ren", "华": "hua",
    "燕": "yan", "强": "qiang", "朝": "chao", "哈": "ha", "葛": "ge", "叶": "ye", "貟": "yun",
    "莘": "shen", "晟": "cheng", "铅": "yan", "阿": "a", "占": "zhan", "称": "cheng",
}

# Compound surnames (复姓), read as a pair; only taken as such in names of three or more.
COMPOUND_SURNAMES: dict[str, str] = {
    "欧阳": "ou yang", "上官": "shang guan", "司马": "si ma", "诸葛": "zhu ge", "尉迟": "yu chi",
    "万俟": "mo qi", "单于": "chan yu", "长孙": "zhang sun", "令狐": "ling hu", "澹台": "tan tai",
    "皇甫": "huang fu", "公孙": "gong sun", "夏侯": "xia hou", "东方": "dong fang",
    "宇文": "yu wen", "慕容": "mu rong", "轩辕": "xuan yuan", "南宫": "nan gong", "司徒": "si tu",
    "太史": "tai shi", "端木": "duan mu", "百里": "bai li", "呼延": "hu yan", "闻人": "wen ren",
    "赫连": "he lian", "独孤": "du gu", "申屠": "shen tu", "公冶": "gong ye", "宗政": "zong zheng",
    "濮阳": "pu yang", "淳于": "chun yu", "钟离": "zhong li", "拓跋": "tuo ba", "第五": "di wu",
}

_NOT_KEY = re.compile(r"[^0-9a-z]+")
_NOT_DIGIT = re.compile(r"\D+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_han(text: str) -> bool:
    """True when ``text`` holds a Chinese character."""
    return bool(_HAN.search(text))


def split_surname(name: str) -> tuple[str, str]:
    """(surname, given name); compound surnames only in names of three characters or more."""
    name = name.strip()
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


@functools.lru_cache(maxsize=100_000)
def _syllables(text: str) -> tuple[str, ...]:
    # imported here: its dictionaries take a fifth of a second, kept off the start-up path
    from pypinyin import Style, lazy_pinyin

    out: list[str] = []
    for part in lazy_pinyin(text, style=Style.NORMAL, errors="default", v_to_u=False):
        key = _NOT_KEY.sub(" ", part.lower()).split()
        out.extend(key)
    return tuple(out)


@functools.lru_cache(maxsize=200_000)
def syllables(text: str, *, is_name: bool = False) -> tuple[str, ...]:
    """The pinyin syllables of ``text`` (lower case, no tones); latin words and digits as is.

    With ``is_name`` the first character (or compound) is read as a surname.
    """
    text = text.strip()
    if not text:
        return ()
    if is_name and has_han(text[:1]):
        surname, given = split_surname(text)
        reading = COMPOUND_SURNAMES.get(surname) or SURNAME_READINGS.get(surname)
        head = reading.split() if reading else _syllables(surname)
        return (*head, *_syllables(given))
    return tuple(_syllables(text))


@functools.lru_cache(maxsize=200_000)
def keys(text: str, *, is_name: bool = False) -> tuple[str, str]:
    """(full pinyin, initials) of a name or a unit: 单雄信 → ("shanxiongxin", "sxx")."""
    parts = syllables(text, is_name=is_name)
    return "".join(parts), "".join(p[0] for p in parts if p)


@functools.cache
def _other_surname_readings() -> tuple[tuple[str, str, str], ...]:
    """(surname, its reading in the keys, another reading) for every surname of the table whose
    character has more readings (pypinyin's heteronyms): 覃 qin and tan, 盖 ge and gai."""
    # imported here, as in _syllables: kept off the start-up path
    from pypinyin import Style, pinyin

    found = []
    for char, primary in SURNAME_READINGS.items():
        for reading in pinyin(char, style=Style.NORMAL, heteronym=True)[0]:
            other = _NOT_KEY.sub("", reading.lower())
            if other and other != primary:
                found.append((char, primary, other))
    return tuple(found)


def other_readings(key: str) -> list[tuple[str, str]]:
    """(surname, the key as the book stores it) for every polyphonic surname that ``key`` may
    begin with under another reading: ``tan`` → (覃, ``qin``), ``tz`` → (覃, ``qz``),
    ``gaiming`` → (盖, ``geming``). The search looks for the stored key among that surname's
    people, so a surname read either way finds them."""
    found: list[tuple[str, str]] = []
    for char, primary, other in _other_surname_readings():
        if key.startswith(other):  # full pinyin
            found.append((char, primary + key[len(other):]))
        if key[:1] == other[0] != primary[0]:  # initials
            found.append((char, primary[0] + key[1:]))
    return list(dict.fromkeys(found))


def digits(*numbers: str) -> str:
    """The digits of each number, space separated: "0576-8800 1234" → "057688001234"."""
    out = []
    for number in numbers:
        d = number if number.isdigit() else _NOT_DIGIT.sub("", number or "")
        if d and d not in out:
            out.append(d)
    return " ".join(out)
