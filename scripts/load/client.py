"""One simulated person's HTTP session, timing every request it makes."""

import itertools
import time

import requests

TIMEOUT = 60


class RpcError(Exception):
    pass


class Client:
    _ids = itertools.count(1)

    def __init__(self, base_url, database, record):
        self.base_url = base_url
        self.database = database
        self.session = requests.Session()
        # record(kind, seconds, status, error): the run's shared list
        self.record = record

    def request(self, kind, method, path, **kwargs):
        start = time.monotonic()
        error = None
        status = 0
        try:
            response = self.session.request(method, self.base_url + path, timeout=TIMEOUT, **kwargs)
            status = response.status_code
            if status >= 400:
                error = f"HTTP {status}"
            return response
        except requests.RequestException as exc:
            error = type(exc).__name__
            raise
        finally:
            self.record(kind, time.monotonic() - start, status, error)

    def json(self, kind, path, params):
        """A JSON-RPC call as the web client makes it; its error is recorded."""
        start = time.monotonic()
        status = 0
        error = None
        try:
            response = self.session.post(
                self.base_url + path,
                json={"jsonrpc": "2.0", "method": "call", "id": next(self._ids), "params": params},
                timeout=TIMEOUT,
            )
            status = response.status_code
            if status >= 400:
                error = f"HTTP {status}"
                raise RpcError(error)
            body = response.json()
            if "error" in body:
                data = body["error"].get("data") or {}
                error = data.get("message") or body["error"].get("message")
                raise RpcError(error)
            return body["result"]
        except requests.RequestException as exc:
            error = type(exc).__name__
            raise RpcError(error) from exc
        finally:
            self.record(kind, time.monotonic() - start, status, error)

    def login(self, login, password):
        return self.json(
            "login",
            "/web/session/authenticate",
            {"db": self.database, "login": login, "password": password},
        )

    def call(self, kind, model, method, *args, **kwargs):
        return self.json(
            kind,
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def button(self, kind, model, method, ids):
        return self.json(
            kind,
            f"/web/dataset/call_button/{model}/{method}",
            {"model": model, "method": method, "args": [ids], "kwargs": {}},
        )
