"""HTTP helpers the server tests share (urllib only: the tests see exactly what a client sends)."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def http(url: str, method: str = "GET", body: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 60) -> Answer:
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Answer(response.status, response.headers.get("Content-Type", ""), response.read())
    except urllib.error.HTTPError as err:
        return Answer(err.code, err.headers.get("Content-Type", ""), err.read())


def get(base: str, path: str, accept: str | None = None, **params: str) -> Answer:
    query = ("?" + urllib.parse.urlencode(params)) if params else ""
    return http(base + path + query, headers={"Accept": accept} if accept else {})


def form(**params: str) -> bytes:
    return urllib.parse.urlencode(params).encode()
