# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Attacks over HTTP: log in as a user and call JSON-RPC as a client would.

The client controls the arguments, the context and the order of calls, so
every trust guarantee is proven through ``/web/dataset/call_kw`` with the
arguments and context an attacker would send, never by calling Python
methods with a trusted environment.
"""
import json

from odoo.tests import HttpCase, tagged

__all__ = ["XingjiAttackCase", "RpcError", "tagged"]


class RpcError(Exception):
    """A JSON-RPC call answered with an error; ``name`` is the exception
    class (``odoo.exceptions.AccessError`` …), ``message`` its text."""

    def __init__(self, error):
        data = error.get("data") or {}
        self.name = data.get("name", "")
        self.message = data.get("message") or error.get("message", "")
        self.error = error
        super().__init__(f"{self.name}: {self.message}")


class XingjiAttackCase(HttpCase):
    """HttpCase with one JSON-RPC client per user.

    ``self.rpc(user, model, method, *args, context=..., **kwargs)`` logs in
    as ``user`` (a ``res.users`` record whose password equals its login, as
    ``new_test_user`` makes it) and calls ``model.method`` through
    ``/web/dataset/call_kw``. It returns the result, or raises
    :class:`RpcError`. ``self.assertRpcRefused(...)`` expects a refusal.
    """

    _rpc_login = None

    def _login(self, user):
        if self._rpc_login != user.login:
            self.authenticate(user.login, user.login)
            self._rpc_login = user.login

    def rpc(self, user, model, method, *args, context=None, **kwargs):
        self._login(user)
        # Records written by the test must be visible to the served request.
        self.env.flush_all()
        ctx = {"lang": "en_US", "tz": "Asia/Shanghai"}
        ctx.update(context or {})
        kwargs["context"] = ctx
        payload = {
            "id": 0,
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        response.raise_for_status()
        body = response.json()
        # The served request wrote through the same test cursor: forget
        # what this environment had cached.
        self.env.invalidate_all()
        if "error" in body:
            raise RpcError(body["error"])
        return body.get("result")

    def assertRpcRefused(self, user, model, method, *args, context=None, names=None, **kwargs):
        """The call must fail with one of ``names`` (exception class names;
        default: access, user and validation errors). Returns the error."""
        names = names or (
            "odoo.exceptions.AccessError",
            "odoo.exceptions.UserError",
            "odoo.exceptions.ValidationError",
            "odoo.exceptions.MissingError",
        )
        with self.assertRaises(RpcError, msg=f"{user.login} {model}.{method} was not refused") as cm:
            self.rpc(user, model, method, *args, context=context, **kwargs)
        self.assertIn(cm.exception.name, names, cm.exception.message)
        return cm.exception
