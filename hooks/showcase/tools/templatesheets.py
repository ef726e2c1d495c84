"""The import templates (import-templates/活动.xlsx …): columns, help and drop-down lists from the schema."""

from __future__ import annotations

import csv
import datetime as _dt
from pathlib import Path

from ..model import Kind, describing
from ..schema import Describing
from .columns import Column, columns
from .scaffold import EDITABLE_KINDS
from .sheets import HELP_SHEET, column_letter

TEMPLATE_NAMES = {"event": "活动", "honor": "荣誉", "entrepreneur": "企业家"}

_COLUMN_EXAMPLES = {
    "id": "2023-qiyejia-peixun",
    "title": "2023年企业家能力提升培训班",
    "date": "2022-05-01",
    "end_date": "2022-05-03",
    "location": "某市会展中心",
    "summary": "一两句话概括，显示在列表和卡片上。",
    "body": "正文，可分段（单元格内按 Alt+Enter 换行）",
    "sessions": "3",
    "participants": "120 或 **（未公开）",
    "entrepreneurs": "zhang-san、li-si（编号或姓名）",
    "tags": "培训、党建",
    "photos.src": "2023-qiyejia-peixun-1.jpg",
    "photos.alt": "企业家们在培训班上听讲",
    "published": "是 / 否",
    "private.note": "内部备注，不会公开",
    "name": "张三",
    "company": "某某科技有限公司",
    "position": "董事长",
    "industry": "新能源",
    "region": "某市某区",
    "photo.src": "zhang-san.jpg",
    "photo.alt": "张三在企业车间",
    "biography": "人物简介，可分段",
    "quote": "企业家的一段话。",
    "consent.date": "2022-06-01",
    "consent.scope": "同意公开姓名、照片、企业信息和事迹",
    "consent.withdrawn": "（撤回同意时填写）",
    "level": "市级",
    "awarding_body": "某市人民政府",
    "document_number": "×政字〔2022〕1号",
    "recipient.type": "企业",
    "recipient.name": "某某科技有限公司",
    "recipient.entrepreneur": "zhang-san",
    "count": "**",
    "certificate.src": "2022-rongyu-zhengshu.jpg",
    "certificate.alt": "荣誉证书",
}


def column_example(column: Column, env: Describing) -> str:
    """An example for a template column; the work area comes from the unit's own site.yml."""
    if column.path == "area":
        return f"{env.areas[0][0]} 或 {env.areas[0][1]}" if env.areas else "板块编号或板块标题（见 site.yml 的 areas）"
    return _COLUMN_EXAMPLES.get(column.path, "")


def column_note(column: Column, env: Describing) -> str:
    """The Chinese help for one template column (cell comment and 说明 sheet)."""
    parts = ["必填。" if column.required else "选填。"]
    if column.help:
        parts.append(column.help.rstrip("。") + "。")
    spec = column.spec
    if spec is not None:
        parts.append(spec.type.cell_hint(spec, env))
    return "".join(parts)


def template_headers(kind: Kind) -> list[str]:
    return [c.header for c in columns(kind)]


def write_templates(folder: Path, env: Describing | None = None) -> list[Path]:
    """Write 活动/荣誉/企业家 .xlsx and .csv templates into ``folder``; return the paths."""
    env = env or describing()
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    fixed_time = _dt.datetime(2024, 1, 1)
    for kind in EDITABLE_KINDS:
        name = TEMPLATE_NAMES[kind.name]
        cols = columns(kind)
        workbook = Workbook()
        workbook.properties.creator = "showcase template-sheets"
        workbook.properties.created = fixed_time
        workbook.properties.modified = fixed_time
        sheet = workbook.active
        assert isinstance(sheet, Worksheet)
        sheet.title = kind.label
        required_fill = PatternFill("solid", fgColor="FCE4D6")
        other_fill = PatternFill("solid", fgColor="DDEBF7")
        for index, column in enumerate(cols, start=1):
            cell = sheet.cell(row=1, column=index, value=column.header)
            cell.font = Font(bold=True)
            cell.fill = required_fill if column.required else other_fill
            cell.alignment = Alignment(horizontal="center")
            comment = Comment(column_note(column, env), "showcase")
            comment.width, comment.height = 320, 160
            cell.comment = comment
            letter = column_letter(index - 1)
            spec = column.spec
            wide = spec is not None and spec.type.wide
            sheet.column_dimensions[letter].width = 40 if wide else max(12, min(30, len(column.header) * 2 + 6))
            # Text format, so that Excel keeps 2022-05 and ids as typed instead of turning them into dates.
            if column.path == "id" or (spec is not None and spec.type.cell_as_text):
                for row in range(2, 502):
                    sheet.cell(row=row, column=index).number_format = "@"
            choices = list(spec.type.cell_choices(spec, env)) if spec is not None else []
            if choices:
                validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
                validation.errorStyle = "warning"
                validation.errorTitle = "不在可选值中"
                validation.error = "可选：" + "、".join(choices)
                validation.add(f"{letter}2:{letter}1000")
                sheet.add_data_validation(validation)
        sheet.freeze_panes = "B2"
        help_sheet = workbook.create_sheet(HELP_SHEET)
        intro = [
            f"{kind.label}导入模板：在“{kind.label}”工作表中每行填写一条{kind.label}记录，第一行的列名不要改动。",
            "导入命令：showcase import 本文件 --kind " + kind.folder + "（Windows：.venv\\Scripts\\showcase import …）。",
            "橙色列名为必填；把鼠标移到列名上可看到填写说明。不需要的列可以删除，“序号”列会被忽略。",
            "“编号”可不填：不填时由" + (cols[1].header if len(cols) > 1 else "标题") + "的拼音自动生成。编号就是网址，发布后不要再改。",
            "所有行都检查通过后才会写入文件；有问题时会按“第几行、哪一列”列出，改好后重新导入即可。",
            "详细说明见 guide/编辑指南.md。",
        ]
        for row, text in enumerate(intro, start=1):
            help_sheet.cell(row=row, column=1, value=text)
        top = len(intro) + 2
        for index, head in enumerate(("列名", "必填", "填写说明", "示例"), start=1):
            cell = help_sheet.cell(row=top, column=index, value=head)
            cell.font = Font(bold=True)
        for offset, column in enumerate(cols, start=1):
            help_sheet.cell(row=top + offset, column=1, value=column.header)
            help_sheet.cell(row=top + offset, column=2, value="必填" if column.required else "")
            help_sheet.cell(row=top + offset, column=3, value=column_note(column, env)[3:] or "—")
            help_sheet.cell(row=top + offset, column=4, value=column_example(column, env))
        help_sheet.column_dimensions["A"].width = 16
        help_sheet.column_dimensions["B"].width = 6
        help_sheet.column_dimensions["C"].width = 80
        help_sheet.column_dimensions["D"].width = 36
        xlsx = folder / f"{name}.xlsx"
        workbook.save(xlsx)
        written.append(xlsx)
        csv_path = folder / f"{name}.csv"
        with open(csv_path, "w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel then reads UTF-8
            csv.writer(fh).writerow(template_headers(kind))
        written.append(csv_path)
    return written


