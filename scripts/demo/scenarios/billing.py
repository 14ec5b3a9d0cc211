"""Complaints about billing and refunds."""

from ..scenario import CHAIRS, SOFAS, TABLES, Outcome, Scenario

BILLING = [
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
]
