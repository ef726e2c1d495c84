"""Layer 2: field types as classes. Each type cleans what an editor wrote, and knows its
JSON Schema, its guide text, an example, how it is written to YAML and read from a
spreadsheet cell. Imports only :mod:`showcase.core`."""

from .attachments import Attachment, AttachmentList, DocumentPath
from .base import (
    INVALID,
    Block,
    CellReading,
    Cleaning,
    Describing,
    Field,
    FieldType,
    HelpOnly,
    Invalid,
    Picker,
    Quoted,
    Resolver,
    Verbatim,
    field_named,
    fields_of,
    spec,
)
from .choice import Choice, ChoiceList
from .cms import DATA_FOLDER, SETTINGS_COLLECTION, cms_field, cms_fields
from .documentfiles import DOCUMENTS_FOLDER, MAX_FILE_BYTES, MAX_SITE_BYTES, DocumentFile, inspect_document
from .images import IMAGE_SUFFIXES, PHOTO_FOLDER, Image, ImageList, ImageType, check_image
from .jsonschema import field_schema
from .numbers import Bool, Date, Int, Number, QuantityType, parse_date
from .refs import AREA, Ref, RefList, Source, Tags
from .structures import Object, ObjectList, Private, clean_mapping, object_schema, resolve_fields
from .text import LongText, Markdown, Text, Url

__all__ = [
    "AREA",
    "DATA_FOLDER",
    "DOCUMENTS_FOLDER",
    "IMAGE_SUFFIXES",
    "INVALID",
    "MAX_FILE_BYTES",
    "MAX_SITE_BYTES",
    "PHOTO_FOLDER",
    "SETTINGS_COLLECTION",
    "Attachment",
    "AttachmentList",
    "Block",
    "Bool",
    "CellReading",
    "Choice",
    "ChoiceList",
    "Cleaning",
    "Date",
    "Describing",
    "DocumentFile",
    "DocumentPath",
    "Field",
    "FieldType",
    "HelpOnly",
    "Image",
    "ImageList",
    "ImageType",
    "Int",
    "Invalid",
    "LongText",
    "Markdown",
    "Number",
    "Object",
    "ObjectList",
    "Picker",
    "Private",
    "QuantityType",
    "Quoted",
    "Ref",
    "RefList",
    "Resolver",
    "Source",
    "Tags",
    "Text",
    "Url",
    "Verbatim",
    "check_image",
    "clean_mapping",
    "cms_field",
    "cms_fields",
    "field_named",
    "field_schema",
    "fields_of",
    "inspect_document",
    "object_schema",
    "parse_date",
    "resolve_fields",
    "spec",
]
