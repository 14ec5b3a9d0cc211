"""The harness of the measurements: a rolled-back transaction for each, its
time and queries with the flush and hooks a request ends with, the median of
repeated runs; then the groups of measurements, one module each."""

import json
import os
import statistics
import time
from contextlib import contextmanager

from odoo import SUPERUSER_ID, api

from .database import settle_escalations
from .escalation import escalation
from .intake import intake
from .profile import Profile, full_scans
from .reading import pivot, review, views
from .settings import PARAM_DATA, PARAM_GENERATION, REPEAT, say


class Bench:
    """The measurements of one run: `rows` for the table, `facts` for the notes."""

    def __init__(self, registry, size):
        self.registry = registry
        self.size = size
        self.rows = []
        self.facts = {}
        with self.transaction() as env:
            params = env["ir.config_parameter"].sudo()
            self.data = json.loads(params.get_param(PARAM_DATA))
            self.generation = json.loads(params.get_param(PARAM_GENERATION))
            settled = settle_escalations(env)
            env.cr.commit()
            if settled:
                say(f"{settled} escalations fell due since the data set was made: settled")
            self.company_id = env.ref("base.main_company").id

    @contextmanager
    def transaction(self, uid=SUPERUSER_ID, context=None):
        """A new cursor whose work is rolled back at the end."""
        cr = self.registry.cursor()
        try:
            env = api.Environment(cr, uid, {"lang": "en_US", "tz": "UTC", **(context or {})})
            yield env
        finally:
            cr.rollback()
            cr.close()

    @staticmethod
    def measure(env, func, profile):
        """Seconds and queries of func(), with the flush and the precommit
        hooks (tracking) a request runs when it commits; its statements are
        added to `profile`."""
        cr = env.cr
        env.flush_all()
        execute = cr.execute

        def timed(query, params=None, log_exceptions=True):
            started = time.perf_counter()
            try:
                return execute(query, params, log_exceptions)
            finally:
                profile.add(query, params, time.perf_counter() - started)

        cr.execute = timed
        queries = cr.sql_log_count
        started = time.perf_counter()
        try:
            func()
            cr.flush()
            env.flush_all()
        finally:
            del cr.execute
        return time.perf_counter() - started, cr.sql_log_count - queries

    def repeated(self, env, func):
        """Median time and queries of REPEAT runs after a warm-up, each with an
        empty ORM cache, as a new request has; and the profile of the last run."""
        runs = []
        for _run in range(REPEAT + 1):
            env.invalidate_all()
            profile = Profile()
            runs.append(self.measure(env, func, profile))
        runs = runs[1:]
        seconds = statistics.median(run[0] for run in runs)
        return seconds, statistics.median(run[1] for run in runs), profile

    def explain_slowest(self):
        """Which of the slowest statements read whole tables, for the notes."""
        profiles = [row.profile for row in self.rows if row.profile and row.missed()]
        profiles += self.facts.get("intake_profiles", {}).values()
        scans = {}
        with self.transaction() as env:
            for profile in profiles:
                for _seconds, code, params in profile.slowest():
                    if code not in scans:
                        scans[code] = full_scans(env.cr, code, params)
        self.facts["scans"] = scans

    def run(self):
        started = time.perf_counter()
        load = [os.getloadavg()[0]]
        for step in (intake, escalation, review, views, pivot):
            say(f"measuring: {step.__name__}")
            step(self)
            load.append(os.getloadavg()[0])
        self.facts["seconds"] = time.perf_counter() - started
        self.facts["load"] = load
        self.explain_slowest()
