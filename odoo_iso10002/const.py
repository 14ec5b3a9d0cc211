"""Values shared by the models, the controllers and the reports."""

# The ISO 10002:2018 clause 7 process, in order. Business logic keys on these
# values, never on stage names, so admins may rename and add stages freely.
ISO_STEPS = [
    ("received", "Received"),
    ("acknowledged", "Acknowledged"),
    ("assessment", "Initial assessment"),
    ("investigation", "Investigation"),
    ("response", "Response"),
    ("decision_communicated", "Decision communicated"),
    ("closed", "Closed"),
]
STEP_ORDER = [step for step, _label in ISO_STEPS]
# First entry into each step after receipt is time-stamped in date_<step>.
STEP_DATES = [f"date_{step}" for step in STEP_ORDER if step != "received"]

# Initial assessment (7.5), ordered from least to most: escalation rules
# compare them ("at least high").
SEVERITIES = [("1", "Low"), ("2", "Medium"), ("3", "High"), ("4", "Critical")]
LEVELS = [("1", "Low"), ("2", "Medium"), ("3", "High")]
PRIORITIES = [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Very High")]

# Response (7.7) and the complainant's answer (7.9)
DECISIONS = [
    ("upheld", "Upheld"),
    ("partially_upheld", "Partially upheld"),
    ("not_upheld", "Not upheld"),
    ("withdrawn", "Withdrawn"),
]
RESPONSES = [
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
    ("no_answer", "No answer"),
]

# Deadlines (4.15): each kind has a deadline field and the date that meets it.
DEADLINE_KINDS = [
    ("acknowledge", "Acknowledgement"),
    ("decision", "Decision"),
    ("close", "Closing"),
]
DEADLINE_FIELDS = {
    "acknowledge": ("deadline_acknowledge", "date_acknowledged"),
    "decision": ("deadline_decision", "date_decision_communicated"),
    "close": ("deadline_close", "date_closed"),
}
DEADLINE_STATES = [
    ("on_track", "On track"),
    ("at_risk", "At risk"),
    ("breached", "Breached"),
    ("met", "Met"),
]

# Files a complainant or a handler uploads on a complaint
MB = 1024 * 1024
ATTACHMENT_COUNT_MAX = 5
ATTACHMENT_SIZE_MAX = 5 * MB
ATTACHMENTS_TOTAL_MAX = 10 * MB
