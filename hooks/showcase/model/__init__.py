"""Layer 3: the data model. Each record kind is one dataclass declared with its fields
(:mod:`showcase.schema` field types), folder, label and page template; the site settings;
criteria and narratives; and the :class:`Dataset` every later layer reads.
Imports only :mod:`showcase.core` and :mod:`showcase.schema`."""

from .common import Link
from .criteria import EXPLANATION_LIMIT, Criterion, FrontMatter, Narrative
from .dataset import Dataset
from .kind import Kind, Problem, Record, Unpublish
from .kinds import (
    CRITERION,
    DATA_KINDS,
    ENTREPRENEUR,
    EVENT,
    FIGURE,
    HONOR,
    KINDS_BY_FOLDER,
    KINDS_BY_NAME,
    PAGE_KINDS,
    RECORD_KINDS,
    SITE,
    describing,
)
from .records import Consent, Entrepreneur, Event, Figure, Honor, Recipient
from .site import SITE_FILE, Application, Area, Assessment, Contact, Filing, Site, Unit

__all__ = [
    "CRITERION", "DATA_KINDS", "ENTREPRENEUR", "EVENT", "EXPLANATION_LIMIT", "FIGURE", "HONOR", "KINDS_BY_FOLDER",
    "KINDS_BY_NAME", "PAGE_KINDS", "RECORD_KINDS", "SITE", "SITE_FILE", "Application", "Area", "Assessment", "Consent",
    "Contact", "Criterion", "Dataset", "Entrepreneur", "Event", "Figure", "Filing", "FrontMatter", "Honor", "Kind",
    "Link", "Narrative", "Problem", "Recipient", "Record", "Site", "Unit", "Unpublish", "describing",
]
