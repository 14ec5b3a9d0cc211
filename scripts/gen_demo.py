"""Write the demo history: a year of complaints of a small Lithuanian
furniture maker and retailer that sells online and in three showrooms.

Usage: .venv/bin/python scripts/gen_demo.py
Writes odoo_iso10002/demo/iso10002_demo_history.xml, which is committed: run
again after editing the tables below. The output is the same on every run.

The figures tell a story the management review can read (days before install):
a cheaper regional carrier starts about 330 days ago and delivery complaints
climb until the carrier is replaced about 205 days ago (corrective action in
iso10002_demo_review.xml), then fall; office chairs with gas lifts of a new
supplier fail from about 150 days ago; a payment-page update charges some
customers twice between about 90 and 30 days ago.

Dates are written relative to the Monday of the install's week (days before
it, at a given time, in UTC), so that the history ends before the install and
its weekdays are known: handlers work on working days, and deadlines and
elapsed working time are simulated on the company's calendar as Odoo counts
them. The oldest month is dated in the calendar month 11 months before the
install's, so that the history covers 12 calendar months. Each complaint is
created directly in the ISO step it has reached, with the date of every step
it went through: creation runs the checkpoints of a move between stages
(`_iso_check_step`) and computes the deadlines and elapsed times from those
dates.
"""

import itertools
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

OUTPUT = Path(__file__).resolve().parent.parent / "odoo_iso10002/demo/iso10002_demo_history.xml"
# chosen so that the complaints stand in every ISO step (checked in main)
SEED = 164
# The Monday of the install's week at 00:00 (see when()): every event happens before it.
TODAY = datetime(2000, 1, 3)
# The company's working hours (Standard 40 hours/week, Brussels) in UTC, in winter
# and in summer time: which applies depends on the date of the install.
SEASONS = (((7, 11), (12, 16)), ((6, 10), (11, 15)))
# Handlers work in the hours open in both (UTC).
OFFICE_HOURS = (7, 8, 9, 12, 13, 14)
# Marc Demo handles most complaints
USERS = ("base.user_demo",) * 3 + ("base.user_admin",) * 2
ISO_STEPS = ("received", "acknowledged", "assessment", "investigation", "response",
             "decision_communicated", "closed")  # fmt: skip

# Complaints received per month, oldest month first (month 11 is the last 30 days).
VOLUME = {
    "delivery": (4, 6, 9, 12, 11, 7, 4, 3, 2, 3, 2, 3),
    "product": (4, 5, 4, 5, 4, 4, 5, 8, 9, 7, 5, 5),
    "assembly": (2, 2, 2, 3, 2, 2, 2, 2, 2, 2, 2, 2),
    "billing": (1, 1, 2, 1, 1, 1, 1, 2, 2, 4, 3, 1),
    "service": (2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2),
}

# team: xml id, leader, automatic acknowledgement, targets (ack, decision, close,
# satisfaction) and deadline policies {severity: (ack hours, decision days, close days)};
# those of the default team are its policies in data/iso10002_deadline_data.xml.
TEAMS = {
    "service": {
        "xmlid": "helpdesk_ticket_team_complaints",
        "auto_ack": True,
        "policies": {None: (16, 20, 30), "3": (8, 10, 20), "4": (4, 5, 10)},
    },
    "quality": {
        "xmlid": "helpdesk_ticket_team_product_quality_demo",
        "name": "Product Quality",
        "leader": "base.user_demo",
        "auto_ack": False,
        "targets": (90, 85, 85, 70),
        "policies": {None: (16, 15, 25), "3": (8, 10, 20), "4": (4, 5, 10)},
    },
}
# category: (name, team, channel weights)
CATEGORIES = {
    "delivery": (
        "Delivery",
        "service",
        {"email": 35, "phone": 30, "web": 20, "form": 10, "shop": 5},
    ),
    "product": (
        "Product quality",
        "quality",
        {"email": 35, "web": 30, "form": 15, "phone": 15, "shop": 5},
    ),
    "assembly": (
        "Assembly and installation",
        "quality",
        {"email": 40, "phone": 30, "web": 20, "form": 10},
    ),
    "billing": ("Billing and refunds", "service", {"email": 60, "phone": 20, "web": 20}),
    "service": (
        "Customer service",
        "service",
        {"phone": 30, "email": 25, "form": 25, "shop": 20},
    ),
}
CHANNELS = {
    "email": "helpdesk_mgmt.helpdesk_ticket_channel_email",
    "phone": "helpdesk_mgmt.helpdesk_ticket_channel_phone",
    "web": "helpdesk_mgmt.helpdesk_ticket_channel_web",
    "form": "helpdesk_ticket_channel_public_form",
    "shop": "helpdesk_mgmt.helpdesk_ticket_channel_other",
}
CITIES = ("Vilnius",) * 3 + ("Kaunas",) * 2 + ("Klaipėda", "Šiauliai", "Panevėžys", "Utena")
SHOPS = ("Vilnius", "Kaunas", "Klaipėda")

# Customers with a contact, whose repeat complaints show: business customers
# of the base demo and some of their employees (xml id, name, e-mail)...
BASE_CUSTOMERS = [
    ("base.res_partner_1", "Wood Corner", "wood.corner26@example.com"),
    ("base.res_partner_2", "Deco Addict", "deco_addict@yourcompany.example.com"),
    ("base.res_partner_3", "Gemini Furniture", "gemini_furniture@fake.geminifurniture.com"),
    ("base.res_partner_4", "Ready Mat", "ready.mat28@example.com"),
    ("base.res_partner_10", "The Jackson Group", "jackson.group82@example.com"),
    ("base.res_partner_12", "Azure Interior", "azure.Interior24@example.com"),
    ("base.res_partner_18", "Lumber Inc", "lumber-inv92@example.com"),
    ("base.res_partner_address_1", "Willie Burke", "willie.burke80@example.com"),
    ("base.res_partner_address_3", "Douglas Fletcher", "douglas.fletcher51@example.com"),
    ("base.res_partner_address_5", "Edwin Hansen", "edwin.hansen58@example.com"),
    ("base.res_partner_address_15", "Brandon Freeman", "brandon.freeman55@example.com"),
    ("base.res_partner_address_17", "Toni Rhodes", "toni.rhodes11@example.com"),
]
# ... and new Lithuanian ones (xml id key, name, e-mail, city, street)
NEW_COMPANIES = [
    (
        "baltu_biuras",
        "UAB „Baltų biuras“",
        "info@baltubiuras.example.com",
        "Vilnius",
        "Konstitucijos pr. 21",
    ),
    (
        "viesbutis_neris",
        "Viešbutis „Neris“",
        "pirkimai@neris.example.com",
        "Kaunas",
        "Karaliaus Mindaugo pr. 4",
    ),
    (
        "medzio_namai",
        "UAB „Medžio namai“",
        "projektai@medzionamai.example.com",
        "Klaipėda",
        "Taikos pr. 88",
    ),
    ("kavine_pupa", "Kavinė „Pupa“", "pupa@kavinepupa.example.com", "Šiauliai", "Vilniaus g. 140"),
]
NEW_PEOPLE = [
    ("Jonas Kazlauskas", "Vilnius"),
    ("Rūta Jankauskienė", "Vilnius"),
    ("Tomas Petrauskas", "Kaunas"),
    ("Agnė Stankevičiūtė", "Vilnius"),
    ("Mindaugas Vasiliauskas", "Klaipėda"),
    ("Eglė Žukauskienė", "Kaunas"),
    ("Darius Butkus", "Šiauliai"),
    ("Laura Paulauskaitė", "Vilnius"),
    ("Giedrius Urbonas", "Panevėžys"),
    ("Ieva Kavaliauskaitė", "Vilnius"),
    ("Andrius Navickas", "Alytus"),
    ("Inga Ramanauskienė", "Kaunas"),
    ("Vytautas Šimkus", "Utena"),
    ("Neringa Balčiūnienė", "Vilnius"),
    ("Paulius Sakalauskas", "Klaipėda"),
    ("Simona Jonaitytė", "Utena"),
]
# Guests order without an account: a name and an address on the complaint only.
# fmt: off
MEN = ("Lukas", "Rokas", "Justinas", "Karolis", "Saulius", "Arūnas", "Marius", "Gediminas",
       "Ramūnas", "Edvinas")
WOMEN = ("Gintarė", "Jurgita", "Kristina", "Vaida", "Dalia", "Birutė", "Aušra", "Živilė", "Lina",
         "Monika", "Violeta")
# (man, married woman)
SURNAMES = (("Adomaitis", "Adomaitienė"), ("Rimkus", "Rimkienė"), ("Kairys", "Kairienė"),
            ("Baranauskas", "Baranauskienė"), ("Žilinskas", "Žilinskienė"),
            ("Mažeika", "Mažeikienė"), ("Vaitkus", "Vaitkienė"), ("Gudaitis", "Gudaitienė"),
            ("Marcinkevičius", "Marcinkevičienė"), ("Bagdonas", "Bagdonienė"),
            ("Morkūnas", "Morkūnienė"), ("Jurkus", "Jurkienė"), ("Čepulis", "Čepulienė"))
# fmt: on

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


SCENARIOS = [
    # Delivery -----------------------------------------------------------
    Scenario(
        "delivery",
        "{product} delivered {n} days late",
        (
            (
                "Our {product} (order {order}) was promised for a set day but arrived {n} days "
                "later. Nobody warned us; I had taken a day off work to wait for it."
            ),
            (
                "Order {order} was postponed twice without any message from you or the carrier. "
                "The {product} came {n} days after the date confirmed at checkout."
            ),
        ),
        [
            Outcome(
                "upheld",
                6,
                "apology refund",
                "The order left our warehouse on time. The carrier's {city} depot was short of "
                "drivers and moved the delivery without telling the customer or us.",
                "We are sorry for the late delivery and that nobody warned you. We have "
                "refunded the delivery fee of order {order}.",
            ),
            Outcome(
                "partially_upheld",
                2,
                "apology explanation",
                "The carrier cancelled the route twice; its system sent no notice. Our "
                "delivery desk learnt of the delay only when the customer called.",
                "The delay was our carrier's and we should have warned you: we apologise. The "
                "date at checkout is an estimate, so the order is not refunded, but your next "
                "delivery is free of charge.",
            ),
        ],
        products=SOFAS + TABLES + STORAGE,
        remedy="A refund of the delivery fee.",
        cause="delivery",
        number=(5, 16),
        trend=(1, 2, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1),
    ),
    Scenario(
        "delivery",
        "Nobody came in the agreed delivery slot",
        (
            (
                "We waited at home from 8:00 to 14:00 for the {product} as agreed; nobody came "
                "and the carrier's phone did not answer."
            ),
            (
                "The delivery of order {order} was confirmed for the morning. We waited all day "
                "and nobody came or called."
            ),
        ),
        [
            Outcome(
                "upheld",
                5,
                "apology compensation",
                "The driver skipped the address because the van was overloaded; the carrier "
                "did not tell its customers.",
                "We apologise: the carrier missed your slot. The {product} was delivered on the "
                "Saturday you chose and we pay you a compensation for the lost day.",
            ),
            Outcome(
                "partially_upheld",
                2,
                "apology refund",
                "The carrier planned the delivery for the wrong day after a change of route.",
                "We apologise for the missed slot and delivered on the next free day. The "
                "compensation you ask for is beyond our delivery terms; we refunded the "
                "delivery fee instead.",
            ),
        ],
        products=SOFAS + BEDS + STORAGE,
        remedy="Deliver on a Saturday and compensate the lost day.",
        cause="delivery",
        compensation=(20, 60),
        trend=(1, 2, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1),
    ),
    Scenario(
        "delivery",
        "{product} damaged in transport",
        (
            (
                "The {product} arrived with a deep dent on the side and a scratch across the "
                "front. The box was torn at one corner."
            ),
            (
                "When we unpacked the {product} we found a broken corner; the driver had already "
                "left. Photos attached."
            ),
        ),
        [
            Outcome(
                "upheld",
                6,
                "apology replacement",
                "Photos taken at packing show the {product} intact; the carrier's handling "
                "damaged the box.",
                "The damage happened in transport. We delivered a new part free of charge and "
                "took the damaged one back.",
            ),
            Outcome(
                "upheld",
                3,
                "apology repair",
                "The packaging had no corner protection and the part was crushed in the van.",
                "Our technician repaired the damage at your home; we now add corner protection "
                "to every parcel of this model.",
            ),
        ],
        products=TABLES + STORAGE,
        remedy="Replace the damaged part.",
        severities="1223",
        cause="delivery",
        trend=(1, 2, 2, 3, 3, 1, 1, 1, 1, 1, 1, 1),
    ),
    Scenario(
        "delivery",
        "Parcel left outside in the rain",
        (
            (
                "The driver left the boxes of the {product} in front of our house while we were "
                "at work. It rained all afternoon and the chipboard panels have swollen."
            ),
            (
                "We came home to find the {product} boxes soaked on the doorstep; the driver had "
                "neither rung nor called."
            ),
        ),
        [
            Outcome(
                "upheld",
                1,
                "apology replacement",
                "The driver left the parcels without a signature, against the carrier's "
                "instructions for furniture.",
                "The driver should never have left the boxes unattended. We replaced the "
                "damaged panels and the carrier has been reminded of its instructions.",
            )
        ],
        products=STORAGE + TABLES,
        remedy="New panels, or take the furniture back.",
        severities="223",
        cause="delivery",
        trend=(0, 1, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0),
    ),
    Scenario(
        "delivery",
        "Wrong model delivered instead of the {product}",
        (
            (
                "We ordered the {product} in beige and received a grey one. The label on the box "
                "shows another order number."
            ),
            (
                "Instead of the {product} we ordered (order {order}), two boxes of a different "
                "model arrived."
            ),
        ),
        [
            Outcome(
                "upheld",
                1,
                "apology replacement",
                "Two orders were picked from the same rack on the same day and their labels "
                "were swapped.",
                "A picking error in our warehouse: the right {product} was delivered and the "
                "wrong one collected, at no cost to you.",
            )
        ],
        products=SOFAS + STORAGE,
        remedy="Exchange it for the model we ordered.",
        cause="process",
    ),
    Scenario(
        "delivery",
        "Only part of the {product} delivered",
        (
            (
                "Only two of the three boxes of the {product} arrived; we cannot assemble it "
                "without the third."
            ),
            (
                "The {product} came without the box of doors, although the delivery note lists "
                "every box as delivered."
            ),
        ),
        [
            Outcome(
                "upheld",
                1,
                "apology replacement",
                "The last box was labelled with another delivery date and stayed in our warehouse.",
                "The missing box stayed in our warehouse because of a labelling error. It was "
                "delivered within two days, free of charge.",
            )
        ],
        products=STORAGE,
        remedy="Deliver the missing box.",
        cause="process",
        trend=(1,) * 8 + (0,) * 4,  # until the packing checklist
    ),
    Scenario(
        "delivery",
        "Tracking says delivered, but nothing arrived",
        (
            (
                "The tracking page of order {order} says the {product} was delivered yesterday, "
                "but nothing arrived and nobody here signed for it."
            ),
        ),
        [
            Outcome(
                "not_upheld",
                1,
                "explanation",
                "The carrier's proof of delivery shows a signature from the neighbouring flat.",
                "The carrier's proof of delivery shows that your neighbour signed for the "
                "parcel; we have sent you the photo of the signature.",
            ),
            Outcome(
                "upheld",
                2,
                "apology replacement",
                "The carrier lost the parcel at its {city} depot.",
                "The carrier lost the parcel. We sent a new {product} in our own van, at no "
                "cost to you.",
            ),
        ],
        products=CHAIRS + TABLES,
        remedy="Find the parcel or send a new one.",
        cause="delivery",
        trend=(1, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1),
    ),
    Scenario(
        "delivery",
        "Paid for floor delivery, boxes left at the entrance",
        (
            (
                "We paid for delivery to the fourth floor, but the driver left the {product} at "
                "the entrance of the building and drove off."
            ),
        ),
        [
            Outcome(
                "upheld",
                1,
                "apology refund",
                "The carrier had planned one driver instead of two for this delivery.",
                "We refunded the floor-delivery fee and apologise that you had to carry the "
                "boxes yourself.",
            )
        ],
        products=SOFAS + STORAGE,
        remedy="A refund of the floor-delivery fee.",
        cause="delivery",
    ),
    Scenario(
        "delivery",
        "Delivery to {city} took three weeks",
        (
            (
                "The product page said delivery in 5 working days. Our {product} arrived in "
                "{city} after three weeks."
            ),
        ),
        [
            Outcome(
                "partially_upheld",
                1,
                "apology explanation",
                "The {product} is made to order; the product page showed the delivery time of "
                "items in stock.",
                "The five days apply to items in stock; the {product} is made to order and the "
                "page did not say so. We apologise and have corrected the page.",
            )
        ],
        products=SOFAS + TABLES,
        cause="information",
    ),
    Scenario(
        "delivery",
        "Glass doors of the {product} broken on arrival",
        ("Both glass doors of the {product} were broken when we opened the boxes.",),
        [
            Outcome(
                "upheld",
                1,
                "apology replacement",
                "The glass doors were packed without corner protection and broke in the van.",
                "We replaced the glass doors free of charge and now pack glass separately.",
            )
        ],
        products=("Sodas kitchen wall cabinets", "Vitrina display cabinet"),
        severities="223",
        cause="delivery",
    ),
    Scenario(
        "delivery",
        "Delivery moved by text message the evening before",
        (
            (
                "At 21:00 the evening before the delivery we got a text message moving it by a "
                "week. We had booked two helpers for the {product}."
            ),
        ),
        [
            Outcome(
                "partially_upheld",
                2,
                "apology explanation",
                "The carrier's van broke down; the new date was sent automatically, late.",
                "We apologise for the late notice, caused by a breakdown of the carrier's van. "
                "We cannot pay for the helpers, but your delivery took the first free slot.",
            ),
            Outcome(
                "upheld",
                1,
                "apology compensation",
                "The carrier moved the delivery to fit another route, without a valid reason.",
                "The carrier had no good reason to move your delivery. We apologise and pay a "
                "compensation for the helpers you had booked.",
            ),
        ],
        products=SOFAS + STORAGE,
        cause="communication",
        compensation=(20, 50),
    ),
    Scenario(
        "delivery",
        "Packaging left behind after the assembly service",
        (
            (
                "The fitters assembled the {product} but left all the cardboard and foam in our "
                "flat, although removing the packaging is part of the service we paid for."
            ),
        ),
        [
            Outcome(
                "upheld",
                1,
                "apology",
                "The crew's job sheet did not show the packaging removal.",
                "We apologise: the packaging was collected two days later and our job sheets "
                "now show this service.",
            )
        ],
        products=STORAGE + BEDS,
        severities="1",
        cause="process",
    ),
    # Product quality ----------------------------------------------------
    Scenario(
        "product",
        "{product}: seat sinks down",
        (
            (
                "The seat of our {product} slowly sinks to the lowest position within an hour. "
                "The chair is {n} months old."
            ),
            (
                "Three of the {product}s we bought for our office no longer hold their height; "
                "the seats sink as soon as someone sits down."
            ),
        ),
        [
            Outcome(
                "upheld",
                8,
                "apology repair",
                "The gas lift loses pressure: a faulty seal in a batch from our new gas-lift "
                "supplier, confirmed by the supplier's 8D report.",
                "The gas lift of your chair belongs to a faulty supplier batch. Our technician "
                "replaced it free of charge and the warranty of the chair starts again.",
            ),
            Outcome(
                "upheld",
                2,
                "apology replacement",
                "The gas lift comes from the faulty batch of the new supplier.",
                "We replaced your chair with a new one: its gas lift belongs to a faulty "
                "supplier batch.",
            ),
        ],
        products=CHAIRS,
        remedy="Repair or replace the chairs.",
        severities="1223",
        cause="supplier",
        number=(1, 5),
        fixed={7: 2, 8: 4, 9: 4, 10: 2, 11: 1},  # the new gas-lift supplier
    ),
    Scenario(
        "product",
        "Armrest of the {product} cracked",
        ("One armrest of our {product} cracked after {n} months of normal office use.",),
        [
            Outcome(
                "upheld",
                3,
                "apology repair",
                "The armrest cracked at the screw boss; the plastic of this batch is brittle.",
                "Our technician fitted new armrests free of charge.",
            ),
            Outcome(
                "not_upheld",
                1,
                "explanation",
                "The crack starts from an impact mark on the outside of the armrest.",
                "The armrest broke after a knock, which the warranty does not cover. We can "
                "fit new armrests at cost price.",
            ),
        ],
        products=CHAIRS,
        cause="supplier",
        number=(2, 10),
    ),
    Scenario(
        "product",
        "Sofa fabric pilling after {n} months",
        (
            (
                "The fabric of our {product} is covered in small bobbles after {n} months; it "
                "looks old already."
            ),
        ),
        [
            Outcome(
                "not_upheld",
                2,
                "explanation",
                "The fabric passed the abrasion test of its class (40,000 Martindale cycles); "
                "pilling comes from friction with clothes.",
                "The fabric meets its specification. Pilling on new fabric is removed with a "
                "fabric shaver, which we send you with our care instructions.",
            ),
            Outcome(
                "partially_upheld",
                2,
                "explanation replacement",
                "The pilling on the seat cushions goes beyond what we see on this fabric.",
                "We replace the seat cushion covers free of charge; the rest of the sofa is "
                "within specification.",
            ),
        ],
        products=SOFAS,
        severities="1",
        cause="product_defect",
        number=(2, 8),
    ),
    Scenario(
        "product",
        "Slat broke in the {product}",
        ("A slat of the {product} broke in the middle after {n} weeks.",),
        [
            Outcome(
                "upheld",
                1,
                "apology replacement",
                "The slat had a knot where it broke, which our incoming check should have "
                "rejected.",
                "We sent a full set of new slats; you need not return the old ones.",
            )
        ],
        products=BEDS,
        cause="product_defect",
    ),
    Scenario(
        "product",
        "Drawers of the {product} jam",
        ("The drawers of our new {product} jam halfway and have to be forced open.",),
        [
            Outcome(
                "upheld",
                3,
                "apology repair",
                "The runners were fitted 2 mm out of line at the factory.",
                "Our technician realigned the runners at your home.",
            ),
            Outcome(
                "not_upheld",
                1,
                "explanation",
                "The chest stands on an uneven floor; the runners are in line.",
                "The drawers run freely once the chest is level; our technician showed you how "
                "to adjust its feet.",
            ),
        ],
        products=("Trakai chest of drawers", "Rasa sideboard", "Vilnius desk"),
        severities="1",
        cause="product_defect",
    ),
    Scenario(
        "product",
        "Veneer peeling on the {product}",
        ("The veneer of the {product} is lifting along one edge after {n} months.",),
        [
            Outcome(
                "upheld",
                2,
                "apology repair",
                "The glue line failed at the edge: a pressing fault of one production week.",
                "Our workshop re-glued the veneer; the repair is under warranty.",
            ),
            Outcome(
                "not_upheld",
                1,
                "explanation",
                "The veneer lifted where water stood on the top, which the care instructions "
                "warn against.",
                "The veneer was damaged by standing water, which the warranty does not cover. "
                "We offer the repair at cost price.",
            ),
        ],
        products=TABLES,
        cause="product_defect",
    ),
    Scenario(
        "product",
        "Doors of the {product} in two different shades",
        ("Two doors of the {product} are clearly lighter than the others.",),
        [
            Outcome(
                "partially_upheld",
                1,
                "explanation replacement",
                "The doors come from two lacquer batches; the difference is within tolerance "
                "in daylight but shows under warm light.",
                "We replace the two lighter doors free of charge; a small difference between "
                "wooden doors remains natural.",
            )
        ],
        products=("Kaunas wardrobe", "Sodas kitchen cabinets"),
        severities="1",
        cause="product_defect",
    ),
    Scenario(
        "product",
        "Mattress sagging after {n} months",
        ("Our {product} has a deep hollow on both sides after only {n} months.",),
        [
            Outcome(
                "not_upheld",
                3,
                "explanation",
                "The body impression measures 1.5 cm, within the 2.5 cm the warranty allows.",
                "The impression is within the warranty tolerance. Turning the mattress every "
                "month evens it out; our leaflet shows how.",
            ),
            Outcome(
                "upheld",
                1,
                "apology replacement",
                "The impression measures 4 cm: a faulty spring unit.",
                "The spring unit is faulty: we replaced the mattress.",
            ),
        ],
        products=("Miegas pocket-spring mattress",),
        severities="1",
        cause="product_defect",
        number=(6, 14),
    ),
    Scenario(
        "product",
        "Strong smell from the new {product}",
        ("Our new {product} gives off a strong chemical smell; we cannot sleep in the room.",),
        [
            Outcome(
                "not_upheld",
                2,
                "explanation",
                "The emission test of the batch is within the E1 limits; the smell comes from "
                "the lacquer and fades after two to three weeks of airing.",
                "The emissions are within the limits of the standard. The smell of fresh "
                "lacquer fades after two to three weeks of airing the room.",
            ),
            Outcome(
                "partially_upheld",
                1,
                "explanation refund",
                "The emissions are within the limits, but this batch smells more than usual.",
                "Although the emissions meet the standard, we took the furniture back and "
                "refunded it.",
            ),
        ],
        products=("Kaunas wardrobe", "Trakai chest of drawers"),
        severities="12",
        cause="supplier",
    ),
    Scenario(
        "product",
        "Seams of the leather armchair split",
        ("Two seams on the seat of our {product} have split after {n} months.",),
        [
            Outcome(
                "upheld",
                1,
                "apology repair",
                "The seam thread was too thin for leather upholstery: a supplier error.",
                "Our upholsterer re-sewed the seams with the right thread, free of charge.",
            )
        ],
        products=("Kopa leather armchair",),
        cause="supplier",
    ),
    Scenario(
        "product",
        "Garden furniture faded after one summer",
        ("The cushions and the slats of our {product} have faded badly after one summer.",),
        [
            Outcome(
                "not_upheld",
                2,
                "explanation",
                "The set stood uncovered in full sun all summer; the care guide asks for a cover.",
                "Fading in full sun is normal wear for this set; the care guide recommends a "
                "cover. We offer new cushions at a discount.",
            ),
            Outcome(
                "partially_upheld",
                1,
                "replacement explanation",
                "The cushion fabric faded more than its UV rating allows.",
                "We replace the cushions free of charge; the fading of the wood is normal.",
            ),
        ],
        products=("Palanga garden set",),
        severities="1",
        cause="product_defect",
        trend=(1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1),
    ),
    Scenario(
        "product",
        "Bed frame creaks at every move",
        ("Our {product} creaks loudly whenever one of us turns over.",),
        [
            Outcome(
                "upheld",
                1,
                "apology repair",
                "The connecting bolts work loose because the washers were missing from the "
                "hardware bag.",
                "We sent washers and felt pads; the creaking stops once the bolts are "
                "tightened. Our technician can do it for you free of charge.",
            )
        ],
        products=BEDS,
        severities="1",
        cause="product_defect",
    ),
    # Health and safety
    Scenario(
        "product",
        "Guard rail of the bunk bed came loose",
        (
            (
                "The safety rail of the upper bunk of our {product} came loose at night; our son "
                "(6) nearly fell out. Nobody was hurt, but the children sleep downstairs now."
            ),
        ),
        [
            Outcome(
                "upheld",
                1,
                "apology replacement compensation",
                "The rail brackets of one batch were fixed with screws 10 mm too short.",
                "The rail brackets were fixed with screws that were too short. We replaced the "
                "rail fixings of every bed of the batch and pay you a compensation. We are "
                "very sorry for the fright.",
            )
        ],
        products=("Drugelis bunk bed",),
        severities="4",
        cause="product_defect",
        compensation=(150, 300),
        fixed={2: 1},
        immediate_action="Every customer of the same batch was called the same day and asked "
        "not to use the upper bunk until a technician had checked the rail.",
        withdrawable=False,
    ),
    Scenario(
        "product",
        "Glass top of the coffee table shattered",
        (
            (
                "The tempered glass top of our {product} burst into pieces while nobody was "
                "touching it. Luckily the children were not in the room."
            ),
        ),
        [
            Outcome(
                "upheld",
                1,
                "apology refund compensation",
                "The tempered glass of one supplier batch has nickel sulphide inclusions, "
                "which make it burst.",
                "The glass of your table belongs to a faulty supplier batch. We refunded the "
                "table, pay a compensation for the damage and have withdrawn the batch.",
            )
        ],
        products=("Neris glass coffee table",),
        severities="4",
        cause="supplier",
        compensation=(100, 250),
        fixed={6: 1},
        immediate_action="Sales of the table stopped and the stock was put in quarantine the "
        "same day.",
        withdrawable=False,
    ),
    Scenario(
        "product",
        "Wardrobe tipped forward when the door was opened",
        (
            (
                "When my daughter opened the door of our new {product} it tipped forward and "
                "only stopped against the bed."
            ),
        ),
        [
            Outcome(
                "upheld",
                1,
                "apology explanation repair",
                "The wall anchor kit was missing from the box and the instructions showed it "
                "only on the last page.",
                "The anchor kit was missing and our instructions did not make it clear enough. "
                "Our fitter anchored the wardrobe; the kit and a warning now come first in "
                "the box.",
            )
        ],
        products=("Kaunas wardrobe",),
        severities="4",
        cause="information",
        fixed={9: 1},
        immediate_action="A fitter anchored the wardrobe to the wall the next morning.",
        withdrawable=False,
    ),
    Scenario(
        "product",
        "Recliner mechanism trapped a finger",
        ("My father's finger was caught in the footrest mechanism of our {product}.",),
        [
            Outcome(
                "partially_upheld",
                1,
                "explanation repair",
                "The mechanism meets the standard but has no gap guard; a finger can be "
                "caught when the footrest closes.",
                "The mechanism meets the safety standard, but we agree it can be safer: we "
                "fitted a gap guard free of charge.",
            )
        ],
        products=("Banga recliner armchair",),
        severities="3",
        cause="product_defect",
        fixed={11: 1},
        immediate_action="The customer was asked not to use the footrest until the "
        "technician's visit.",
        withdrawable=False,
    ),
    # Assembly and installation -------------------------------------------
    Scenario(
        "assembly",
        "Pre-drilled holes do not line up on the {product}",
        ("The pre-drilled holes of the left side panel of the {product} are 1 cm off.",),
        [
            Outcome(
                "upheld",
                1,
                "apology replacement",
                "The side panel was drilled with the template of the previous model.",
                "We sent a correctly drilled side panel by courier.",
            )
        ],
        products=STORAGE,
        cause="product_defect",
    ),
    Scenario(
        "assembly",
        "Screws and fittings missing from the {product}",
        ("The box of the {product} had no bag of screws and fittings.",),
        [
            Outcome(
                "upheld",
                1,
                "apology replacement",
                "The hardware bag was not packed: the packing station had run out of bags.",
                "We sent the hardware bag by courier the next day.",
            )
        ],
        products=STORAGE + BEDS,
        severities="1",
        cause="process",
        trend=(1,) * 8 + (0,) * 4,  # until the packing checklist
    ),
    Scenario(
        "assembly",
        "Assembly instructions for the {product} are hard to follow",
        ("Steps 7 to 9 of the instructions for the {product} do not match the parts.",),
        [
            Outcome(
                "partially_upheld",
                1,
                "apology explanation",
                "The drawings of steps 7 to 9 show the panel from the wrong side.",
                "The drawings were wrong and we apologise. We sent corrected instructions; "
                "the rest of the assembly follows the leaflet.",
            )
        ],
        products=STORAGE + BEDS,
        severities="1",
        cause="information",
    ),
    Scenario(
        "assembly",
        "Fitter damaged our wall during the installation",
        ("Our fitter cracked two wall tiles while installing the {product}.",),
        [
            Outcome(
                "upheld",
                1,
                "apology compensation",
                "The fitter drilled into the tiled wall without a tile bit.",
                "We apologise: our fitter cracked the tiles. We pay the tiler's invoice as a "
                "compensation.",
            )
        ],
        products=("Sodas kitchen cabinets",),
        severities="23",
        cause="staff_conduct",
        compensation=(150, 700),
    ),
    Scenario(
        "assembly",
        "Fitter did not come for the agreed installation",
        ("We took a day off for the installation of the {product}; the fitter never came.",),
        [
            Outcome(
                "upheld",
                1,
                "apology compensation",
                "The installation was moved in the planning tool but the customer was not told.",
                "The installation was moved without telling you: we apologise and pay a "
                "compensation for the lost day.",
            )
        ],
        products=("Sodas kitchen cabinets", "Kaunas wardrobe"),
        cause="communication",
        compensation=(20, 50),
    ),
    Scenario(
        "assembly",
        "Kitchen installation left unfinished",
        ("The fitters left without mounting the handles and the plinths of our {product}.",),
        [
            Outcome(
                "upheld",
                1,
                "apology repair",
                "The handles and plinths were missing from the delivery, so the fitter could "
                "not finish.",
                "The fitter came back with the missing parts and finished the installation.",
            )
        ],
        products=("Sodas kitchen cabinets",),
        cause="process",
    ),
    # Billing and refunds --------------------------------------------------
    Scenario(
        "billing",
        "Charged twice at online checkout",
        ("My card was charged twice for order {order} in the web shop.",),
        [
            Outcome(
                "upheld",
                1,
                "apology refund",
                "A timeout of the payment page made the web shop take the payment again.",
                "The second payment was taken by mistake after a timeout of our payment page. "
                "It has been refunded.",
            )
        ],
        severities="12",
        cause="billing",
        fixed={9: 2, 10: 3},  # the payment-page update
    ),
    Scenario(
        "billing",
        "Refund for the returned {product} not received",
        ("We returned the {product} {n} weeks ago and are still waiting for the refund.",),
        [
            Outcome(
                "upheld",
                1,
                "apology refund",
                "The return was received but the refund waited for a manual approval.",
                "Your refund has been paid; we apologise for the wait.",
            )
        ],
        products=CHAIRS + TABLES,
        cause="process",
        number=(3, 6),
    ),
    Scenario(
        "billing",
        "Discount code not applied to my order",
        ("The discount code from your newsletter was not deducted from order {order}.",),
        [
            Outcome(
                "upheld",
                2,
                "refund",
                "The code was valid, but the web shop ignored it for items already on sale.",
                "The code should have applied: we refunded the discount.",
            ),
            Outcome(
                "not_upheld",
                1,
                "explanation",
                "The code had expired two days before the order.",
                "The code had expired before your order, so it could not be applied.",
            ),
        ],
        severities="1",
        cause="billing",
    ),
    Scenario(
        "billing",
        "Invoice without our company code and VAT number",
        ("The invoice for order {order} has no company code or VAT number; we cannot book it.",),
        [
            Outcome(
                "upheld",
                1,
                "apology explanation",
                "The order was placed through a private account, without the company details.",
                "We issued a corrected invoice with your company details and linked your "
                "account to your company.",
            )
        ],
        severities="1",
        cause="information",
    ),
    Scenario(
        "billing",
        "Delivery fee charged despite the free-delivery offer",
        ("Your campaign promised free delivery, but order {order} includes a delivery fee.",),
        [
            Outcome(
                "upheld",
                1,
                "apology refund",
                "The free-delivery rule of the campaign missed the postcodes around {city}.",
                "We refunded the delivery fee and corrected the campaign rule.",
            )
        ],
        severities="1",
        cause="billing",
    ),
    Scenario(
        "billing",
        "Instalment debited on the wrong date",
        ("The instalment for our {product} was taken on the 5th instead of the 15th.",),
        [
            Outcome(
                "not_upheld",
                1,
                "explanation",
                "The credit partner debits on the 5th, as the signed contract says.",
                "The debit date is set by our consumer-credit partner and matches your "
                "contract; we sent you a copy.",
            )
        ],
        products=SOFAS,
        severities="1",
        cause="billing",
    ),
    # Customer service -----------------------------------------------------
    Scenario(
        "service",
        "Rude shop assistant in the {shop} showroom",
        (
            (
                "The assistant in the {shop} showroom rolled her eyes at my questions and walked "
                "away while I was talking."
            ),
        ),
        [
            Outcome(
                "upheld",
                2,
                "apology",
                "The store manager talked to the assistant, who admitted being short with the "
                "customer on a busy Saturday.",
                "We are sorry for how you were treated. The assistant has been coached and "
                "the store manager would be glad to help you personally.",
            ),
            Outcome(
                "partially_upheld",
                1,
                "apology explanation",
                "The assistant was serving three customers at once and could not stay.",
                "Our assistant should have told you she would come back: we apologise. The "
                "showroom was understaffed that day and we have added a second assistant on "
                "Saturdays.",
            ),
        ],
        severities="12",
        cause="staff_conduct",
    ),
    Scenario(
        "service",
        "No answer to my e-mails for two weeks",
        ("I wrote three times about order {order} and got no answer at all.",),
        [
            Outcome(
                "upheld",
                1,
                "apology explanation",
                "The messages went to a shared mailbox nobody watched during the holidays.",
                "Your messages landed in a mailbox nobody watched: we apologise. Every mailbox "
                "now has a named owner and a stand-in.",
            )
        ],
        severities="1",
        cause="communication",
    ),
    Scenario(
        "service",
        "Waited {n} minutes on the phone line",
        ("I waited {n} minutes on your phone line before I gave up.",),
        [
            Outcome(
                "partially_upheld",
                1,
                "apology explanation",
                "Calls doubled during the sale and only two agents were on the line.",
                "We apologise for the wait during our sale. You can now ask for a call-back "
                "instead of waiting.",
            )
        ],
        severities="1",
        cause="process",
        number=(25, 50),
    ),
    Scenario(
        "service",
        "Website showed the {product} in stock, but it was not",
        ("I ordered the {product} because the web shop said in stock; now it takes 6 weeks.",),
        [
            Outcome(
                "upheld",
                1,
                "apology explanation",
                "The web shop counted the showroom display model as stock.",
                "The display model was shown as stock by mistake. We apologise; you may "
                "cancel free of charge or wait for the new one.",
            )
        ],
        products=SOFAS + TABLES,
        severities="1",
        cause="information",
    ),
    Scenario(
        "service",
        "Warranty claim refused at the shop without explanation",
        ("The {shop} showroom refused my warranty claim for the {product} without a reason.",),
        [
            Outcome(
                "upheld",
                1,
                "apology explanation repair",
                "The shop applied the one-year rule of display items to a new product.",
                "The claim was refused by mistake. We apologise; our technician repaired the "
                "{product} under warranty.",
            ),
            Outcome(
                "not_upheld",
                1,
                "explanation",
                "The damage comes from use outdoors, which the warranty excludes.",
                "The damage comes from outdoor use, which the warranty excludes; we should have "
                "explained it in the shop.",
            ),
        ],
        products=SOFAS + CHAIRS,
        cause="communication",
    ),
    Scenario(
        "service",
        "Promised call-back never came",
        ("Your agent promised to call me back the same day about order {order}. Nobody did.",),
        [
            Outcome(
                "upheld",
                1,
                "apology",
                "The call-back request was logged without a phone number.",
                "We are sorry nobody called back: your request was logged without a number. "
                "Call-back requests now need one.",
            )
        ],
        severities="1",
        cause="communication",
    ),
]

SURVEY_QUESTIONS = ("ease", "communication", "timeliness", "fairness", "outcome", "overall")
SURVEY_COMMENTS = {
    "good": (
        "Thank you for sorting this out so quickly.",
        "The technician was friendly and fixed it in ten minutes.",
        "I always knew what was happening. Fair solution.",
    ),
    "mixed": (
        "It took a while, but the result is fine.",
        "I had to call twice to get any news.",
    ),
    "bad": (
        "Nobody called me back when promised.",
        "Three weeks for a simple answer is too slow.",
        "The answer was polite but solved nothing.",
    ),
}
REJECTIONS = (
    "The explanation does not match what we saw; we want someone to come and look.",
    "A discount is not enough: the furniture should be replaced.",
    "Nobody looked at the photos we sent.",
)


# ----------------------------------------------------------------------
# Simulation
# ----------------------------------------------------------------------


def ascii_name(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def at(days_ago, hour, minute=0):
    """The moment `days_ago` days before TODAY, at hour:minute."""
    return TODAY - timedelta(days=days_ago) + timedelta(hours=hour, minutes=minute)


def is_open(moment):
    return moment.weekday() < 5 and moment.hour in OFFICE_HOURS


def work_intervals(start, office):
    """The working intervals of the calendar from `start` on."""
    day = datetime.combine(start.date(), time())
    while True:
        if day.weekday() < 5:
            for begin, end in office:
                begin, end = day + timedelta(hours=begin), day + timedelta(hours=end)
                if end > start:
                    yield max(begin, start), end
        day += timedelta(days=1)


def plan_hours(hours, start):
    """The earliest and the latest moment `hours` working hours after `start`
    may be: Odoo's deadline lies in between, whatever the summer time."""
    deadlines = []
    for office in SEASONS:
        remaining = hours
        for begin, end in work_intervals(start, office):
            span = (end - begin).total_seconds() / 3600
            if remaining <= span:
                deadlines.append(begin + timedelta(hours=remaining))
                break
            remaining -= span
    # an hour more or less when the summer time starts or ends in between
    return min(deadlines) - timedelta(hours=1), max(deadlines) + timedelta(hours=1)


def working_hours(start, end):
    total = 0.0
    for begin, stop in work_intervals(start, SEASONS[0]):
        if begin >= end:
            return total
        total += (min(stop, end) - begin).total_seconds() / 3600


def office_time(rng, after, days):
    """A moment in office hours `days` working days after `after`, and later than it."""
    day = after.date()
    while days > 0:
        day += timedelta(days=1)
        days -= day.weekday() < 5
    while day.weekday() >= 5:
        day += timedelta(days=1)
    moment = datetime.combine(day, time(rng.choice(OFFICE_HOURS), rng.randrange(0, 60, 5)))
    if moment <= after:  # soon after, or on the next working day
        soon = after + timedelta(minutes=rng.randint(20, 120))
        moment = soon if is_open(soon) else office_time(rng, after, 1)
    return moment


def cron_time(moment):
    """When the hourly escalation cron sees that `moment` has passed."""
    return (moment + timedelta(hours=1)).replace(minute=5)


class Complaint:
    """One complaint: who, what, and the moves through the ISO steps (7.2-7.9)
    until the install."""

    def __init__(self, scenario, month, rng, customers):
        self.scenario = scenario
        self.rng = rng
        _name, team, channels = CATEGORIES[scenario.category]
        self.team = TEAMS[team]
        self.channel = rng.choices(list(channels), list(channels.values()))[0]
        self.customer = customers.pick(rng, scenario, self.channel)
        self.user = rng.choice(USERS)
        self.investigator = rng.choice(("base.user_admin", "base.user_demo", None, None))
        self.severity = rng.choice(scenario.severities)
        self.impact = str(min(3, max(1, int(self.severity) - rng.randint(0, 1))))
        self.complexity = rng.choice("112" if self.severity < "3" else "23")
        self.health_safety = bool(scenario.immediate_action)
        self.outcome = rng.choices(scenario.outcomes, [o.weight for o in scenario.outcomes])[0]
        self.compensation = 0
        if "compensation" in self.outcome.remedies:
            self.compensation = rng.randrange(*scenario.compensation, 5)
        self.description = rng.choice(scenario.descriptions)
        self.values = {
            "product": rng.choice(scenario.products),
            "order": f"S{rng.randint(1200, 9800):05d}",
            "n": rng.randint(*scenario.number),
            "city": self.customer.get("city") or rng.choice(CITIES),
            "shop": rng.choice(SHOPS),
        }
        self.rejection_reason = rng.choice(REJECTIONS)
        self._simulate(month)
        self._cut_at_install()
        self.logs = self._escalations()
        self.survey = self._survey()

    def text(self, template):
        return template.format(**self.values)

    def when(self, moment):
        return when(moment, self.month_start)

    def _policy(self, severity):
        policies = self.team["policies"]
        return policies.get(severity) or policies[None]

    def _simulate(self, month):
        """Every move of the complaint, [(date, step, complainant's answer)],
        as if nothing stopped at the install."""
        rng = self.rng
        # the oldest month is written relative to its calendar month (see when())
        self.month_start = at(364, 0) if month == 0 else None
        if month == 0:
            day = 364 - rng.randint(0, 20)
        else:
            day = rng.randint(331 - 30 * month, 360 - 30 * month)
        if self.channel in ("phone", "shop"):
            # the phone line answers on working days, the showrooms on Saturdays too
            while at(day, 0).weekday() >= (5 if self.channel == "phone" else 6):
                day += 1
            received = at(day, rng.randint(7, 15), rng.randrange(0, 60, 5))
        else:
            received = at(day, rng.randint(5, 20), rng.randint(0, 59))
        self.received = received
        _ack_hours, decision_days, _close_days = self._policy(self.severity)
        # decisions slip when complaints pile up (the carrier months)
        late = rng.random() < (0.35 if 3 <= month <= 4 else 0.12)
        # a few wait for a supplier's report, photos or a manager: open for months
        stuck = 5 <= month <= 10 and rng.random() < 0.07 and not self.health_safety
        if self.health_safety or self.channel in ("phone", "shop"):
            acknowledged = received + timedelta(minutes=rng.randint(10, 40))
        elif self.team["auto_ack"] and self.customer.get("email"):
            acknowledged = received + timedelta(minutes=rng.randint(1, 4))
        else:  # by a handler, late now and then
            days = rng.randint(3, 5) if rng.random() < 0.12 else rng.choice((0, 1))
            acknowledged = office_time(rng, received, days)
        assessed = office_time(rng, acknowledged, rng.choice((0, 1, 1, 2)))
        investigated = office_time(rng, assessed, rng.choice((1, 1, 2, 3)))
        share = rng.uniform(1.3, 1.8) if late else rng.uniform(0.3, 0.7)
        decided = plan_hours(decision_days * 8 * share, received)[1]
        responded = office_time(rng, max(investigated, decided - timedelta(days=2)), 0)
        communicated = office_time(rng, responded, 1)
        moves = [
            (acknowledged, "acknowledged", None),
            (assessed, "assessment", None),
            (investigated, "investigation", None),
            (responded, "response", None),
            (communicated, "decision_communicated", None),
        ]
        if stuck:
            self.moves = moves[: rng.choice((2, 3, 3, 4))]
            return
        if self.scenario.withdrawable and rng.random() < 0.07:
            moves = moves[: rng.randint(1, 3)]
            moves.append((office_time(rng, moves[-1][0], rng.randint(1, 6)), "closed", "withdrawn"))
            self.moves = moves
            return
        roll = rng.random()
        if roll < 0.05:  # rejected once: re-investigated, decided again (7.9)
            rejected = office_time(rng, communicated, rng.randint(1, 5))
            responded = office_time(rng, rejected, rng.randint(3, 8))
            communicated = office_time(rng, responded, rng.choice((0, 1)))
            moves += [
                (rejected, "investigation", "rejected"),
                (responded, "response", None),
                (communicated, "decision_communicated", None),
            ]
        if roll < 0.78:
            moves.append(
                (communicated + timedelta(hours=rng.uniform(2, 120)), "closed", "accepted")
            )
        else:  # closed by the daily cron once the company's 14 days are over
            answered = communicated + timedelta(days=14, hours=rng.uniform(10, 30))
            moves.append((answered, "closed", "no_answer"))
        self.moves = moves

    def _cut_at_install(self):
        """Keep the moves made before the install; derive the step reached."""
        moves = [move for move in self.moves if move[0] < TODAY]
        self.moves = moves
        self.step = moves[-1][1] if moves else "received"
        self.stage_since = moves[-1][0] if moves else self.received
        self.dates = {}  # first entry into each step, as _iso_stamp_steps records it
        for date, step, _answer in moves:
            self.dates.setdefault(step, date)
        answers = [(date, answer) for date, _step, answer in moves if answer]
        self.answer = answers[-1] if answers else None
        self.withdrawn = bool(self.answer and self.answer[1] == "withdrawn")
        self.reopened = any(answer == "rejected" for _date, answer in answers)
        self.closed = self.step == "closed"
        # the deadlines of the severity assessed, or of the team's default policy
        self.assessed = "investigation" in self.dates or self.health_safety
        ack_hours, decision_days, _close_days = self._policy(self.assessed and self.severity)
        self.acknowledge_due = plan_hours(ack_hours, self.received)
        self.decision_due = plan_hours(decision_days * 8, self.received)
        self.late = self.dates.get("decision_communicated", TODAY) > self.decision_due[0]
        # the deadline clocks stop while the decision awaits the complainant's answer
        self.pauses = [
            (start, end)
            for (start, step, _a), (end, _s, _b) in itertools.pairwise(moves)
            if step == "decision_communicated"
        ]

    def paused_hours(self):
        return round(sum(working_hours(start, end) for start, end in self.pauses), 1)

    def _escalations(self):
        """What the escalation rules logged, [(rule, level, date, reason)], each
        at the first hourly run after its condition held."""
        logs = []
        if self.health_safety:
            logs.append(("health_safety", 2, self.received, "health & safety"))
        # after the deadline whatever the summer time; "due within 24 h" before it
        acknowledged = self.dates.get("acknowledged", TODAY)
        breached = cron_time(self.acknowledge_due[1])
        if breached < min(acknowledged, TODAY):
            reason = "acknowledgement deadline breached"
            logs.append(("acknowledge_breached", 1, breached, reason))
        communicated = self.dates.get("decision_communicated", TODAY)
        if self.withdrawn:
            communicated = min(communicated, self.dates["closed"])
        earliest, latest = self.decision_due
        warned = cron_time(latest - timedelta(hours=24))
        if warned < min(communicated, TODAY, earliest):
            logs.append(("decision_due", 1, warned, "decision deadline due within 24 h"))
        if cron_time(latest) < min(communicated, TODAY):
            logs.append(("decision_breached", 2, cron_time(latest), "decision deadline breached"))
        for date, _step, answer in self.moves:
            if answer == "rejected":
                logs.append(("rejected", 1, date, "the complainant rejected the decision"))
        return logs

    def _survey(self):
        """Sent on closing (8.3); about half answer, some after the reminder."""
        rng = self.rng
        if not (self.closed and self.customer.get("email")) or self.withdrawn:
            return None
        invited = self.dates["closed"] + timedelta(minutes=1)
        survey = {"invited": invited}
        reminder = invited + timedelta(days=5, minutes=rng.randint(10, 50))
        if rng.random() < 0.5:
            if rng.random() < 0.7:
                answered = invited + timedelta(hours=rng.uniform(1, 96))
            else:
                answered = reminder + timedelta(hours=rng.uniform(1, 48))
            if answered < TODAY:
                survey["answered"] = answered
                survey["scores"] = self._survey_scores()
        if reminder < survey.get("answered", TODAY):
            survey["reminded"] = reminder
        return survey

    def _survey_scores(self):
        rng = self.rng
        mood = {"upheld": 3.4, "partially_upheld": 2.6, "not_upheld": 1.6}[self.outcome.decision]
        if self.reopened:
            mood -= 0.6
        adjust = {"ease": 0.3, "timeliness": -1.4 if self.late else 0.2, "fairness": 0.3}
        answers = {
            question: min(4, max(0, round(mood + adjust.get(question, 0) + rng.uniform(-1, 1))))
            for question in SURVEY_QUESTIONS
        }
        mean = sum(answers.values()) / len(answers)
        recommend = min(10, max(0, round(mean * 2.5 + rng.uniform(-1.5, 1.5))))
        kind = "good" if mean >= 3 else "mixed" if mean >= 2 else "bad"
        comment = rng.choice(SURVEY_COMMENTS[kind]) if rng.random() < 0.35 else ""
        return {"answers": answers, "recommend": recommend, "comment": comment}


class Customers:
    """Who complains: business customers and known consumers (with a contact),
    guests (a name and an address only) and a few anonymous people."""

    def __init__(self, rng):
        self.companies = [
            {"ref": ref, "name": name, "email": email} for ref, name, email in BASE_CUSTOMERS
        ] + [
            {"ref": f"res_partner_{key}_demo", "name": name, "email": email, "city": city}
            for key, name, email, city, _street in NEW_COMPANIES
        ]
        self.people = [
            {
                "ref": f"res_partner_{ascii_name(name).replace(' ', '_')}_demo",
                "name": name,
                "email": f"{ascii_name(name).replace(' ', '.')}@example.com",
                "phone": f"+370 6{rng.randint(10, 99)} {rng.randint(10000, 99999)}",
                "city": city,
            }
            for name, city in NEW_PEOPLE
        ]
        self.guests = []
        for _index in range(90):
            first = rng.choice(MEN + WOMEN)
            last = rng.choice(SURNAMES)[first in WOMEN]
            self.guests.append(
                {
                    "name": f"{first} {last}",
                    "email": f"{ascii_name(first)}.{ascii_name(last)}@example.com",
                    "phone": f"+370 6{rng.randint(10, 99)} {rng.randint(10000, 99999)}",
                    "city": rng.choice(CITIES),
                }
            )

    def pick(self, rng, scenario, channel):
        if channel == "form" and scenario.category == "service" and rng.random() < 0.5:
            return {"anonymous": True}
        roll = rng.random()
        if roll < 0.15:
            return rng.choice(self.companies)
        if roll < 0.27:
            return rng.choice(self.people)
        guest = rng.choice(self.guests)
        if channel in ("phone", "shop") and rng.random() < 0.4:
            return {key: value for key, value in guest.items() if key != "email"}
        return guest


def simulate():
    """The complaints, oldest first."""
    rng = random.Random(SEED)
    customers = Customers(rng)
    complaints = []
    for category, counts in VOLUME.items():
        scenarios = [s for s in SCENARIOS if s.category == category]
        for month, count in enumerate(counts):
            fixed = [s for s in scenarios for _n in range(s.fixed.get(month, 0))]
            pool = [s for s in scenarios if not s.fixed and s.trend[month]]
            drawn = fixed + rng.choices(pool, [s.trend[month] for s in pool], k=count - len(fixed))
            complaints += [Complaint(scenario, month, rng, customers) for scenario in drawn]
    complaints.sort(key=lambda complaint: complaint.received)
    for index, complaint in enumerate(complaints, 1):
        complaint.xmlid = f"helpdesk_ticket_complaint_history_{index:03d}_demo"
        complaint.survey_xmlid = f"survey_user_input_complaint_history_{index:03d}_demo"
        complaint.log_xmlid = f"iso10002_escalation_log_history_{index:03d}_%s_demo"
    return customers, complaints


# ----------------------------------------------------------------------
# XML
# ----------------------------------------------------------------------


def when(moment, month_start=None):
    """Eval text for `moment`, relative to the Monday of the install's week, so
    that weekdays are known and working time is counted as the company's
    calendar does; or, for the oldest month, relative to the first Monday of
    the calendar month 11 months before the install's (`month_start`), so
    that the history covers 12 calendar months."""
    at_time = f"hour={moment.hour}, minute={moment.minute}, second=0, microsecond=0"
    if month_start:
        days = (moment.date() - month_start.date()).days
        return (
            f"DateTime.now() + relativedelta(months=-11, day=1, weekday=0, {at_time})"
            f" + timedelta(days={days})"
        )
    days = (TODAY.date() - moment.date()).days
    assert days >= 1, moment
    return f"DateTime.now() + relativedelta(days=-DateTime.now().weekday() - {days}, {at_time})"


def refs(xmlids):
    return "[" + ", ".join(f"ref('{xmlid}')" for xmlid in xmlids) + "]"


class Writer:
    def __init__(self):
        self.lines = ['<?xml version="1.0" encoding="UTF-8" ?>']

    def add(self, text="", indent=1):
        self.lines.append("    " * indent + text if text else "")

    def record(self, xmlid, model, values):
        """values: [(field, kind, value)], kind one of char, eval, ref, html, or
        a model name: eval with `obj` browsing that model."""
        self.add(f'<record id="{xmlid}" model="{model}">')
        for name, kind, value in values:
            if kind == "ref":
                self.add(f'<field name="{name}" ref="{value}" />', 2)
            elif kind == "eval":
                self.add(f'<field name="{name}" eval={quoteattr(value)} />', 2)
            elif "." in kind:
                self.add(f'<field name="{name}" model="{kind}" eval={quoteattr(value)} />', 2)
            elif kind == "html":
                self.add(f'<field name="{name}" type="html"><p>{escape(value)}</p></field>', 2)
            else:
                self.add(f'<field name="{name}">{escape(value)}</field>', 2)
        self.add("</record>")

    def function(self, model, method, eval_text):
        self.add(f'<function model="{model}" name="{method}" eval={quoteattr(eval_text)} />')


def write_setup(out, customers):
    quality = TEAMS["quality"]
    ack, decision, close, satisfaction = quality["targets"]
    out.add("<!-- A second complaints team, for product quality, on the same ISO stages. -->")
    out.record(
        quality["xmlid"],
        "helpdesk.ticket.team",
        [
            ("name", "char", quality["name"]),
            ("is_complaint_team", "eval", "True"),
            ("complaint_auto_acknowledge", "eval", "False"),
            ("sequence", "eval", "2"),
            ("color", "eval", "4"),
            ("user_id", "ref", quality["leader"]),
            ("user_ids", "eval", "[Command.set([ref('base.user_admin'), ref('base.user_demo')])]"),
            ("survey_id", "ref", "survey_complaint_satisfaction"),
            ("survey_reminder_days", "eval", "5"),
            ("target_acknowledge_on_time", "eval", str(ack)),
            ("target_decision_on_time", "eval", str(decision)),
            ("target_close_on_time", "eval", str(close)),
            ("target_satisfaction", "eval", str(satisfaction)),
        ],
    )
    for step in ISO_STEPS:
        out.record(
            f"helpdesk_ticket_stage_{step}",
            "helpdesk.ticket.stage",
            [("team_ids", "eval", f"[Command.link(ref('{quality['xmlid']}'))]")],
        )
    for severity, (ack_hours, decision_days, close_days) in quality["policies"].items():
        out.record(
            f"deadline_policy_product_quality_{severity or 'default'}_demo",
            "iso10002.deadline.policy",
            [("team_id", "ref", quality["xmlid"])]
            + ([("severity", "eval", repr(severity))] if severity else [])
            + [
                ("acknowledge_hours", "eval", str(ack_hours)),
                ("decision_days", "eval", str(decision_days)),
                ("close_days", "eval", str(close_days)),
                ("at_risk_hours", "eval", str(ack_hours)),
            ],
        )
    out.add()
    for key, (name, _team, _channels) in CATEGORIES.items():
        out.record(
            f"helpdesk_ticket_category_{key}_demo",
            "helpdesk.ticket.category",
            [("name", "char", name)],
        )
    out.add()
    out.add("<!-- Customers with an account; guests complain with a name and an address. -->")
    for key, name, email, city, street in NEW_COMPANIES:
        out.record(
            f"res_partner_{key}_demo",
            "res.partner",
            [
                ("name", "char", name),
                ("is_company", "eval", "True"),
                ("email", "char", email),
                ("street", "char", street),
                ("city", "char", city),
                ("country_id", "ref", "base.lt"),
            ],
        )
    for person in customers.people:
        out.record(
            person["ref"],
            "res.partner",
            [
                ("name", "char", person["name"]),
                ("email", "char", person["email"]),
                ("phone", "char", person["phone"]),
                ("city", "char", person["city"]),
                ("country_id", "ref", "base.lt"),
            ],
        )


def complainant_fields(c):
    customer = c.customer
    if customer.get("anonymous"):
        return [("is_anonymous", "eval", "True"), ("preferred_contact", "char", "post")]
    values = [("partner_id", "ref", customer["ref"])] if customer.get("ref") else []
    values.append(("partner_name", "char", customer["name"]))
    if customer.get("email"):
        values.append(("partner_email", "char", customer["email"]))
    if customer.get("phone"):
        values.append(("partner_phone", "char", customer["phone"]))
    if c.channel in ("phone", "shop") or not customer.get("email"):
        values.append(("preferred_contact", "char", "phone"))
    return values


def complaint_fields(c):
    """The complaint as it stands at the install, with the date of each step."""
    s, d = c.scenario, c.dates
    values = [
        # numbered in the year it was received, as the sequence would have done
        (
            "number",
            "ir.sequence",
            (
                "obj(ref('ir_sequence_complaint')).with_context(ir_sequence_date="
                f"{c.when(c.received)}).next_by_id()"
            ),
        ),
        ("create_date", "eval", c.when(c.received)),
        ("date_received", "eval", c.when(c.received)),
        ("team_id", "ref", c.team["xmlid"]),
        ("stage_id", "ref", f"helpdesk_ticket_stage_{c.step}"),
        ("last_stage_update", "eval", c.when(c.stage_since)),
        ("name", "char", c.text(s.subject)),
        ("description", "html", c.text(c.description)),
        ("category_id", "ref", f"helpdesk_ticket_category_{s.category}_demo"),
        ("channel_id", "ref", CHANNELS[c.channel]),
        *complainant_fields(c),
    ]
    if s.category != "service" or "{order}" in c.description:
        values.append(("order_reference", "char", c.values["order"]))
    if s.remedy:
        values.append(("requested_remedy", "char", s.remedy))
    if "acknowledged" in d:
        values += [("user_id", "ref", c.user), ("assigned_date", "eval", c.when(d["acknowledged"]))]
    else:
        values.append(("user_id", "eval", "False"))
    values += [
        (f"date_{step}", "eval", c.when(d[step]))
        for step in ("acknowledged", "assessment", "investigation", "response")
        if step in d
    ]
    if c.assessed:
        values += [
            ("severity", "eval", repr(c.severity)),
            ("impact", "eval", repr(c.impact)),
            ("complexity", "eval", repr(c.complexity)),
        ]
    if c.health_safety:
        values += [
            ("health_safety", "eval", "True"),
            ("immediate_action_needed", "eval", "True"),
            ("immediate_action_possible", "eval", "True"),
            ("immediate_action_taken", "char", s.immediate_action),
        ]
    if "investigation" in d and c.investigator not in (None, c.user):
        values.append(("investigator_id", "ref", c.investigator))
    values += outcome_fields(c)
    if c.logs:
        values.append(("escalation_level", "eval", str(max(log[1] for log in c.logs))))
    if c.survey:
        values.append(("survey_invited_date", "eval", c.when(c.survey["invited"])))
        if "reminded" in c.survey:
            values.append(("survey_reminded_date", "eval", c.when(c.survey["reminded"])))
    return values


def outcome_fields(c):
    """Investigation findings, decision, the complainant's answer, closing (7.6-7.9)."""
    d = c.dates
    values = []
    if c.withdrawn:
        values.append(("decision", "char", "withdrawn"))
    elif "response" in d:
        values += [
            ("findings", "html", c.text(c.outcome.findings)),
            ("root_cause_id", "ref", f"root_cause_{c.scenario.cause}"),
            *decision_fields(c),
        ]
    if "decision_communicated" in d:
        values.append(("date_decision_communicated", "eval", c.when(d["decision_communicated"])))
    if c.step == "decision_communicated":
        values.append(("deadline_paused_since", "eval", c.when(c.stage_since)))
    # a new decision awaits a new answer; a rejection re-opens the investigation
    if c.answer and not c.withdrawn and c.step != "decision_communicated":
        values += [
            ("complainant_response", "char", c.answer[1]),
            ("date_complainant_response", "eval", c.when(c.answer[0])),
        ]
    if c.reopened:
        values += [("reopen_count", "eval", "1"), ("rejection_reason", "char", c.rejection_reason)]
    if c.closed:
        values += [
            ("date_closed", "eval", c.when(d["closed"])),
            ("closed_date", "eval", c.when(d["closed"])),
        ]
    return values


def decision_fields(c):
    o = c.outcome
    remedies = refs(f"remedy_type_{key}" for key in o.remedies.split())
    values = [
        ("decision", "char", o.decision),
        ("decision_text", "html", c.text(o.text)),
        ("remedy_type_ids", "eval", f"[Command.set({remedies})]"),
    ]
    if c.compensation:
        values.append(("compensation_amount", "eval", f"{c.compensation:.1f}"))
        if c.compensation > 500:  # above the company's approval limit: a manager approved it
            values += [
                ("approved_by_id", "ref", "base.user_admin"),
                ("date_approved", "eval", c.when(c.dates["response"] + timedelta(minutes=10))),
            ]
    return values


def survey_lines(scores):
    """Eval text of the answer lines: six scored choices, the 0-10 scale, a comment."""
    choices = ", ".join(f"('{question}', {score})" for question, score in scores["answers"].items())
    text = (
        "[Command.create({'question_id': ref('survey_question_' + question), "
        "'answer_type': 'suggestion', "
        "'suggested_answer_id': ref('survey_answer_%s_%s' % (question, score))}) "
        f"for question, score in [{choices}]]"
        " + [Command.create({'question_id': ref('survey_question_recommend'), "
        f"'answer_type': 'scale', 'value_scale': {scores['recommend']}}})]"
    )
    if scores["comment"]:
        text += (
            " + [Command.create({'question_id': ref('survey_question_comment'), "
            f"'answer_type': 'text_box', 'value_text_box': {scores['comment']!r}}})]"
        )
    return text


def write_complaint(out, c):
    out.record(c.xmlid, "helpdesk.ticket", complaint_fields(c))
    for rule, level, date, reason in c.logs:
        if rule == "health_safety" and not c.closed:
            continue  # the rule logs it on creation, dated below
        out.record(
            c.log_xmlid % rule,
            "iso10002.escalation.log",
            [
                ("ticket_id", "ref", c.xmlid),
                ("rule_id", "ref", f"iso10002_escalation_rule_{rule}"),
                ("level", "eval", str(level)),
                ("date", "eval", c.when(date)),
                ("reason", "char", reason),
            ],
        )
    if c.health_safety and not c.closed:
        rule = "ref('iso10002_escalation_rule_health_safety')"
        logs = f"obj().search([('ticket_id', '=', ref('{c.xmlid}')), ('rule_id', '=', {rule})]).ids"
        out.function(
            "iso10002.escalation.log", "write", f"[{logs}, {{'date': {c.when(c.received)}}}]"
        )
    if c.survey:
        values = [
            ("survey_id", "ref", "survey_complaint_satisfaction"),
            ("complaint_id", "ref", c.xmlid),
            ("create_date", "eval", c.when(c.survey["invited"])),
            ("email", "char", c.customer["email"]),
        ]
        if c.customer.get("ref"):
            values.append(("partner_id", "ref", c.customer["ref"]))
        if "answered" in c.survey:
            values += [
                ("start_datetime", "eval", c.when(c.survey["answered"] - timedelta(minutes=3))),
                ("user_input_line_ids", "eval", survey_lines(c.survey["scores"])),
            ]
        out.record(c.survey_xmlid, "survey.user_input", values)


def write(customers, complaints):
    out = Writer()
    out.add("<!-- Generated by scripts/gen_demo.py: edit the script, not this file. -->", 0)
    # Handlers are not mailed about each of the year's assignments.
    out.add("<odoo context=\"{'mail_auto_subscribe_no_notify': True}\">", 0)
    write_setup(out, customers)
    out.add()
    out.add("<!-- A year of complaints, oldest first, with their escalations and surveys. -->")
    for complaint in complaints:
        write_complaint(out, complaint)
    out.add()
    out.add("<!-- The deadlines are computed from the dates of the steps; then the time each")
    out.add("     decision waited on the complainant moves the closing deadline only: the")
    out.add("     others were met before, and a deadline met is fixed. -->")
    out.function("helpdesk.ticket", "flush_model", "[[]]")
    for c in complaints:
        if not c.pauses:
            continue
        ticket = f"[ref('{c.xmlid}')]"
        paused = f"'deadline_paused_hours': {c.paused_hours()}"
        if c.closed:  # the closing time is measured again, without the pause
            closed = f"'date_closed': {c.when(c.dates['closed'])}"
            out.function("helpdesk.ticket", "write", f"[{ticket}, {{'deadline_close': False}}]")
            out.function("helpdesk.ticket", "write", f"[{ticket}, {{{paused}, {closed}}}]")
        else:
            out.function("helpdesk.ticket", "write", f"[{ticket}, {{{paused}}}]")
    out.add()
    out.add("<!-- The answered surveys are completed, then dated when they were answered. -->")
    answered = [c for c in complaints if c.survey and "answered" in c.survey]
    out.add('<function model="survey.user_input" name="_mark_done">')
    out.add('<value model="survey.user_input" eval="[', 2)
    out.lines += [f"            ref('{c.survey_xmlid}')," for c in answered]
    out.add(']" />', 2)
    out.add("</function>")
    for c in answered:
        date = c.when(c.survey["answered"])
        answer = f"[[ref('{c.survey_xmlid}')], {{'end_datetime': {date}}}]"
        complaint = f"[[ref('{c.xmlid}')], {{'survey_answered_date': {date}}}]"
        out.function("survey.user_input", "write", answer)
        out.function("helpdesk.ticket", "write", complaint)
    out.add()
    out.add("<!-- The health & safety to-dos of the closed complaints were done back then. -->")
    handled = refs(c.xmlid for c in complaints if c.health_safety and c.closed)
    activities = f"[('res_model', '=', 'helpdesk.ticket'), ('res_id', 'in', {handled})]"
    out.function("mail.activity", "action_done", f"[obj().search({activities}).ids]")
    out.add("<!-- Escalate what is overdue at install time rather than at the next hourly run. -->")
    out.add('<function model="helpdesk.ticket" name="_cron_escalate" eval="[[]]" />')
    out.add("</odoo>", 0)
    OUTPUT.write_text("\n".join(out.lines) + "\n", encoding="utf-8")


def summary(complaints):
    steps = {}
    for c in complaints:
        steps[c.step] = steps.get(c.step, 0) + 1
    surveys = [c for c in complaints if c.survey]
    print(f"{len(complaints)} complaints written to {OUTPUT}")
    print("  steps:", ", ".join(f"{step} {steps.get(step, 0)}" for step in ISO_STEPS))
    print(
        f"  surveys sent {len(surveys)}, answered "
        f"{sum('answered' in c.survey for c in surveys)}; escalations "
        f"{sum(len(c.logs) for c in complaints)}; re-opened {sum(c.reopened for c in complaints)}; "
        f"decided late {sum(c.late for c in complaints if 'decision_communicated' in c.dates)}; "
        f"withdrawn {sum(c.withdrawn for c in complaints)}; "
        f"health & safety {sum(c.health_safety for c in complaints)}; compensations "
        f"{[c.compensation for c in complaints if c.compensation and 'response' in c.dates]}"
    )


def main():
    customers, complaints = simulate()
    missing = set(ISO_STEPS) - {complaint.step for complaint in complaints}
    assert not missing, f"no complaint in {missing}: pick another SEED"
    write(customers, complaints)
    summary(complaints)


if __name__ == "__main__":
    main()
