"""Values shared by the models, the controllers and the reports."""

# The complaint roles' groups
MANAGER_GROUP = "odoo_iso10002.group_complaint_manager"
AUDITOR_GROUP = "odoo_iso10002.group_complaint_auditor"

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

# The public complaint form (/complaints/new), open to anyone: how often a
# client address or an e-mail address may submit it (company settings, 0: no
# limit), over which window, and how long submissions are kept to count them.
FORM_LIMIT_IP_DEFAULT = 5
FORM_LIMIT_EMAIL_DEFAULT = 3
FORM_LIMIT_WINDOW_HOURS = 1
FORM_SUBMISSION_RETENTION_DAYS = 1
# The action Odoo's captcha modules check the form's token against.
FORM_CAPTCHA_ACTION = "complaint_submit"
# What of the visitor's typing the automatic acknowledgement repeats: anyone
# can make it go to any address, so it never carries a long text of theirs.
ECHO_NAME_MAX = 60
ECHO_SUBJECT_MAX = 100
