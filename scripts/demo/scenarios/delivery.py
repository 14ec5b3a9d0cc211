"""Complaints about delivery: late, missed, damaged, wrong or incomplete."""

from ..scenario import BEDS, CHAIRS, SOFAS, STORAGE, TABLES, Outcome, Scenario

DELIVERY = [
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
]
