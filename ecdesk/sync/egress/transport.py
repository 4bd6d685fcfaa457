"""The transport client a pusher works on: the connector's own client (auth, signing, pacing,
tokens), never a second copy of it."""

from __future__ import annotations

from typing import Any

from ecdesk.sync.http import loads


def client_of(connector: Any) -> Any:
    """The connector's transport client (``connector.client``); connectors from before the
    client/mapper split are wrapped so pushers call one set of names."""
    client = getattr(connector, "client", None)
    return client if client is not None else _Legacy(connector)


class _Legacy:
    """``graphql`` / ``shop`` / ``call`` / ``pages`` / ``write`` over a pre-split connector."""

    def __init__(self, connector: Any) -> None:
        self._c = connector

    def __getattr__(self, name: str) -> Any:
        return getattr(self._c, name)

    def shop(self, method: str, api: str, params: Any = None, body: Any = None) -> Any:
        return self._c._shop(method, api, params, body)

    def call(self, api: str, params: Any = None, *, method: str = "GET") -> Any:
        return self._c._call(api, params, method=method)

    def pages(self, path: str, params: dict[str, Any]) -> Any:
        return self._c._pages(path, params)

    def write(self, method: str, path: str, body: Any) -> Any:
        """A WooCommerce write with the store's auth; errors in words."""
        from ecdesk.sync.connectors.woocommerce import WooOAuth1

        c = self._c
        key, secret = c.require_secret("consumer_key"), c.require_secret("consumer_secret")
        mode = c._auth_mode()
        auth: Any = (key, secret) if mode == "basic" else None
        params = {"consumer_key": key, "consumer_secret": secret} if mode == "query" else None
        if mode == "oauth1":
            auth = WooOAuth1(key, secret, c.clock)
        resp = c.http.request(method, c.base + path, params=params, json_body=body, auth=auth,
                              retry_writes=True, what=f"WooCommerce {c.store.name}")
        if resp.status_code >= 400:
            raise c._error(resp)
        return loads(resp.content or b"null")
