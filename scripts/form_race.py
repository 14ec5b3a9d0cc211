"""Fire pairs of simultaneous public-form submissions with the same new
e-mail address at a running Odoo, then count the contacts per address.

    .venv/bin/python scripts/form_race.py --url http://127.0.0.1:8073 \\
        --db iso10002_form_load --pairs 50

Each pair's two visitors open /complaints/new in their own session (for the
CSRF token), wait for each other, then post at the same moment; the second
types the address in another case, with spaces around it. Without a guard
the two requests each find no contact and each create one. Run it against a
server with several workers (--workers=4) and the form's submission limits
off (0), or most posts are refused. Local servers only: it refuses any other
host.
"""

import argparse
import re
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import psycopg2
import requests

CSRF_RE = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


def visitor(url):
    session = requests.Session()
    page = session.get(f"{url}/complaints/new", timeout=60)
    page.raise_for_status()
    return session, CSRF_RE.search(page.text).group(1)


def post(url, session, token, email, barrier):
    data = {
        "csrf_token": token,
        "name": "Race Visitor",
        "email": email,
        "subject": "Submitted twice at once",
        "description": "Two visitors, one address, the same moment.",
        "preferred_contact": "email",
    }
    barrier.wait()
    response = session.post(f"{url}/complaints/submit", data=data, timeout=120)
    return response.status_code


def run_pair(url, email):
    variant = f"  {email.upper()} "
    visitors = [visitor(url), visitor(url)]
    barrier = threading.Barrier(2)
    with ThreadPoolExecutor(2) as pool:
        futures = [
            pool.submit(post, url, session, token, address, barrier)
            for (session, token), address in zip(visitors, (email, variant), strict=True)
        ]
        return [future.result() for future in futures]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8073")
    parser.add_argument("--db", required=True, help="the server's database, to count contacts")
    parser.add_argument("--pairs", type=int, default=50)
    parser.add_argument("--parallel", type=int, default=2, help="pairs fired at the same time")
    args = parser.parse_args()
    if urlsplit(args.url).hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("form_race.py only talks to a local server.")

    run = uuid.uuid4().hex[:8]
    emails = [f"race-{run}-{n}@example.com" for n in range(args.pairs)]
    start = time.monotonic()
    with ThreadPoolExecutor(args.parallel) as pool:
        statuses = [s for pair in pool.map(lambda e: run_pair(args.url, e), emails) for s in pair]
    elapsed = time.monotonic() - start

    with psycopg2.connect(dbname=args.db) as conn, conn.cursor() as cr:
        cr.execute(
            """SELECT email_normalized, count(*) FROM res_partner
                WHERE email_normalized LIKE %s GROUP BY email_normalized""",
            (f"race-{run}-%",),
        )
        contacts = dict(cr.fetchall())
        cr.execute(
            """SELECT count(*) FROM helpdesk_ticket t JOIN res_partner p ON p.id = t.partner_id
                WHERE p.email_normalized LIKE %s""",
            (f"race-{run}-%",),
        )
        (complaints,) = cr.fetchone()
    duplicated = sum(1 for n in contacts.values() if n > 1)
    print(f"run {run}: {args.pairs} pairs in {elapsed:.1f} s, HTTP {sorted(set(statuses))}")
    print(f"  complaints created: {complaints} of {2 * args.pairs}")
    print(f"  contacts created: {sum(contacts.values())} for {len(contacts)} addresses")
    print(f"  pairs with two contacts: {duplicated} of {args.pairs}")
    return 1 if duplicated else 0


if __name__ == "__main__":
    sys.exit(main())
