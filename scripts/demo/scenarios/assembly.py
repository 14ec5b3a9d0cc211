"""Complaints about assembly and installation."""

from ..scenario import BEDS, STORAGE, Outcome, Scenario

ASSEMBLY = [
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
]
