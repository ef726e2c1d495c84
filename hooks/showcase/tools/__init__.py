"""Layer 8: editors' commands (``showcase check|new|import|offline|schemas|template-sheets|guide-fields``),
new-record templates, spreadsheet import, the guide's field tables, JSON Schemas and YAML writing."""
