"""Who complains, and what they answer: customers with an account, guests and
anonymous people; the reasons for rejecting a decision; survey comments."""

import unicodedata

from .company import CITIES

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


def ascii_name(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


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
