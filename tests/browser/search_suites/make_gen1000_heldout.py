"""Write gen1000-heldout.json and gen1000-heldout2.json: queries a visitor would type on the
generated 1,000-record site (benchmarks/generate.py, seed 1), with the pages that answer each,
computed from its YAML.

    .venv/bin/python benchmarks/generate.py --records 1000 --out /tmp/gen1000 --seed 1
    .venv/bin/python tests/browser/search_suites/make_gen1000_heldout.py /tmp/gen1000

The first suite was written before the search engine was built or tuned; the engine was then
tuned on its misses. The second suite was written after that tuning and measured once, to
estimate how the finished engine does on queries it was not tuned on. The queries come from
the generator's vocabulary (names, companies, event kinds, honour kinds, years, places), typed
the way people type them — sub-words, synonyms, one wrong character, section names — not
copied from titles. Any expected page in the top three counts as found.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def load(site: Path) -> list[dict]:
    records = []
    for folder in ("entrepreneurs", "events", "honors"):
        for path in sorted((site / "data" / folder).glob("*.yml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if data.get("published") is False or (data.get("consent") or {}).get("withdrawn"):
                continue
            data["kind"], data["id"] = folder, path.stem
            data["url"] = f"{folder}/{path.stem}/"
            records.append(data)
    return records


def main(site: Path) -> int:
    R = load(site)
    names = {r["id"]: r["name"] for r in R if r["kind"] == "entrepreneurs"}

    def year(r: dict) -> str:
        return str(r["date"])[:4]

    def events(y: str | None = None, title: str = "", *, category: str | None = None, location: str | None = None) -> list[str]:
        return [r["url"] for r in R if r["kind"] == "events" and (y is None or year(r) == y) and title in r["title"]
                and (category is None or r["category"] == category) and (location is None or r.get("location") == location)]

    def honors(y: str | None = None, title: str = "", recipient: str | None = None) -> list[str]:
        out = []
        for r in R:
            if r["kind"] != "honors" or (y is not None and year(r) != y) or title not in r["title"]:
                continue
            rec = r["recipient"]
            who = names.get(rec.get("entrepreneur") or "", rec.get("name"))
            if recipient is None or who == recipient:
                out.append(r["url"])
        return out

    def person(name: str) -> list[str]:
        found = [r["url"] for r in R if r["kind"] == "entrepreneurs" and r["name"] == name]
        assert len(found) == 1, name
        return found

    def company(part: str) -> list[str]:
        return [r["url"] for r in R if r["kind"] == "entrepreneurs" and part in r["company"]] + \
               [r["url"] for r in R if r["kind"] == "honors" and part in (r["recipient"].get("name") or "")]

    Q: list[dict] = []

    def add(q: str, kind: str, expect: list[str]) -> None:
        assert expect, q
        Q.append({"q": q, "kind": kind, "expect": sorted(set(expect))})

    for name in ("胡德泽", "萧芳芳", "吕嘉良", "唐泽文", "谢华良", "袁华"):
        add(name, "name", person(name))
    add("马庆宇 担当作为", "name", person("马庆宇") + honors(title="担当作为", recipient="马庆宇"))
    add("胡德择", "typo", person("胡德泽"))
    add("萧芳方", "typo", person("萧芳芳"))
    add("吕佳良", "typo", person("吕嘉良"))
    add("恒信新能源", "company", company("恒信新能源"))
    add("明德海洋科技", "company", company("明德海洋科技"))
    add("丰源软件", "company", company("丰源软件"))
    add("弘毅食品", "company", company("弘毅食品"))
    add("泰和现代农叶", "typo", company("泰和现代农业"))
    add("2021年招才引智", "year", events("2021", "招才引智"))
    add("2013 党史学习教育", "year", events("2013", "党史学习教育"))
    add("2024年万企兴万村", "year", events("2024", "万企兴万村"))
    add("2017 法律服务进企业", "year", events("2017", "法律服务进企业"))
    add("2021 扶贫", "synonym", events("2021", "产业帮扶") + honors("2021", "脱贫攻坚") + honors("2021", "精准扶贫")
        + honors("2021", "市脱贫攻坚"))
    add("疫情捐款", "synonym", events(title="抗击疫情捐款捐物") + honors(title="抗击新冠肺炎疫情")
        + ["categories/kangyi-gongyi/"])
    add("劳模 2014", "synonym", honors("2014", "劳动模范"))
    add("2019 慈善", "synonym", events("2019", "光彩公益") + events("2019", "慈善"))
    add("银企对接", "synonym", events(title="银企融资"))
    add("大讲堂", "subword", events(title="民企大讲堂") + ["categories/jiaoyu-peixun/"])
    add("兴万村", "subword", events(title="万企兴万村") + ["categories/xiangcun-zhenxing/"])
    add("秘书长", "subword", events(title="商会秘书长"))
    add("驻沪商会 四好", "topic", honors(title="四好", recipient="驻沪商会"))
    add("莱州市工商联 文明单位", "topic", honors(title="文明单位", recipient="莱州市工商联"))
    add("胶东革命纪念馆", "place", events(location="胶东革命纪念馆"))
    add("企业家", "section", ["entrepreneurs/"])
    add("数据", "section", ["figures/"])
    add("展望", "section", ["outlook/"])
    add("团结立会", "section", ["areas/tuanjie-lihui/"])
    add("自查报告", "section", ["report/"])
    add("引进项目总投资", "figure", ["figures/"])
    write("gen1000-heldout.json", Q)
    Q.clear()

    # second suite (written after the engine was tuned on the first)
    for name in ("程燕", "傅文欣", "韩成辉", "黄宁平", "林庆勇"):
        add(name, "name", person(name))
    add("罗林搏", "typo", person("罗林博"))
    add("宋华王", "typo", person("宋华玉"))
    add("唐德洋 董事长", "name", person("唐德洋"))
    add("赵欣 劳动模范", "name", person("赵欣") + honors(title="劳动模范", recipient="赵欣"))
    add("鸿达供应链", "company", company("鸿达供应链"))
    add("金海精密机械", "company", company("金海精密机械"))
    add("东岳酒业", "company", company("东岳酒业"))
    add("嘉禾汽车部件有线公司", "typo", company("嘉禾汽车部件"))
    add("2017 招才引智", "year", events("2017", "招才引智"))
    add("2022年抗击疫情", "year", events("2022", "抗击疫情") + honors("2022", "抗击新冠肺炎疫情"))
    add("2013 银企融资", "year", events("2013", "银企融资"))
    add("2020年商会党建", "year", events("2020", "商会党建"))
    add("2018 慈善", "synonym", events("2018", "光彩公益") + events("2018", "慈善"))
    add("引进人才 2015", "synonym", events("2015", "招才引智"))
    add("2019 党的建设", "synonym", events("2019", "商会党建") + events("2019", "党史学习教育"))
    add("理想信念", "subword", events(title="理想信念教育") + ["categories/dangjian-jiaoyu/"])
    add("民营经济发展", "subword", events(title="民营经济发展"))
    add("万企", "subword", events(title="万企兴万村") + honors(title="万企帮万村"))
    add("市汽车商会 文明单位", "topic", honors(title="文明单位", recipient="市汽车商会"))
    add("市委党校", "place", events(location="市委党校"))
    add("活动", "section", ["events/"])
    add("首页", "section", [""])
    add("坚持改革强会", "section", ["areas/gaige-qianghui/"])
    add("吸纳就业", "figure", ["figures/"])
    add("志愿服务时长", "figure", ["figures/"])
    write("gen1000-heldout2.json", Q)
    return 0


def write(name: str, queries: list[dict]) -> None:
    (HERE / name).write_text(json.dumps(queries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for q in queries:
        print(q["q"], q["kind"], len(q["expect"]), q["expect"][:3])
    print(name, len(queries), "queries")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
