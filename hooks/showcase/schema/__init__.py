"""Layer 2: field types as classes. Each type cleans what an editor wrote, and knows its
JSON Schema, its guide text, an example, how it is written to YAML and read from a
spreadsheet cell. Imports only :mod:`showcase.core`."""

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
from .images import IMAGE_SUFFIXES, PHOTO_FOLDER, Image, ImageList, ImageType, check_image
from .jsonschema import field_schema
from .numbers import Bool, Date, Int, Number, QuantityType, parse_date
from .refs import AREA, Ref, RefList, Source, Tags
from .structures import Object, ObjectList, Private, clean_mapping, object_schema, resolve_fields
from .text import LongText, Markdown, Text, Url

__all__ = [
    "AREA",
    "DATA_FOLDER",
    "IMAGE_SUFFIXES",
    "INVALID",
    "PHOTO_FOLDER",
    "SETTINGS_COLLECTION",
    "Block",
    "Bool",
    "CellReading",
    "Choice",
    "ChoiceList",
    "Cleaning",
    "Date",
    "Describing",
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
    "object_schema",
    "parse_date",
    "resolve_fields",
    "spec",
]
