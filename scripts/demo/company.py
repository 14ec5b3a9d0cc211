"""The company: its complaint teams and their deadline policies, categories,
channels, handlers and showrooms, and how many complaints come each month."""

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
