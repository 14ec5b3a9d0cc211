"""What the bench measures with, and how it talks: sizes, targets, the keys
under which the data set is recorded in the database."""

SEED = 10002
PARAM_SIZE = "odoo_iso10002.bench_size"
PARAM_DATA = "odoo_iso10002.bench_data"
PARAM_GENERATION = "odoo_iso10002.bench_generation"
TWO_YEARS = 730 * 86400  # seconds: complaints are received over the last 24 months
INTAKE_RECORDS = 1000
DUE_COMPLAINTS = 1000
REPEAT = 5  # read measurements: the median of this many runs, after one warm-up
LIST_LIMIT, KANBAN_LIMIT, COUNT_LIMIT = 80, 40, 10000  # as the web client asks
TARGET_INTAKE_RATIO = 1.3
TARGET_CRON_S = 2.0
TARGET_VIEW_MS = 200.0


def say(message):
    print(f"\033[1m[bench]\033[0m {message}", flush=True)
