"""The vocabulary of the generated data: the ISO steps in their order, the
categories with their weights, subjects and customers' names."""

STEPS = [
    "received",
    "acknowledged",
    "assessment",
    "investigation",
    "response",
    "decision_communicated",
    "closed",
]
CATEGORIES = [
    ("Delivery", 25),
    ("Product quality", 22),
    ("Billing", 15),
    ("Customer service", 12),
    ("Returns and refunds", 10),
    ("Website and ordering", 8),
    ("Installation", 5),
    ("Other", 3),
]
SUBJECTS = [
    "The parcel arrived damaged",
    "Charged twice for one order",
    "The product stopped working after a week",
    "Nobody answered my e-mails",
    "Delivery three weeks late",
    "Wrong item delivered",
    "Refund still not received",
    "Rude staff at the counter",
    "The installer left a mess",
    "Missing parts in the box",
]
FIRST_NAMES = ["Jonas", "Ona", "Lukas", "Ieva", "Matas", "Ema", "Paulius", "Gabija", "Tomas", "Ana"]
LAST_NAMES = ["Kazlauskas", "Petrauskaitė", "Jankauskas", "Stankevičiūtė", "Vasiliauskas"]
