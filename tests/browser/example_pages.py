"""One page of each kind in the example site, shared by the browser tests."""

EXAMPLE_PAGES = {
    "home": "",
    "entrepreneurs": "entrepreneurs/",
    "entrepreneur": "entrepreneurs/wang-shiming/",
    "events": "events/",
    "event": "events/2022-xinhuo-peixun/",
    "category": "categories/jiaoyu-peixun/",
    "honors": "honors/",
    "honor": "honors/2021-quanguo-tuopin-gongjian-xianjin-jiti/",
    "figures": "figures/",
    "area": "areas/zhengzhi-jianhui/",
    "narrative": "outlook/",
    "tags": "tags/",
    "tag": "tags/%E8%96%AA%E7%81%AB%E5%B7%A5%E7%A8%8B/",  # 薪火工程
    "dossier": "dossier/",
    "report": "report/",
}
