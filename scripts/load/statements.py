"""The kind of an SQL statement, from its text: pure."""

import re

# a leading comment or parenthesis says nothing of the kind
_LEAD = re.compile(r"^(\s+|/\*.*?\*/|--[^\n]*\n|\()*", re.DOTALL)
WRITES = ("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "COPY")


def classify(query):
    """The statement's kind: "read" for SELECT (WITH ... SELECT), "write" for
    what changes rows, "other" for the rest (SET, SHOW, BEGIN ...)."""
    text = _LEAD.sub("", query, count=1).upper()
    if text.startswith("WITH"):
        # a data-modifying CTE writes
        return "write" if re.search(r"\b(INSERT|UPDATE|DELETE)\b", text) else "read"
    if text.startswith(("SELECT", "VALUES")):
        # SELECT ... FOR UPDATE locks rows on the primary, but writes none
        return "read"
    if text.startswith(WRITES):
        return "write"
    return "other"
