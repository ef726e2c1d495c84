"""Write a synthetic, valid showcase site of N records for benchmarks (issue 7).

    python benchmarks/generate.py --records 1000 --out /tmp/bench-1000 [--seed 7]

The target folder becomes a self-contained site folder:

    DIR/mkdocs.yml                    INHERITs the project's mkdocs.yml; hooks and templates
                                      are this checkout's (paths written relative to DIR)
    DIR/data/site.yml                 unit, application, five work areas
    DIR/data/{entrepreneurs,events,honors,figures}/*.yml
    DIR/data/photos/*.jpg             about one record in 50 has a photo (small JPEGs)
    DIR/data/documents/<year>/*.pdf   about one small PDF per 20 records, attached to events
                                      and honors (documents:), names partly Chinese
    DIR/data/search-synonyms.txt      the project's search synonyms (the default list of the field)
    DIR/docs/index.md, docs/areas/*.md, docs/outlook.md

Records are realistic Chinese built from a phrase bank (no network), about 1,500 characters
of Markdown per record page on average, with relations (events name 0–3 entrepreneurs, some
honors go to entrepreneurs, figures cite events/ or honors/), categories and levels from
``showcase.vocab``, tags, dates spread over years, a few withheld values ("**"), a few
unpublished records and withdrawn consents. The same seed gives the same bytes.

Mix: 15 % entrepreneurs, 55 % events, 15 % honors, 15 % figures.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))

from showcase.core import vocab  # the project's closed vocabularies (import after the path is set)

MARKER = ".benchmark-site"  # a folder holding this file may be overwritten by the generator
MIX = {"entrepreneurs": 0.15, "honors": 0.15, "figures": 0.15}  # events: the rest (55 %)
PHOTO_EVERY = 50
DOCUMENT_EVERY = 14  # events and honors are 70 % of the records: one PDF per ~20 records
YEARS = tuple(range(2013, 2025))

# ---------------------------------------------------------------------------------------
# Phrase bank. Formulaic on purpose (that is how such reports read), but combined from
# enough parts that no two record bodies are alike.
# ---------------------------------------------------------------------------------------

SURNAMES = (
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
    ("赵", "zhao"), ("黄", "huang"), ("周", "zhou"), ("吴", "wu"), ("徐", "xu"), ("孙", "sun"),
    ("胡", "hu"), ("朱", "zhu"), ("高", "gao"), ("林", "lin"), ("何", "he"), ("郭", "guo"),
    ("马", "ma"), ("罗", "luo"), ("梁", "liang"), ("宋", "song"), ("郑", "zheng"), ("谢", "xie"),
    ("韩", "han"), ("唐", "tang"), ("冯", "feng"), ("于", "yu"), ("董", "dong"), ("萧", "xiao"),
    ("程", "cheng"), ("曹", "cao"), ("袁", "yuan"), ("邓", "deng"), ("许", "xu"), ("傅", "fu"),
    ("沈", "shen"), ("曾", "zeng"), ("彭", "peng"), ("吕", "lv"), ("苏", "su"), ("卢", "lu"),
)
GIVEN = (
    ("建", "jian"), ("国", "guo"), ("华", "hua"), ("明", "ming"), ("志", "zhi"), ("强", "qiang"),
    ("伟", "wei"), ("军", "jun"), ("平", "ping"), ("海", "hai"), ("云", "yun"), ("东", "dong"),
    ("晓", "xiao"), ("丽", "li"), ("红", "hong"), ("文", "wen"), ("杰", "jie"), ("宇", "yu"),
    ("鹏", "peng"), ("涛", "tao"), ("敏", "min"), ("静", "jing"), ("磊", "lei"), ("洋", "yang"),
    ("勇", "yong"), ("峰", "feng"), ("辉", "hui"), ("新", "xin"), ("春", "chun"), ("玉", "yu"),
    ("德", "de"), ("永", "yong"), ("庆", "qing"), ("芳", "fang"), ("燕", "yan"), ("林", "lin"),
    ("成", "cheng"), ("良", "liang"), ("兴", "xing"), ("福", "fu"), ("瑞", "rui"), ("嘉", "jia"),
    ("泽", "ze"), ("宁", "ning"), ("博", "bo"), ("欣", "xin"), ("振", "zhen"), ("凯", "kai"),
)
DISTRICTS = ("芝罘区", "莱山区", "福山区", "牟平区", "蓬莱区", "高新区", "开发区", "龙口市", "莱阳市",
             "莱州市", "招远市", "栖霞市", "海阳市", "长岛综试区")
INDUSTRIES = (
    ("新能源", "新能源科技"), ("食品加工", "食品"), ("电子信息", "电子信息技术"), ("高端装备", "精密机械"),
    ("生物医药", "生物医药"), ("现代农业", "现代农业发展"), ("文化旅游", "文旅发展"), ("海洋经济", "海洋科技"),
    ("新材料", "新材料科技"), ("建筑建材", "建设工程"), ("现代物流", "供应链管理"), ("葡萄酒", "酒业"),
    ("汽车零部件", "汽车部件"), ("纺织服装", "服饰"), ("化工", "精细化工"), ("软件和信息服务", "软件"),
)
BRANDS = ("恒信", "瑞丰", "泰和", "鸿达", "金海", "华宇", "东岳", "博远", "正元", "嘉禾", "润泽", "宏图",
          "远航", "天成", "众诚", "新锐", "丰源", "海川", "明德", "益康", "立信", "广汇", "弘毅", "卓越")
POSITIONS = ("董事长", "总经理", "董事长兼总经理", "执行董事", "创始人", "党委书记、董事长", "总裁")
CHAMBERS = ("市青年企业家商会", "市女企业家商会", "市餐饮商会", "市建材商会", "市汽车商会", "市服装商会",
            "驻沪商会", "驻京商会", "温州商会", "福建商会", "市电子商务商会", "市物流商会", "市葡萄酒商会")
ORGS = ("芝罘区工商联", "莱山区工商联", "福山区工商联", "龙口市工商联", "莱州市工商联", "招远市工商联",
        "机关党支部", "商会联合党委", "机关工会", "机关团支部")

SUBJECTS = (
    "市工商联", "市工商联机关", "机关党支部", "各直属商会", "区县工商联", "市青年企业家商会", "市女企业家商会",
    "异地商会", "广大会员企业", "新生代民营企业家", "执委企业", "商会联合党委", "市工商联主要负责人",
    "机关干部", "各行业商会", "会员企业负责人", "市工商联党组", "机关各科室",
)
ACTIONS = (
    "深入学习贯彻党的二十大精神", "组织开展理想信念教育活动", "召开专题会议研究部署", "组织开展走访调研",
    "举办专题培训班", "开展“送政策上门”活动", "组织企业家参观红色教育基地", "开展结对帮扶",
    "召开政企座谈会", "组织开展志愿服务活动", "开展主题党日活动", "举办民营经济发展论坛",
    "组织企业家赴外地考察学习", "开展法律服务进企业活动", "开展“万企兴万村”行动", "举办项目推介会",
    "开展金融服务对接活动", "组织开展捐资助学", "开展文明单位创建“回头看”", "召开商会工作会议",
    "组织观看专题教育片", "开展“我为企业办实事”实践活动", "举办知识产权保护宣讲会", "组织参加招才引智活动",
    "开展社情民意信息征集", "组织开展安全生产检查", "开展清廉民企建设宣讲", "召开民营企业家座谈会",
)
TOPICS = (
    "促进“两个健康”", "优化营商环境", "民营企业转型升级", "乡村振兴", "精神文明建设", "社会主义核心价值观",
    "企业合规经营", "科技创新", "人才引进", "疫情防控", "安全生产", "新旧动能转换", "商会改革",
    "亲清政商关系", "诚信建设", "绿色低碳发展", "数字化转型", "产业链协同", "稳岗就业", "公益慈善",
)
PURPOSES = (
    "引导民营企业家听党话、感党恩、跟党走", "助力民营经济高质量发展", "进一步增强服务的精准性和有效性",
    "推动精神文明建设向纵深发展", "营造干事创业的良好氛围", "切实帮助企业解决实际困难",
    "凝聚民营经济人士的思想共识", "提升商会组织的凝聚力和影响力", "弘扬企业家精神",
    "把党的政策及时送到企业", "不断增强会员企业的获得感", "为全市经济社会发展贡献力量",
    "推动形成崇德向善的良好风尚", "积极构建亲清政商关系", "夯实团结奋斗的思想基础",
)
RESULTS = (
    "共有{n}家企业参加", "累计服务企业{n}余家", "收集意见建议{n}条", "覆盖会员企业{n}家",
    "参加人员达{n}人次", "协调解决问题{n}个", "帮助企业融资{n}万元", "发放宣传资料{n}份",
    "签约项目{n}个", "吸纳就业{n}人", "惠及群众{n}余人", "形成调研报告{n}篇",
)
WHEN = ("年初", "上半年", "下半年", "年内", "近年来", "此前", "活动期间", "会上", "会后", "随后", "同时",
        "其间", "截至年底")
CONNECTORS = ("在此基础上，", "与此同时，", "此外，", "为此，", "通过这一活动，", "据统计，", "下一步，",
              "实践中，", "", "", "", "")
HEADINGS = ("主要做法", "工作成效", "经验体会", "下一步打算", "活动亮点", "基本情况", "典型事例",
            "存在不足", "推进措施", "社会反响")
LIST_ITEMS = (
    "建立健全工作机制，明确责任分工", "加强宣传引导，营造浓厚氛围", "坚持问题导向，及时跟踪问效",
    "突出示范带动，选树先进典型", "强化督促检查，确保工作落实", "完善联系服务企业制度",
    "开展常态化走访，建立问题台账", "加强与有关部门的沟通协调", "推动经验做法制度化、长效化",
    "注重总结提炼，形成可推广的经验", "发挥商会组织优势，扩大覆盖面", "加强队伍建设，提升履职能力",
)
QUOTES = (
    "企业家要有家国情怀，把企业发展融入国家发展大局。", "诚信是企业最大的财富，也是立身之本。",
    "只有坚持创新，企业才能在竞争中赢得主动。", "发展企业不忘回报社会，这是我们应尽的责任。",
    "听党话、跟党走，是民营企业健康发展的根本保证。", "把产品做精、把品牌做响，是我们一代人的追求。",
    "乡村振兴需要企业参与，我们愿意多出一份力。", "守法经营、合规发展，企业才能走得更远。",
)
BIO_STEPS = (
    "{y}年创办{company}，从一个只有十几个人的小作坊起步", "带领企业坚持走专精特新发展道路",
    "企业先后获评高新技术企业、省级专精特新中小企业", "积极参与光彩事业和“万企兴万村”行动",
    "担任{chamber}副会长，热心商会工作", "在疫情防控期间带头捐款捐物", "长期资助家庭困难学生",
    "注重企业党建工作，企业党支部被评为先进基层党组织", "推动企业数字化改造，生产效率明显提升",
    "参加新生代民营企业家“薪火工程”培训班", "带领企业参与产业帮扶项目，带动周边农户增收",
    "重视职工权益保障，企业被评为和谐劳动关系企业", "积极建言献策，多篇社情民意信息被采用",
)
EVENT_KINDS = (
    # (category slug, pinyin slug, title core, forms)
    ("wenming-chuangjian", "wenming-chuangjian", "文明单位创建", ("工作推进会", "专题会议", "动员部署会", "观摩交流活动")),
    ("wenming-chuangjian", "wenming-shijian", "新时代文明实践", ("志愿服务活动", "主题活动", "宣讲活动")),
    ("dangjian-jiaoyu", "dangshi-xuexi", "党史学习教育", ("专题报告会", "读书班", "主题党日活动")),
    ("dangjian-jiaoyu", "hongse-jiaoyu", "红色教育", ("现场教学", "参观学习活动", "主题教育活动")),
    ("dangjian-jiaoyu", "lixiang-xinnian", "理想信念教育", ("专题培训", "主题宣讲", "座谈会")),
    ("jiaoyu-peixun", "xinhuo-peixun", "新生代民营企业家“薪火工程”", ("培训班", "研修班", "交流营")),
    ("jiaoyu-peixun", "minqi-jiangtang", "民企大讲堂", ("专题讲座", "系列讲座", "公益课堂")),
    ("jiaoyu-peixun", "zhiwei-peixun", "商会秘书长", ("能力提升培训", "业务培训班", "工作交流会")),
    ("qiye-peishu", "youxiu-pingxuan", "优秀民营企业家", ("评选表扬活动", "事迹宣讲会", "风采展示")),
    ("qiye-peishu", "qiye-peiyu", "专精特新企业", ("培育对接会", "培育行动", "交流活动")),
    ("shuangzhao-shuangyin", "zhaoshang-tuijie", "招商引资", ("项目推介会", "专题对接会", "考察活动")),
    ("shuangzhao-shuangyin", "zhaocai-yinzhi", "招才引智", ("专场活动", "对接洽谈会", "校企合作活动")),
    ("xiangcun-zhenxing", "wanqi-xingwancun", "“万企兴万村”", ("行动推进会", "结对签约仪式", "现场观摩会")),
    ("xiangcun-zhenxing", "chanye-bangfu", "产业帮扶", ("项目对接活动", "走访慰问活动", "消费帮扶活动")),
    ("kangyi-gongyi", "juankuan-juanwu", "抗击疫情", ("捐款捐物活动", "志愿服务行动", "爱心接力活动")),
    ("kangyi-gongyi", "gongyi-cishan", "光彩公益", ("捐资助学活动", "慈善募捐活动", "送温暖活动")),
    ("fuwu-qiye", "zhengqi-goutong", "政企沟通", ("座谈会", "恳谈会", "圆桌会")),
    ("fuwu-qiye", "falv-fuwu", "法律服务进企业", ("专项活动", "巡回宣讲", "义诊活动")),
    ("fuwu-qiye", "jinrong-fuwu", "银企融资", ("对接会", "专场推介会", "政策宣讲会")),
    ("diaoyan-yizheng", "zoufang-diaoyan", "民营经济发展", ("专题调研", "走访调研", "调研座谈会")),
    ("diaoyan-yizheng", "sheqing-minyi", "社情民意信息", ("工作会议", "培训会", "征集活动")),
    ("shanghui-gaige", "shanghui-gaige", "商会改革", ("工作推进会", "试点经验交流会", "专题研讨会")),
    ("shanghui-gaige", "zuzhi-jianshe", "商会党建", ("工作会议", "规范化建设推进会", "书记培训班")),
)
LOCATIONS = ("市工商联会议室", "市民营企业服务中心", "市委党校", "市会展中心", "胶东革命纪念馆",
             "市图书馆报告厅", "市行政中心", "各区市", "相关企业", "线上", "市青少年宫", "市科技馆")
HONOR_KINDS = (
    # (level slug, title, awarding body, recipient types that fit)
    ("guojia", "全国“四好”商会", "全国工商联", ("shanghui",)),
    ("guojia", "全国“五好”县级工商联", "全国工商联", ("zuzhi",)),
    ("guojia", "全国工商联系统抗击新冠肺炎疫情先进集体", "全国工商联", ("benshi", "zuzhi")),
    ("guojia", "全国脱贫攻坚先进集体", "中共中央、国务院", ("benshi", "qiye")),
    ("guojia", "全国优秀中国特色社会主义事业建设者", "中央统战部等五部门", ("qiyejia",)),
    ("guojia", "全国“万企帮万村”精准扶贫行动先进民营企业", "全国工商联、国务院扶贫办、中国光彩会", ("qiye",)),
    ("sheng", "省级文明单位", "省精神文明建设委员会", ("benshi",)),
    ("sheng", "省“四好”商会", "省工商联", ("shanghui",)),
    ("sheng", "省优秀民营企业家", "省委、省政府", ("qiyejia",)),
    ("sheng", "省劳动模范", "省委、省政府", ("qiyejia",)),
    ("sheng", "全省社情民意信息工作先进单位", "省工商联", ("benshi", "zuzhi")),
    ("sheng", "省级专精特新中小企业", "省工业和信息化厅", ("qiye",)),
    ("shi", "市级文明单位", "市精神文明建设委员会", ("benshi", "zuzhi", "shanghui")),
    ("shi", "市优秀民营企业家", "市委、市政府", ("qiyejia",)),
    ("shi", "市“担当作为好干部”", "市委组织部", ("qiyejia",)),
    ("shi", "市脱贫攻坚先进集体", "市委、市政府", ("zuzhi", "shanghui", "qiye")),
    ("shi", "市“五一劳动奖状”", "市总工会", ("qiye",)),
    ("quxian", "区级文明单位", "区精神文明建设委员会", ("zuzhi", "shanghui")),
    ("quxian", "区优秀企业家", "区委、区政府", ("qiyejia",)),
    ("quxian", "区“爱心企业”", "区慈善总会", ("qiye",)),
)
FIGURE_KINDS = (
    # (label, unit, low, high, approx words that may apply)
    ("参加培训的企业家", "人次", 50, 3000, ("余", "近")), ("举办培训班", "期", 2, 60, ("余",)),
    ("走访企业", "家", 20, 900, ("余", "超过")), ("结对帮扶村", "个", 5, 300, ("",)),
    ("帮扶投入资金", "万元", 10, 9000, ("近", "约")), ("捐款捐物", "万元", 10, 9000, ("超过", "")),
    ("引进项目", "个", 3, 150, ("",)), ("引进项目总投资", "亿元", 1, 300, ("约", "近")),
    ("组建异地商会", "家", 1, 40, ("",)), ("收集意见建议", "条", 10, 800, ("余",)),
    ("提交社情民意信息", "篇", 5, 400, ("",)), ("法律服务", "次", 10, 600, ("余",)),
    ("融资对接金额", "亿元", 1, 90, ("近",)), ("吸纳就业", "人", 100, 9000, ("余", "超过")),
    ("商会党组织覆盖率", "%", 60, 100, ("",)), ("志愿服务时长", "小时", 100, 9000, ("余",)),
)
TAGS = (
    "党建", "培训", "红色教育", "理想信念", "薪火工程", "新生代企业家", "商会建设", "异地商会", "双招双引",
    "招商引资", "招才引智", "乡村振兴", "万企兴万村", "结对帮扶", "抗疫", "公益慈善", "捐资助学", "志愿服务",
    "法律服务", "金融服务", "政企沟通", "营商环境", "调查研究", "社情民意", "参政议政", "商会改革", "文明创建",
    "诚信建设", "科技创新", "知识产权", "专精特新", "数字化转型", "绿色发展", "安全生产", "稳岗就业",
    "企业家精神", "光彩事业", "评选表扬", "典型宣传", "清廉民企",
)
AREAS = (
    ("gaodu-zhongshi", "高度重视", "高度重视，召开专题会议研究制定创建工作方案，部署推进精神文明建设。"),
    ("zhengzhi-jianhui", "坚持政治建会", "坚持政治建会，强化政治引领和思想引导，牢筑团结奋斗思想基础。"),
    ("tuanjie-lihui", "坚持团结立会", "坚持团结立会，在双招双引、乡村振兴和抗击疫情中发挥组织优势。"),
    ("fuwu-xinghui", "坚持服务兴会", "坚持服务兴会，增强服务的及时性、精准性、有效性，助力民营经济高质量发展。"),
    ("gaige-qianghui", "坚持改革强会", "坚持改革强会，以组织建设为基础、制度建设为保障，锻造坚实有力的工商联组织。"),
)
# Which areas an event category usually belongs to.
CATEGORY_AREAS = {
    "wenming-chuangjian": ("gaodu-zhongshi",), "dangjian-jiaoyu": ("zhengzhi-jianhui",),
    "jiaoyu-peixun": ("zhengzhi-jianhui", "gaige-qianghui"), "qiye-peishu": ("zhengzhi-jianhui",),
    "shuangzhao-shuangyin": ("tuanjie-lihui",), "xiangcun-zhenxing": ("tuanjie-lihui",),
    "kangyi-gongyi": ("tuanjie-lihui",), "fuwu-qiye": ("fuwu-xinghui",), "diaoyan-yizheng": ("fuwu-xinghui",),
    "shanghui-gaige": ("gaige-qianghui",),
}
CATEGORIES = {t.slug: t for t in vocab.EVENT_CATEGORIES}
LEVELS = {t.slug: t for t in vocab.HONOR_LEVELS}
RECIPIENTS = {t.slug: t for t in vocab.RECIPIENT_TYPES}


# ---------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------

class Writer:
    """Deterministic Chinese prose and Markdown from the phrase bank."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def number(self) -> int:
        # Small numbers only: long digit runs would look like phone or ID numbers to the output check.
        return self.rng.choice((self.rng.randint(2, 99), self.rng.randint(100, 999), self.rng.randint(1000, 9999)))

    def sentence(self) -> str:
        r = self.rng.random()
        subject, action, purpose = self.pick(SUBJECTS), self.pick(ACTIONS), self.pick(PURPOSES)
        if r < 0.3:
            return f"{self.pick(WHEN)}，{subject}{action}，{purpose}。"
        if r < 0.55:
            result = self.pick(RESULTS).format(n=self.number())
            return f"{self.pick(CONNECTORS)}{subject}围绕{self.pick(TOPICS)}{action}，{result}。"
        if r < 0.75:
            return f"{self.pick(CONNECTORS)}{subject}坚持以{self.pick(TOPICS)}为主线，{action}，{purpose}。"
        if r < 0.9:
            result = self.pick(RESULTS).format(n=self.number())
            return f"{subject}把{self.pick(TOPICS)}作为重点工作，{result}，{purpose}。"
        return f"{self.pick(CONNECTORS)}通过{action}，{self.pick(SUBJECTS)}{purpose}，受到广泛好评。"

    def paragraph(self, sentences: int | None = None, bold: bool = False) -> str:
        count = sentences or self.rng.randint(2, 5)
        parts = [self.sentence() for _ in range(count)]
        if bold and parts:
            parts[0] = f"**{parts[0][:-1]}**。"
        return "".join(parts)

    def markdown(self, target: int, lead: str = "") -> str:
        """Markdown of about ``target`` characters: paragraphs, sometimes a subheading, a list,
        a quote, a table or an external link."""
        blocks: list[str] = [lead + self.paragraph(bold=self.rng.random() < 0.2)]
        size = len(blocks[0])
        extras = []
        if self.rng.random() < 0.4:
            extras.append("heading")
        if self.rng.random() < 0.3:
            extras.append("list")
        if self.rng.random() < 0.1:
            extras.append("quote")
        if self.rng.random() < 0.05:
            extras.append("table")
        if self.rng.random() < 0.15:
            extras.append("link")
        while size < target:
            kind = extras.pop(0) if extras and self.rng.random() < 0.5 else "paragraph"
            if kind == "heading":
                block = f"## {self.pick(HEADINGS)}\n\n{self.paragraph()}"
            elif kind == "list":
                items = self.rng.sample(LIST_ITEMS, self.rng.randint(3, 5))
                block = "\n".join(f"- {item}；" for item in items)
            elif kind == "quote":
                block = f"> {self.pick(QUOTES)}"
            elif kind == "table":
                rows = [f"| {kind[0]} | {self.number()} {kind[1]} |" for kind in self.rng.sample(FIGURE_KINDS, 3)]
                block = "| 项目 | 数量 |\n|---|---:|\n" + "\n".join(rows)
            elif kind == "link":
                block = f"{self.paragraph(2)}详见[相关报道](https://www.example.org/news/{self.rng.randint(100, 99999)}.html)。"
            else:
                block = self.paragraph()
            blocks.append(block)
            size += len(block)
        return "\n\n".join(blocks)

    def body_length(self) -> int:
        return self.rng.randint(700, 2300)  # about 1,500 on average

    def tags(self, k_max: int = 4) -> list[str]:
        return self.rng.sample(TAGS, self.rng.randint(1, k_max))

    def date(self, year: int | None = None) -> str:
        year = year or self.pick(YEARS)
        r = self.rng.random()
        if r < 0.7:
            return f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        if r < 0.9:
            return f"{year}-{self.rng.randint(1, 12):02d}"
        return f"{year}"


# ---------------------------------------------------------------------------------------
# YAML output (strings double-quoted, Markdown as literal blocks)
# ---------------------------------------------------------------------------------------

def q(text: str) -> str:
    return json.dumps(str(text), ensure_ascii=False)


def block(text: str, indent: int = 2) -> str:
    pad = " " * indent
    return "|\n" + "\n".join(pad + line if line else "" for line in text.split("\n"))


def yaml_lines(mapping: dict, indent: int = 0) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in mapping.items():
        if value is None:
            continue
        if isinstance(value, Literal):
            lines.append(f"{pad}{key}: {block(value.text, indent + 2)}")
        elif isinstance(value, bool):
            lines.append(f"{pad}{key}: {'true' if value else 'false'}")
        elif isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines.extend(yaml_lines(value, indent + 2))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{pad}{key}:")
            for item in value:
                sub = yaml_lines(item, indent + 4)
                sub[0] = f"{pad}  - {sub[0].lstrip()}"
                lines.extend(sub)
        elif isinstance(value, list):
            lines.append(f"{pad}{key}: [" + ", ".join(q(v) if not _plain_id(v) else v for v in value) + "]")
        elif isinstance(value, (int, float)):
            lines.append(f"{pad}{key}: {value}")
        else:
            lines.append(f"{pad}{key}: {q(value)}")
    return lines


def _plain_id(value) -> bool:
    return isinstance(value, str) and value.replace("-", "").isalnum() and value.isascii() and not value.isdigit()


@dataclass(frozen=True)
class Literal:
    text: str


def dump(mapping: dict) -> str:
    return "\n".join(yaml_lines(mapping)) + "\n"


# ---------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------

@dataclass
class Plan:
    counts: dict[str, int]
    entrepreneurs: list[str] = field(default_factory=list)  # published ids
    events: list[str] = field(default_factory=list)  # published ids
    honors: list[str] = field(default_factory=list)  # published ids
    files: dict[str, bytes] = field(default_factory=dict)  # relative path → bytes


def split(records: int) -> dict[str, int]:
    counts = {kind: int(records * share) for kind, share in MIX.items()}
    counts["events"] = records - sum(counts.values())
    return counts


def unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def jpeg(rng: random.Random, width: int = 800, height: int = 600) -> bytes:
    """A small photo-like JPEG: a gradient with a few shapes, no metadata."""
    from PIL import Image, ImageDraw

    top = tuple(rng.randint(60, 200) for _ in range(3))
    bottom = tuple(rng.randint(20, 120) for _ in range(3))
    img = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(img)
    for y in range(height):
        t = y / (height - 1)
        draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom)))
    for _ in range(6):
        x0, y0 = rng.randint(0, width - 100), rng.randint(0, height - 100)
        draw.rectangle([x0, y0, x0 + rng.randint(40, 300), y0 + rng.randint(40, 200)],
                       fill=tuple(rng.randint(0, 255) for _ in range(3)))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=80)
    return out.getvalue()


def pdf(lines: list[str]) -> bytes:
    """A small one-page PDF with ASCII text (Helvetica), deterministic and without metadata."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    ops = ["BT /F1 14 Tf 72 760 Td 20 TL"] + [f"({line}) Tj T*" for line in lines] + ["ET"]
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    writer.metadata = None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


DOCUMENT_KINDS = (("wenjian", "通知"), ("jiyao", "会议纪要"), ("qiandaobiao", "签到表"), ("baodao", "报道"))


def document(plan: Plan, w: Writer, rng: random.Random, rid: str, year: int, title: str, kind: str, name: str) -> dict:
    """A PDF under data/documents/<year>/ and its documents: entry. Drawn from a random stream
    of its own, so adding documents left the rest of the generated site (and the search suites
    written for it) as it was."""
    rng = random.Random(f"document:{rid}")
    w = Writer(rng)
    src = f"documents/{year}/{rid}-{name}.pdf"
    body = [f"Sample document {year}", f"Record {rid}", *(f"Paragraph {k}: lorem ipsum dolor sit amet." for k in range(8))]
    plan.files[f"data/{src}"] = pdf(body)
    entry = {"file": src, "title": f"{title[:60]}{name}", "kind": vocab.DOCUMENT_KINDS.get(kind).label}
    if kind == "wenjian":
        entry["number"] = f"示工商联发〔{year}〕{rng.randint(1, 99)}号"
        entry["issuer"] = "示例市工商业联合会"
    if kind == "baodao":
        entry["outlet"] = w.pick(("示例日报", "示例晚报", "示例电视台"))
    entry["date"] = w.date(year)
    return entry


def site_yml(records: int) -> str:
    return dump({
        "unit": {
            "name": "示例市工商业联合会",
            "short_name": "示例市工商联",
            "region": "示例省示例市",
            "description": f"基准测试用的合成数据（{records} 条记录），人物、企业和数字均为虚构。",
        },
        "application": {"title": "省级文明单位", "year": 2024},
        "contact": {"address": "示例省示例市示例区示例路1号", "postcode": "000000", "phone": "0000-00000000",
                    "email": "contact@example.org"},
        "filing": {"icp": "示ICP备00000000号-1"},
        "sample": True,
        "areas": [{"id": a, "title": t, "summary": s} for a, t, s in AREAS],
    })


def make_entrepreneurs(plan: Plan, w: Writer, rng: random.Random, photo_slots: set[int]) -> list[tuple[str, str]]:
    taken: set[str] = set()
    people = []
    for i in range(plan.counts["entrepreneurs"]):
        (s, s_py), (g1, p1) = w.pick(SURNAMES), w.pick(GIVEN)
        if rng.random() < 0.7:
            g2, p2 = w.pick(GIVEN)
            name, slug = s + g1 + g2, f"{s_py}-{p1}{p2}"
        else:
            name, slug = s + g1, f"{s_py}-{p1}"
        rid = unique(slug, taken)
        industry, company_word = w.pick(INDUSTRIES)
        district = w.pick(DISTRICTS)
        company = f"示例{w.pick(BRANDS)}{company_word}有限公司"
        position = w.pick(POSITIONS)
        founded = rng.randint(1992, 2016)
        steps = "，".join(
            s.format(y=founded, company=company, chamber=w.pick(CHAMBERS)) for s in rng.sample(BIO_STEPS, 3)
        )
        lead = f"{name}（虚构人物），{company}{position}。{steps}。\n\n"
        withdrawn = rng.random() < 0.01
        record: dict = {
            "name": name,
            "company": company,
            "position": position,
            "industry": industry,
            "region": f"示例市{district}",
            "summary": f"{industry}企业负责人，{w.pick(PURPOSES)}。"[:120],
            "biography": Literal(w.markdown(w.body_length(), lead)),
            "quote": w.pick(QUOTES) if rng.random() < 0.6 else None,
            "tags": [industry, *w.tags(3)],
            "consent": {
                "date": f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "scope": "同意公开姓名、照片、企业信息和事迹（虚构人物，基准测试数据）",
                "withdrawn": "2024-12-01" if withdrawn else None,
            },
        }
        if i in photo_slots:
            src = f"photos/{rid}.jpg"
            plan.files[f"data/{src}"] = jpeg(rng)
            record = {**record, "photo": {"src": src, "alt": f"{name}的工作照"}}
        plan.files[f"data/entrepreneurs/{rid}.yml"] = dump(record).encode()
        if not withdrawn:
            plan.entrepreneurs.append(rid)
        people.append((rid, name))
    return people


def make_events(plan: Plan, w: Writer, rng: random.Random, photo_slots: set[int], document_slots: set[int]) -> None:
    taken: set[str] = set()
    serial: dict[str, int] = {}
    for i in range(plan.counts["events"]):
        cat_slug, slug, core, forms = w.pick(EVENT_KINDS)
        year = w.pick(YEARS)
        date = w.date(year)
        n = serial[f"{year}-{slug}"] = serial.get(f"{year}-{slug}", 0) + 1
        rid = unique(f"{year}-{slug}-{n}" if n > 1 else f"{year}-{slug}", taken)
        form = w.pick(forms)
        title = f"{year}年{core}{form}" + (f"（第{n}场）" if n > 1 else "")
        if rng.random() < 0.3:
            title = f"{w.pick(('全市', '市工商联', '全市工商联系统', '直属商会'))}{title}"
        area = w.pick(CATEGORY_AREAS[cat_slug]) if rng.random() < 0.92 else None
        people = rng.sample(plan.entrepreneurs, min(len(plan.entrepreneurs), rng.choice((0, 0, 1, 1, 2, 3))))
        published = rng.random() >= 0.005
        record: dict = {
            "title": title[:100],
            "date": date,
            "end_date": None,
            "location": w.pick(LOCATIONS) if rng.random() < 0.7 else None,
            "category": CATEGORIES[cat_slug].label,
            "area": area,
            "summary": f"{w.pick(SUBJECTS)}{w.pick(ACTIONS)}，{w.pick(PURPOSES)}。",
            "body": Literal(w.markdown(w.body_length())),
            "sessions": ("**" if rng.random() < 0.1 else rng.randint(1, 30)) if rng.random() < 0.4 else None,
            "participants": ("**" if rng.random() < 0.1 else rng.randint(10, 2000)) if rng.random() < 0.5 else None,
            "entrepreneurs": people or None,
            "tags": w.tags(),
            "published": None if published else False,
        }
        if len(date) == 10 and rng.random() < 0.15:
            day = min(28, int(date[8:]) + rng.randint(1, 3))
            record["end_date"] = f"{date[:8]}{day:02d}"
        if i in photo_slots:
            photos = []
            for k in range(rng.randint(1, 2)):
                src = f"photos/{rid}-{k + 1}.jpg"
                plan.files[f"data/{src}"] = jpeg(rng)
                photos.append({"src": src, "alt": f"{title[:40]}现场照片", "caption": f"{core}{form}现场"})
            record["photos"] = photos
        if i in document_slots:
            kind, name = DOCUMENT_KINDS[i % len(DOCUMENT_KINDS)]
            record["documents"] = [document(plan, w, rng, rid, year, title, kind, name)]
        if published and plan.events and rng.random() < 0.1:
            record["links"] = [
                {"title": "相关活动", "url": f"events/{w.pick(plan.events)}/"},
                {"title": "新闻报道", "url": f"https://www.example.org/news/{rng.randint(100, 99999)}.html"},
            ]
        plan.files[f"data/events/{rid}.yml"] = dump(record).encode()
        if published:
            plan.events.append(rid)


def make_honors(
    plan: Plan, w: Writer, rng: random.Random, photo_slots: set[int], names: dict[str, str], document_slots: set[int]
) -> None:
    taken: set[str] = set()
    for i in range(plan.counts["honors"]):
        level, title, body_org, types = w.pick(HONOR_KINDS)
        rtype = w.pick(types)
        if rtype == "qiyejia" and not plan.entrepreneurs:
            rtype = "qiye"
        year = w.pick(YEARS)
        if rtype == "qiyejia":
            person = w.pick(plan.entrepreneurs)
            recipient = {"type": RECIPIENTS[rtype].label, "entrepreneur": person}
            who = names[person]
        else:
            name = {
                "benshi": "示例市工商联",
                "shanghui": w.pick(CHAMBERS),
                "zuzhi": w.pick(ORGS),
                "qiye": f"示例{w.pick(BRANDS)}{w.pick(INDUSTRIES)[1]}有限公司",
            }[rtype]
            recipient = {"type": RECIPIENTS[rtype].label, "name": name}
            who = name
        rid = unique(f"{year}-{level}-{'-'.join(_slug_words(title))}", taken)
        lead = f"{who}被{body_org}授予“{title}”称号。"
        record: dict = {
            "title": f"{who}获评{title}"[:100],
            "level": LEVELS[level].label,
            "awarding_body": body_org,
            "document_number": f"{body_org[:2]}发〔{year}〕{rng.randint(1, 99)}号" if rng.random() < 0.4 else None,
            "date": w.date(year),
            "recipient": recipient,
            "count": ("**" if rng.random() < 0.3 else rng.randint(2, 60)) if rng.random() < 0.1 else None,
            "area": w.pick(AREAS)[0] if rng.random() < 0.9 else None,
            "summary": lead,
            "body": Literal(w.markdown(w.body_length(), lead)),
            "tags": ["荣誉", *w.tags(2)],
        }
        if i in photo_slots:
            src = f"photos/{rid}.jpg"
            plan.files[f"data/{src}"] = jpeg(rng)
            record["certificate"] = {"src": src, "alt": f"“{title}”证书"}
        if i in document_slots:
            record["documents"] = [document(plan, w, rng, rid, year, title, "zhengshu", "证书")]
        plan.files[f"data/honors/{rid}.yml"] = dump(record).encode()
        plan.honors.append(rid)


def _slug_words(title: str) -> list[str]:
    # A short ASCII slug for an honor title: its index in the bank is enough to stay readable.
    for index, kind in enumerate(HONOR_KINDS):
        if kind[1] == title:
            return [f"rongyu{index + 1:02d}"]
    return ["rongyu"]  # pragma: no cover


def make_figures(plan: Plan, w: Writer, rng: random.Random) -> None:
    taken: set[str] = set()
    for i in range(plan.counts["figures"]):
        label, unit, low, high, approxes = w.pick(FIGURE_KINDS)
        year = w.pick(YEARS)
        rid = unique(f"shuju-{year}-{i + 1}", taken)
        approx = w.pick(approxes) or None
        source = None
        if rng.random() < 0.85:
            if plan.events and (rng.random() < 0.8 or not plan.honors):
                source = f"events/{w.pick(plan.events)}"
            elif plan.honors:
                source = f"honors/{w.pick(plan.honors)}"
        record = {
            "label": f"{year}年{label}",
            "value": "**" if rng.random() < 0.1 else rng.randint(low, high),
            "approx": approx,
            "unit": unit,
            "as_of": f"{year}-{rng.randint(1, 12):02d}" if rng.random() < 0.6 else str(year),
            "area": w.pick(AREAS)[0],
            "source": source,
            "note": "根据年度工作总结统计。" if rng.random() < 0.3 else None,
            "headline": True if i < 8 else None,
        }
        plan.files[f"data/figures/{rid}.yml"] = dump(record).encode()


def docs(w: Writer) -> dict[str, bytes]:
    files = {
        "docs/index.md": (
            "# 示例市工商联创建省级文明单位工作展示\n\n"
            + w.paragraph(4) + "\n\n" + w.paragraph(3) + "\n\n（基准测试用的合成数据。）\n"
        ),
        "docs/outlook.md": "# 展望\n\n" + w.markdown(1200) + "\n",
    }
    for area_id, title, _ in AREAS:
        files[f"docs/areas/{area_id}.md"] = f"# {title}\n\n" + w.markdown(1500) + "\n"
    return {path: text.encode() for path, text in files.items()}


def mkdocs_yml(out: Path, records: int) -> str:
    """A site config that INHERITs the project's and points at this checkout's hooks and templates.

    MkDocs resolves relative paths against the file that is loaded (this one), not against
    the inherited file, so hooks, custom_dir and watch are set again here.
    """

    def rel(path: Path) -> str:
        try:
            return Path(os.path.relpath(path, out.resolve())).as_posix()
        except ValueError:  # another drive on Windows
            return path.as_posix()

    return "\n".join([
        "# Generated by benchmarks/generate.py: a synthetic site for benchmarks (issue 7).",
        f"INHERIT: {rel(REPO / 'mkdocs.yml')}",
        f"site_name: 基准测试站点（{records} 条记录）",
        "docs_dir: docs",
        "site_dir: site",
        "theme:",
        f"  custom_dir: {rel(REPO / 'overrides')}",
        "hooks:",
        f"  - {rel(REPO / 'hooks' / 'site.py')}",
        "watch:",
        "  - data",
        f"  - {rel(REPO / 'hooks')}",
        f"  - {rel(REPO / 'overrides')}",
        "",
    ])


def plan_site(records: int, seed: int) -> Plan:
    if records < 10:
        raise SystemExit("--records: at least 10")
    rng = random.Random(seed)
    w = Writer(rng)
    plan = Plan(split(records))
    c = plan.counts

    def photo_slots(n: int, offset: int) -> set[int]:
        return {i for i in range(n) if (i + offset) % PHOTO_EVERY == 0}

    plan.files["data/site.yml"] = site_yml(records).encode()
    people = make_entrepreneurs(plan, w, rng, photo_slots(c["entrepreneurs"], 17))
    def document_slots(n: int, offset: int) -> set[int]:
        return {i for i in range(n) if (i + offset) % DOCUMENT_EVERY == 0}

    make_events(plan, w, rng, photo_slots(c["events"], 0), document_slots(c["events"], 0))  # event 0: photos, a PDF
    make_honors(plan, w, rng, photo_slots(c["honors"], 33), dict(people), document_slots(c["honors"], 5))
    make_figures(plan, w, rng)
    plan.files.update(docs(w))
    # the field's default list, as a new unit has it (not the project's own, which may differ)
    plan.files["data/search-synonyms.txt"] = (REPO / "hooks" / "showcase" / "load" / "default-synonyms.txt").read_bytes()
    return plan


def generate(records: int, out: Path | str, seed: int = 1) -> Plan:
    """Write the site folder; return the plan (ids, counts, files written)."""
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise SystemExit(f"{out} exists and is not a generated benchmark site; choose another --out")
    plan = plan_site(records, seed)
    for sub in ("data", "docs", "site", ".cache"):
        shutil.rmtree(out / sub, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(f"records={records} seed={seed}\n", encoding="utf-8")
    plan.files["mkdocs.yml"] = mkdocs_yml(out, records).encode()
    folders = set()
    for rel_path, data in sorted(plan.files.items()):
        path = out / rel_path
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        path.write_bytes(data)
    return plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, required=True, help="number of records (all kinds together)")
    parser.add_argument("--out", required=True, help="target folder (created; a previous generated site is replaced)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1); same seed, same bytes")
    args = parser.parse_args(argv)
    plan = generate(args.records, args.out, args.seed)
    c = plan.counts
    photos = sum(1 for p in plan.files if p.startswith("data/photos/"))
    documents = sum(1 for p in plan.files if p.startswith("data/documents/"))
    print(
        f"{args.out}: {args.records} records — {c['entrepreneurs']} entrepreneurs, {c['events']} events, "
        f"{c['honors']} honors, {c['figures']} figures; {photos} photos, {documents} PDFs; seed {args.seed}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
