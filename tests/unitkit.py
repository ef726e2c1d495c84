"""A second unit, shaped differently from the example: the product must serve it unchanged.

A county 工商联 in another province applying for a city-level title, with its own six
criteria items, four work areas, its own event categories and honor levels, 40 events,
photos, an entrepreneur who withdrew consent, withheld figures, and a site under a sub-path.
Everything is fictional and deterministic; nothing is copied from the example.
"""

from __future__ import annotations

import io
import random
import shutil
import textwrap
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parent.parent
SITE_URL = "https://www.example.gov.cn/binhu/wenming/"

AREAS = (
    ("dangjian-yinling", "党建引领", "以党建带会建，凝聚会员企业。"),
    ("fuwu-fazhan", "服务发展", "为会员企业办实事，助力县域经济。"),
    ("chengxin-jianshe", "诚信建设", "推进商会诚信自律，守法诚信经营。"),
    ("zhiyuan-fuwu", "志愿服务", "组织企业家志愿服务和公益活动。"),
)
CATEGORIES = (
    ("zhiyuan", "志愿服务", "企业家志愿服务活动", False),
    ("chengxin", "诚信建设", "诚信承诺、信用培训", False),
    ("dangshi", "党史学习", "党史学习教育与主题党日", False),
    ("fuwu", "企业服务", "政策宣讲、走访解难", False),
    ("peixun", "能力培训", "企业家能力提升培训", True),
    ("huiyuan", "会员活动", "会员大会与交流联谊", False),
)
LEVELS = (("guojia", "国家级"), ("sheng", "省级"), ("shi", "设区市级"), ("xian", "县级"))
PEOPLE = (
    ("zhou-binhai", "周滨海", "滨湖精工机械有限公司", "机械制造"),
    ("wu-qinghe", "吴清禾", "清禾生态农业合作社", "现代农业"),
    ("zheng-yunfei", "郑云飞", "云飞纺织科技有限公司", "纺织"),
    ("chen-xiaolan", "陈晓岚", "晓岚电子商务有限公司", "电子商务"),
    ("lin-mushan", "林木山", "木山建材有限公司", "建材"),
)
CRITERIA = (  # six items of a city's standard, each with one or two contents
    ("c1", "组织领导", (("c1-1", "领导班子重视创建"), ("c1-2", "创建工作机制健全"))),
    ("c2", "思想道德建设", (("c2-1", "理想信念教育"),)),
    ("c3", "诚信建设", (("c3-1", "诚信承诺与信用建设"),)),
    ("c4", "志愿服务", (("c4-1", "志愿服务常态化"), ("c4-2", "公益慈善"))),
    ("c5", "业务工作", (("c5-1", "服务会员企业"),)),
    ("c6", "环境与文化", (("c6-1", "机关环境整洁"),)),
)
PLACES = ("县会议中心", "滨湖镇", "县党群服务中心", "开发区", "湖滨社区")
WORDS = ("学习", "交流", "座谈", "培训", "走访", "服务", "推进", "志愿", "诚信", "公益")


def _photo(seed: int) -> bytes:
    rng = random.Random(seed)
    img = Image.new("RGB", (640, 427), tuple(rng.randrange(60, 200) for _ in range(3)))
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def site_yml() -> str:
    areas = "".join(f"  - id: {a}\n    title: {t}\n    summary: {s}\n" for a, t, s in AREAS)
    cats = "".join(
        f"    - slug: {slug}\n      label: {label}\n      description: {desc}\n" + ("      participants: true\n" if p else "")
        for slug, label, desc, p in CATEGORIES
    )
    levels = "".join(f"    - slug: {slug}\n      label: {label}\n" for slug, label in LEVELS)
    return (
        "unit:\n  name: 滨湖县工商业联合会\n  short_name: 滨湖县工商联\n  region: 江苏省某市滨湖县\n"
        "  description: 滨湖县工商联团结服务全县民营企业和会员商会，创建市级文明单位。\n"
        "application:\n  title: 市级文明单位\n  year: 2024\n"
        "contact:\n  address: 滨湖县人民路8号\n  phone: 0519-80000000\n"
        "filing:\n  icp: 苏ICP备00000000号-1\n"
        "sample: false\n"
        "assessment:\n  standard: 某市文明单位测评体系\n  province: 江苏省\n  period: 申报年度\n"
        f"areas:\n{areas}"
        f"vocabularies:\n  event_categories:\n{cats}  honor_levels:\n{levels}"
    )


def write_unit(root: Path) -> Path:
    """Write the whole second unit (data/, docs/, mkdocs.yml with the product's hooks and
    templates copied beside them) into ``root``; return ``root``."""
    rng = random.Random(2024)
    root.mkdir(parents=True, exist_ok=True)
    for part in ("hooks", "overrides"):
        shutil.copytree(REPO / part, root / part, ignore=shutil.ignore_patterns("__pycache__"))
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("site_name: 示例市工商联文明单位创建展示", "site_name: 滨湖县工商联文明单位创建展示")
    (root / "mkdocs.yml").write_text(f"site_url: {SITE_URL}\nstrict: true\n" + config, encoding="utf-8")
    _write(root, "data/site.yml", site_yml())
    for item, title, contents in CRITERIA:
        _write(root, f"data/criteria/{item}.yml", f"title: {title}\nprovince: 江苏省\norder: {item[1:]}\n")
        for number, (cid, ctitle) in enumerate(contents, start=1):
            explanation = "" if cid in ("c6-1",) else f"explanation: 对照“{ctitle}”，本会已按要求落实。\n"
            _write(root, f"data/criteria/{cid}.yml", f"title: {ctitle}\nitem: {item}\nprovince: 江苏省\norder: {number}\n{explanation}")
    for index, (pid, name, company, industry) in enumerate(PEOPLE):
        consent = "consent:\n  date: 2024-01-05\n  scope: 同意公开姓名、企业和事迹\n"
        if pid == "lin-mushan":
            consent = "consent:\n  date: 2023-03-01\n  scope: 同意公开姓名和企业\n  withdrawn: 2024-02-01\n"
        photo = ""
        if index < 3:
            (root / f"data/photos/{pid}.jpg").parent.mkdir(parents=True, exist_ok=True)
            (root / f"data/photos/{pid}.jpg").write_bytes(_photo(index))
            photo = f"photo:\n  src: photos/{pid}.jpg\n  alt: {name}在企业\n"
        _write(
            root, f"data/entrepreneurs/{pid}.yml",
            f"name: {name}\ncompany: {company}\nindustry: {industry}\nregion: 滨湖县\n"
            f"summary: {company}负责人，热心公益。\n{photo}tags: [{industry}]\n{consent}",
        )
    published_people = [p[0] for p in PEOPLE if p[0] != "lin-mushan"]
    contents = [cid for _, _, items in CRITERIA for cid, _ in items if cid != "c6-1"]
    for n in range(40):
        year = 2022 + n % 3
        slug, label, _, _ = CATEGORIES[n % len(CATEGORIES)]
        area = AREAS[n % len(AREAS)][0]
        title = f"{label}{WORDS[n % len(WORDS)]}活动第{n + 1}期"
        eid = f"{year}-{slug}-{n + 1:02d}"
        people = rng.sample(published_people + ["lin-mushan"], k=n % 3)
        lines = [
            f"title: {title}", f"date: {year}-{1 + n % 12:02d}-{1 + n % 27:02d}", f"category: {label}",
            f"area: {area}", f"location: {PLACES[n % len(PLACES)]}", f"summary: {title}，会员企业积极参加。",
            f"body: |\n  {title}围绕{label}开展。\n\n  活动得到会员企业的支持。",
            f"entrepreneurs: [{', '.join(people)}]", f"tags: [{label}, {year}年]",
            f"criteria: [{contents[n % len(contents)]}]",
        ]
        if slug == "peixun":
            lines.append('participants: "**"' if n % 4 == 0 else f"participants: {40 + n}")
        if n % 8 == 0:
            (root / f"data/photos/{eid}.jpg").write_bytes(_photo(100 + n))
            lines.append(f"photos:\n  - src: photos/{eid}.jpg\n    alt: {title}现场\n    caption: {title}")
        if n == 5:
            lines.append("former_ids: [2024-jiu-bianhao]")
        _write(root, f"data/events/{eid}.yml", "\n".join(lines) + "\n")
    for n in range(8):
        _, level = LEVELS[n % len(LEVELS)]
        person = published_people[n % len(published_people)]
        recipient = (
            f"recipient:\n  type: 企业家\n  entrepreneur: {person}\n" if n % 2
            else "recipient:\n  type: 本单位\n  name: 滨湖县工商业联合会\n"
        )
        count = 'count: "**"\n' if n == 3 else ""
        _write(
            root, f"data/honors/{2022 + n % 3}-rongyu-{n + 1}.yml",
            f"title: {level}先进集体（第{n + 1}项）\nlevel: {level}\nawarding_body: 某市精神文明建设委员会\n"
            f"date: {2022 + n % 3}-12\n{recipient}{count}area: {AREAS[n % 4][0]}\ncriteria: [{contents[n % len(contents)]}]\n",
        )
    for n, (fid, label, value, unit) in enumerate(
        (("huiyuan-shu", "会员企业", "1260", "家"), ("zhiyuan-renci", "志愿服务", "**", "人次"),
         ("juankuan", "公益捐款", "356", "万元"), ("peixun-renci", "培训企业家", "**", "人次"),
         ("chengxin-qiye", "诚信示范企业", "42", "家"), ("shanghui-shu", "基层商会", "17", "个"))
    ):
        headline = "headline: true\n" if n < 4 else ""
        val = f'"{value}"' if value == "**" else value
        _write(
            root, f"data/figures/{fid}.yml",
            f"label: {label}\nvalue: {val}\nunit: {unit}\nas_of: 2024\narea: {AREAS[n % 4][0]}\n{headline}"
            f"criteria: [{contents[(n + 2) % len(contents)]}]\n",
        )
    _write(root, "docs/index.md", "# 滨湖县工商联创建市级文明单位\n\n全县工商联系统团结奋进，创建工作扎实推进。\n")
    for area, title, summary in AREAS:
        _write(
            root, f"docs/areas/{area}.md",
            f"---\ncriteria: [{contents[AREAS.index((area, title, summary)) % len(contents)]}]\n---\n"
            f"# {title}\n\n{summary}会员企业 [[figure:huiyuan-shu]]。\n\n[[events area={area} limit=3]]\n",
        )
    return root
