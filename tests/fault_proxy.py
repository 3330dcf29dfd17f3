"""A loopback HTTP proxy in front of moto's server that answers chosen AWS calls with a fault.

Faults are matched by operation (the `X-Amz-Target` suffix or the query `Action`), optionally by region
(from the SigV4 credential scope) and by account (the proxy learns which access key belongs to which
account from the `AssumeRole` answers it forwards); every other request is forwarded unchanged. 127.0.0.1 only, daemon
threads, at most `MAX_CONCURRENT` requests handled at once; `latency` delays every forwarded call.
"""

from __future__ import annotations

import http.client
import json
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MAX_CONCURRENT = 16
HANG = 20.0
MANGLED = {"html", "truncated", "empty", "garbage"}
# REST-JSON operations (no `X-Amz-Target`, no `Action`) by method and path.
REST_OPERATIONS = {("POST", "/findings/import"): "BatchImportFindings", ("POST", "/findings"): "GetFindings"}
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade"}


@dataclass(frozen=True)
class Fault:
    """Answer `operation` (`*`: any; in `region` and `account`, or any; whose body has `contains`, or any)
    with `kind`: denied, throttled, dropped, expired or region-disabled; or a 200 that is not the answer:
    html (a proxy's page), truncated (the real answer cut just before `cut_before`, or in half), empty
    (`{}`), garbage (not XML); or hang (no answer for `HANG` seconds). Only the first `times` matching calls
    when set."""

    operation: str
    kind: str
    region: str | None = None
    account: str | None = None
    contains: str | None = None
    cut_before: str | None = None
    times: int | None = None


@dataclass
class FaultProxy:
    """Start with `start()`, point `AWS_ENDPOINT_URL` at `url`, stop with `stop()`."""

    upstream: str
    faults: list[Fault] = field(default_factory=list)
    latency: float = 0.0
    default_account: str = "123456789012"
    hits: list[tuple[str, str]] = field(default_factory=list)
    truncated: list[bytes] = field(default_factory=list)  # the whole answers that were sent cut
    accounts: dict[str, str] = field(default_factory=dict)  # access key id -> account
    matched: list[tuple[str, str, Fault]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def start(self) -> FaultProxy:
        proxy = self
        slots = threading.BoundedSemaphore(MAX_CONCURRENT)

        class Handler(_Handler):
            owner = proxy
            gate = slots

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fault_for(self, operation: str, region: str, key: str, body: str) -> Fault | None:
        account = self.accounts.get(key, self.default_account)
        with self._lock:
            return self._match(operation, region, account, body)

    def _match(self, operation: str, region: str, account: str, body: str) -> Fault | None:
        for fault in self.faults:
            if (
                fault.operation in (operation, "*")
                and fault.region in (None, region)
                and fault.account in (None, account)
                and (fault.contains is None or fault.contains in body)
                and (fault.times is None or sum(hit[2] is fault for hit in self.matched) < fault.times)
            ):
                self.matched.append((operation, region, fault))
                return fault
        return None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    owner: FaultProxy
    gate: threading.BoundedSemaphore

    def log_message(self, *_: object) -> None:
        return None

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        target = self.headers.get("X-Amz-Target", "")
        operation = target.rsplit(".", 1)[-1] if target else _action(body, self.path)
        operation = operation or REST_OPERATIONS.get((self.command, urlsplit(self.path).path), "")
        scope = self.headers.get("Authorization", "").split("Credential=")[-1].split(",")[0].split("/")
        key, region, service = (scope[0], scope[2], scope[3]) if len(scope) >= 4 else ("", "", "")
        with self.gate:
            fault = self.owner.fault_for(operation, region, key, body.decode("utf-8", "replace"))
            if fault is not None and fault.kind == "truncated":
                self.owner.hits.append((operation, fault.kind))
                self._forward(body, fault.cut_before or "")
                return
            if fault is not None:
                self.owner.hits.append((operation, fault.kind))
                if fault.kind in MANGLED:
                    self._mangled(fault.kind, body)
                elif fault.kind == "hang":
                    time.sleep(HANG)
                    self.close_connection = True
                else:
                    self._fault(fault, bool(target) or service == "securityhub", service)
                return
            time.sleep(self.owner.latency)
            answer = self._forward(body)
            if operation == "AssumeRole":
                role = re.search(r"arn%3Aaws%3Aiam%3A%3A(\d{12})%3A", body.decode())
                issued = re.search(rb"<AccessKeyId>([^<]+)</AccessKeyId>", answer)
                if role and issued:
                    self.owner.accounts[issued.group(1).decode()] = role.group(1)

    def _forward(self, body: bytes, cut_before: str | None = None) -> bytes:
        upstream = urlsplit(self.owner.upstream)
        conn = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
        conn.request(self.command, self.path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        conn.close()
        if cut_before is not None:
            self.owner.truncated.append(data)
            at = data.find(cut_before.encode()) if cut_before else -1
            data = data[: at if at > 0 else len(data) // 2]
        self.send_response(response.status)
        for key, value in response.getheaders():
            if key.lower() not in HOP_HEADERS | {"content-length", "server", "date"}:
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        return data

    def _mangled(self, kind: str, body: bytes) -> None:
        """A 200 whose body is not the answer the API promises."""
        if kind == "truncated":
            data, content_type = self._upstream(body), "application/x-amz-json-1.1"
            data = data[: len(data) // 2]
        elif kind == "html":
            data, content_type = b"<html><body><h1>Proxy authentication required</h1></body></html>", "text/html"
        elif kind == "empty":
            data, content_type = b"{}", "application/x-amz-json-1.1"
        else:
            data, content_type = b"<?xml version='1.0'?><Response><Unclosed>\x00garbage", "text/xml"
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _upstream(self, body: bytes) -> bytes:
        upstream = urlsplit(self.owner.upstream)
        conn = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
        conn.request(self.command, self.path, body=body, headers=headers)
        data = conn.getresponse().read()
        conn.close()
        return data

    def _fault(self, fault: Fault, json_protocol: bool, service: str) -> None:
        if fault.kind == "dropped":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        code, status, message = _error(fault.kind, json_protocol, service)
        if json_protocol:
            data = json.dumps({"__type": code, "message": message}).encode()
            kind = "application/x-amz-json-1.1"
        elif service == "ec2":
            data = (
                f"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors>"
                "<RequestID>fault</RequestID></Response>"
            ).encode()
            kind = "text/xml"
        else:
            data = (
                f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message>"
                "</Error><RequestId>fault</RequestId></ErrorResponse>"
            ).encode()
            kind = "text/xml"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("x-amzn-RequestId", "fault")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _error(kind: str, json_protocol: bool, service: str) -> tuple[str, int, str]:
    if kind == "denied":
        if service == "ec2":
            return "UnauthorizedOperation", 403, "You are not authorized to perform this operation."
        code = "AccessDeniedException" if json_protocol else "AccessDenied"
        return code, 400 if json_protocol else 403, "User is not authorized to perform this action"
    if kind == "throttled":
        if service == "ec2":
            return "RequestLimitExceeded", 503, "Request limit exceeded."
        return ("ThrottlingException" if json_protocol else "Throttling"), 400, "Rate exceeded"
    if kind == "expired":
        if service == "ec2":
            return "RequestExpired", 400, "Request has expired."
        return (
            ("ExpiredTokenException" if json_protocol else "ExpiredToken"),
            400,
            "The security token included in the request is expired",
        )
    if kind == "region-disabled":
        if service == "ec2":
            return "AuthFailure", 401, "AWS was not able to validate the provided access credentials"
        return "UnrecognizedClientException", 400, "The security token included in the request is invalid."
    raise ValueError(kind)


def _action(body: bytes, path: str) -> str:
    form = parse_qs(body.decode("utf-8", "replace")) or parse_qs(urlsplit(path).query)
    return (form.get("Action") or [""])[0]
