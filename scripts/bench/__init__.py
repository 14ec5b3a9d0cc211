"""The cost of odoo_iso10002 at scale: the Python half of `make bench`.

scripts/bench.sh prepares the database; this package generates the data set
(--generate: teams, handlers, customers and complaints spread over 24 months,
written in bulk with COPY), then measures intake, the escalation cron,
management reviews, the complaints list and kanban and the reporting pivot.
Every measurement runs in a transaction that is rolled back, so the data set
stays as generated; it prints a Markdown table and writes it, with the machine
it ran on, to docs/benchmarks.md.
"""
