"""Each cluster's own statistics: pg_stat_database and pg_stat_statements of
the load's database, reset before the run and read after it."""

import psycopg2

from .statements import classify

SOCKET = "/var/run/postgresql"
DATABASE_COUNTERS = ("xact_commit", "tup_returned", "tup_inserted", "tup_updated", "tup_deleted")


def connect(database, port):
    connection = psycopg2.connect(host=SOCKET, port=port, dbname=database)
    connection.autocommit = True
    return connection


def reset(database, port):
    with connect(database, port) as connection, connection.cursor() as cr:
        cr.execute("SELECT pg_stat_reset()")
        cr.execute(
            """SELECT pg_stat_statements_reset(
                0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)"""
        )


def read(database, port):
    """The cluster's counters for the database, and its statements' calls
    by kind (read, write, other)."""
    with connect(database, port) as connection, connection.cursor() as cr:
        cr.execute("SELECT pg_is_in_recovery()")
        standby = cr.fetchone()[0]
        cr.execute(
            f"SELECT {', '.join(DATABASE_COUNTERS)} FROM pg_stat_database WHERE datname = %s",
            [database],
        )
        counters = dict(zip(DATABASE_COUNTERS, cr.fetchone(), strict=True))
        cr.execute(
            """SELECT query, calls FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = %s)""",
            [database],
        )
        statements = {"read": 0, "write": 0, "other": 0}
        for query, calls in cr.fetchall():
            statements[classify(query)] += calls
    return {"standby": standby, "database": counters, "statements": statements}
