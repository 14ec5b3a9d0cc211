"""Complaints about customer service."""

from ..scenario import CHAIRS, SOFAS, TABLES, Outcome, Scenario

SERVICE = [
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
