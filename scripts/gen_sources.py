#!/usr/bin/env python3
"""Regenerate core/rules/source_documents.json from ../shared/reference: every source id a rule cites,
with the title and the public URL of the document it names.

Usage: scripts/gen_sources.py [REFERENCE_DIR]   (default ../shared/reference)

Where the ids and their documents come from:
- tencent/facts.md §0 (S01…, F01…, D01…) and its province list (P-BJ …): files under
  tencent/sources/, whose first line names the qcloud-documents path and commit. The public
  page is cloud.tencent.com/document/product/243/NNNN; NNNN is known where some reference file
  links to that page with the document's own title as link text. Otherwise (and for OLDER and
  DEPRECATED copies, which are no longer online) the URL is the file at its commit on GitHub.
- others/facts.md §7 (JD-…, HW-…, ALI-…, BD, XN, JSY, GKY): the citation's URL, or the file at
  its commit on GitHub.
- domain/tlds.json "sources" (TC2022, TC2020, QCBJ, V2FLY, MIIT2018).
- SEED: seed-access-filing.md is Tencent's 接入备案 guide (console version, 243/19024; its
  first line links the mini-program version, 243/37403).
- A few documents named only inside a pack row (registrars, the ID-number standards): EXTRA.

"aliases" map a citation that names a facts.md section (or a reference table) rather than an
id to the public document that section is built on; core/src/sources.rs resolves a row's
source by the first id it names, else the longest alias it starts with.
"""
import json, pathlib, re, sys, urllib.parse

ref = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
docs = {}
files = {}  # a reference file cited by its path -> its id


def gh(repo, path, commit="HEAD", tree=False):
    # Chinese path segments stay readable (browsers send them encoded); URL delimiters are escaped.
    path = "".join(urllib.parse.quote(c) if c in " &#?%" else c for c in path)
    return f"https://github.com/{repo}/{'tree' if tree else 'blob'}/{commit}/{path}"


def add(i, title, url, origin):
    assert url.startswith("https://"), (i, url)
    assert i not in docs, i
    docs[i] = {"title": title, "url": url, "origin": origin}


def heading(path):
    lines = path.read_text().splitlines()
    for line in lines[1:40]:
        if line.startswith("# "):
            return line[2:].strip().strip("*").strip()
    quoted = re.findall(r'\("([^"]+)"', lines[0])
    return quoted[0] if quoted else None


# Tencent: links whose text is a document's title give that document's page number.
pages = {}
for f in ref.rglob("*"):
    if f.is_file() and f.suffix in (".md", ".json"):
        for text, num in re.findall(r"\[([^\]]+)\]\(https://cloud\.tencent\.com/document/product/243/(\d+)", f.read_text()):
            pages.setdefault(text.strip(), set()).add(num)

facts = (ref / "tencent/facts.md").read_text()
tencent = {}
for i, file, status in re.findall(r"^\| (S\d\d[o]?|F\d\d|D\d\d) \| (\S+\.md) \| (.*?) \|$", facts, re.M):
    tencent[i] = (file, status)
prov_files = {p.name: p for p in (ref / "tencent/sources").iterdir()}
for code, leaf in re.findall(r"(P-[A-Z]{2}) [^…]*…__(\S+?\.md)", facts):
    match = [n for n in prov_files if n.endswith("__" + leaf) and "各省管局要求__" in n]
    assert len(match) == 1, (code, leaf, match)
    tencent[code] = (match[0], "current")
assert len([k for k in tencent if k.startswith("P-")]) == 31
for i, (file, status) in sorted(tencent.items()):
    first = (ref / "tencent/sources" / file).read_text().splitlines()[0]
    m = re.match(r"<!-- source: (\S+) (\S+) @ ([0-9a-f]+)", first)
    repo, path, commit = m.groups()
    leaf = path.rsplit("/", 1)[1].removesuffix(".md")
    old = "OLDER" in status or "older" in status or "DEPRECATED" in status or "OLDER" in first
    crumbs = " › ".join(path.removesuffix(".md").split("/")[2:])
    title = f"腾讯云文档 {crumbs}" + ("（旧版）" if old else "")
    nums = pages.get(leaf, set())
    # FAQ pages are linked by their questions, not their titles: only guides get a page number.
    guide = "/常见问题/" not in path
    url = f"https://cloud.tencent.com/document/product/243/{min(nums)}" if len(nums) == 1 and guide and not old else gh(repo, path, commit)
    add(i, title, url, f"{repo} {path} @ {commit}")
    files[f"tencent/sources/{file}"] = i

add("SEED", "腾讯云文档 网站备案 › 接入备案（控制台）", "https://cloud.tencent.com/document/product/243/19024",
    "reference/seed-access-filing.md (the request: Tencent Cloud's guide to 接入备案)")

# Other providers: others/facts.md §7.
others = (ref / "others/facts.md").read_text().split("## 7. Sources", 1)[1]
for i, cite, file in re.findall(r"^- \*\*([A-Z0-9-]+)\*\* — (.*?) — `(sources/[^`]+)`", others, re.M):
    urls = re.findall(r"https?://[^\s;()]+", cite)
    m = re.match(r"(\S+/\S+?)(?: \(.*?\))?, path (\S+)(?: \(.*?\))? @ ([0-9a-f]{8,40})", cite)
    m2 = re.match(r"(\S+/\S+?) @ ([0-9a-f]{40}), path (\S+)", cite)
    if m2:
        repo, commit, path = m2.groups()
        m = re.match(r"(.*)", path)  # leaf below
        url = gh(repo, path, commit)
        leafpath = path
    elif m and "<province>" not in cite:
        url = gh(m.group(1), m.group(2), m.group(3))
        leafpath = m.group(2)
    elif "<province>" in cite:  # JD-ADD: a folder of files at various commits
        m = re.match(r"(\S+/\S+?) \(.*?\), path (\S+)", cite)
        url = gh(m.group(1), m.group(2).rsplit("/", 1)[0], "HEAD", tree=True)
        leafpath = m.group(2).rsplit("/", 1)[0]
    elif i == "BD":
        m = None
        url = re.findall(r"https://[^\s;]+", (ref / "others" / file).read_text().splitlines()[0])[0]
    else:
        m = None
        # An http-only page is cited by its https address (the same host serves both).
        url = urls[0].replace("http://", "https://", 1)
    path = ref / "others" / file
    h = heading(path) if path.is_file() and path.suffix == ".md" else None
    provider = {"JD": "京东云文档", "HW": "华为云", "ALI": "阿里云", "BD": "百度智能云", "XN": "新网", "JSY": "极速云（2019）",
                "GKY": "果壳云"}.get(i.split("-")[0], "")
    leaf = (leafpath if m else url).rsplit("/", 1)[1].removesuffix(".md")
    add(i, f"{provider} {h or leaf}", url, cite)
    files["others/" + file] = i

# Domain lists: domain/tlds.json "sources".
tld_sources = json.loads((ref / "domain/tlds.json").read_text())["sources"]
add("TC2022", "腾讯云文档 网站备案 › 备案准备 › 备案域名（可备案的域名后缀，2022-08-30）",
    "https://cloud.tencent.com/document/product/243/18905", tld_sources["TC2022"])
add("TC2020", "腾讯云文档 网站备案 › 备案准备 › 备案域名（2020-07-24 版）",
    gh("tencentyun/qcloud-documents", "product/域名与网站/网站备案/备案准备/备案域名.md", "e5166dbaa761ad70983e3e0aff242552f8165c83"),
    tld_sources["TC2020"])
add("QCBJ", "青云文档 北京市目前支持备案的域名类型", gh("yunify/qingcloud-docs", "content/site/record/intro/limit.md"), tld_sources["QCBJ"])
add("V2FLY", "v2fly domain-list-community data/tld-cn（中国注册局运营的顶级域）",
    gh("v2fly/domain-list-community", "data/tld-cn"), tld_sources["V2FLY"])
add("MIIT2018", "工业和信息化部公告 2018 年第 7 号《中国互联网域名体系》",
    "https://xxgk.miit.gov.cn/gdnps/wjfbContent.jsp?id=6072462", tld_sources["MIIT2018"])

# Documents a pack row names without an id in reference/ (the pack row cites them by this id).
EXTRA = {
    "TC-DOMAIN-API": ("腾讯云 API 文档 域名注册 DomainBaseInfo（注册商代码）",
                      "https://rubydoc.info/gems/tencentcloud-sdk-domain/TencentCloud/Domain/V20180808/DomainBaseInfo",
                      "domain/registrars.json: Tencent Cloud Domain API model DomainBaseInfo"),
    "RFC8259": ("RFC 8259 The JavaScript Object Notation (JSON) Data Interchange Format", "https://www.rfc-editor.org/rfc/rfc8259",
                "the JSON an application is written in (syntax; §9 parser limits)"),
    "MIIT-REGISTRARS": ("工业和信息化部 域名注册服务机构审批情况", "https://domain.miit.gov.cn/",
                        "domain/facts.md §3: the authority for registrars; aliyun.com's footer links its entry"),
}
for i, (t, u, o) in EXTRA.items():
    add(i, t, u, o)

# Citations of a facts.md section (or a table) without an id: the document the section rests on.
aliases = {
    "seed-access-filing.md": "SEED",
    "tencent/facts.md §1": "S01", "tencent/facts.md §2": "S10", "tencent/facts.md §3": "S02",
    "tencent/facts.md §4": "S03", "tencent/facts.md §5": "S05", "tencent/facts.md §6": "S08",
    "tencent/facts.md §7": "S13", "tencent/facts.md §8": "S12", "tencent/facts.md §9": "F06",
    "tencent/facts.md §10": "S05",
    "domain/facts.md §1": "TC2022", "domain/facts.md §2": "MIIT2018", "domain/facts.md §3": "MIIT-REGISTRARS",
    "domain/facts.md §4": "S02",
    "domain/tlds.json": "TC2022",
    "domain/registrars.json": "MIIT-REGISTRARS",
    "others/preapproval.json": "S08",
}
for code in sorted(k[2:] for k in tencent if k.startswith("P-")):
    aliases[f"tencent/provinces.json ({code}"] = "P-" + code
aliases.update(files)
for a, i in aliases.items():
    assert i in docs, (a, i)

out = {
    "about": "Every source id a rule cites, with the title and public URL of its document; 'aliases' name the "
             "document a facts.md section or a reference table rests on. Generated by scripts/gen_sources.py from "
             "shared/reference; edit that script, not this file.",
    "documents": {k: docs[k] for k in sorted(docs)},
    "aliases": dict(sorted(aliases.items())),
}
pathlib.Path("core/rules/source_documents.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
print(len(docs), "documents,", len(aliases), "aliases")
