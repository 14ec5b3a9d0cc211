"""Complaints about the products, health and safety ones last."""

from ..scenario import BEDS, CHAIRS, SOFAS, TABLES, Outcome, Scenario

PRODUCT = [
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
]
