from odoo.tests import new_test_user


def create_orders(env, partner, count=1, **values):
    """Confirmed sales orders of `partner`, one product line each."""
    product = env["product.product"].create({"name": "Oak cabinet", "list_price": 250.0})
    orders = env["sale.order"].create(
        [
            {
                "partner_id": partner.id,
                "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 1})],
                **values,
            }
            for _i in range(count)
        ]
    )
    orders.action_confirm()
    return orders


def create_salesman(env):
    return new_test_user(
        env, login="iso_salesman", groups="sales_team.group_sale_salesman_all_leads"
    )
