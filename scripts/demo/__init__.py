"""Write the demo history: a year of complaints of a small Lithuanian
furniture maker and retailer that sells online and in three showrooms.

Usage: .venv/bin/python -m scripts.demo (from the repository)
Writes odoo_iso10002/demo/iso10002_demo_history.xml, which is committed: run
again after editing the tables (company.py, customers.py, scenarios/). The
output is the same on every run; scripts/test.sh checks that the committed
file is what this package writes.

The figures tell a story the management review can read (days before install):
a cheaper regional carrier starts about 330 days ago and delivery complaints
climb until the carrier is replaced about 205 days ago (corrective action in
iso10002_demo_review.xml), then fall; office chairs with gas lifts of a new
supplier fail from about 150 days ago; a payment-page update charges some
customers twice between about 90 and 30 days ago.

Dates are written relative to the Monday of the install's week (days before
it, at a given time, in UTC), so that the history ends before the install and
its weekdays are known: handlers work on working days. Whether a day is in
summer time depends on the install's date, so the deadlines are simulated on
the company's calendar (scripts/worktime.py, as Odoo counts them) for every
week of a year the install may fall in, and the escalations logged are those
due whichever it is (clock.py); the time decisions waited on the complainant
is counted by Odoo at install. The oldest month is dated in the calendar month 11 months before the
install's, so that the history covers 12 calendar months. Each complaint is
created directly in the ISO step it has reached, with the date of every step
it went through: creation runs the checkpoints of a move between stages
(`_iso_check_step`) and computes the deadlines and elapsed times from those
dates.
"""
