"""What a scenario is: a kind of complaint with its texts, its possible
outcomes and how often it comes; and the products complaints are about."""

from dataclasses import dataclass, field

CHAIRS = ("Ergo Pro office chair", "Ergo Lite office chair")
SOFAS = ("Oslo three-seater sofa", "Nida corner sofa", "Palanga sofa bed")
BEDS = ("Žemyna double bed", "Nida bed frame", "Giedra single bed")
STORAGE = (
    "Kaunas wardrobe",
    "Trakai chest of drawers",
    "Dubysa bookshelf",
    "Sodas kitchen cabinets",
)
TABLES = ("Trakai dining table", "Vilnius desk", "Neris coffee table", "Rasa sideboard")


@dataclass
class Outcome:
    decision: str
    weight: int
    remedies: str  # remedy type keys, space separated
    findings: str
    text: str


@dataclass
class Scenario:
    category: str
    subject: str
    descriptions: tuple
    outcomes: list
    products: tuple = ("",)
    remedy: str = ""
    severities: str = "112"
    cause: str = "other"
    compensation: tuple = (0, 0)
    number: tuple = (2, 9)  # {n} in the texts
    # weight per month, oldest first; or `fixed`: exactly so many in a month {month: count}
    trend: tuple = (1,) * 12
    fixed: dict = field(default_factory=dict)
    immediate_action: str = ""  # health & safety: what was done at once
    withdrawable: bool = True
