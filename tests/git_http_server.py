#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""git's smart HTTP for the sync tests (tests/test_git_remote.c).

Serves the repositories under ROOT through `git http-backend` (CGI), on
127.0.0.1:PORT, to one user with basic authentication, as a group's
server would; with CERT and KEY it speaks https. Request bodies may come
chunked (libgit2 streams a push that way), so they are read here whole
and handed to git with their length.

usage: git_http_server.py PORT ROOT USER:PASSWORD [CERT KEY]
"""
import base64
import http.server
import os
import ssl
import subprocess
import sys


def read_body(handler):
    if handler.headers.get("Transfer-Encoding", "").lower() == "chunked":
        body = b""
        while True:
            size = int(handler.rfile.readline().split(b";")[0], 16)
            if size == 0:
                while handler.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return body
            body += handler.rfile.read(size)
            handler.rfile.readline()
    return handler.rfile.read(int(handler.headers.get("Content-Length", 0)))


class Handler(http.server.BaseHTTPRequestHandler):
    def authorised(self):
        want = "Basic " + base64.b64encode(CREDENTIALS.encode()).decode()
        if self.headers.get("Authorization") == want:
            return True
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="gavel"')
        self.send_header("Content-Length", "0")
        self.end_headers()
        return False

    def backend(self):
        if not self.authorised():
            return
        body = read_body(self) if self.command == "POST" else b""
        path, _, query = self.path.partition("?")
        env = dict(os.environ,
                   GIT_PROJECT_ROOT=ROOT, GIT_HTTP_EXPORT_ALL="1",
                   REQUEST_METHOD=self.command, PATH_INFO=path,
                   QUERY_STRING=query, REMOTE_USER=CREDENTIALS.split(":")[0],
                   REMOTE_ADDR="127.0.0.1",
                   CONTENT_TYPE=self.headers.get("Content-Type", ""),
                   CONTENT_LENGTH=str(len(body)))
        for name in ("Content-Encoding", "Git-Protocol"):
            if self.headers.get(name):
                env["HTTP_" + name.upper().replace("-", "_")] = \
                    self.headers[name]
        out = subprocess.run(["git", "http-backend"], input=body, env=env,
                             stdout=subprocess.PIPE, check=False).stdout
        head, _, payload = out.partition(b"\r\n\r\n")
        status, headers = 200, []
        for line in head.decode().split("\r\n"):
            name, _, value = line.partition(": ")
            if name.lower() == "status":
                status = int(value.split()[0])
            elif name:
                headers.append((name, value))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = backend
    do_POST = backend

    def log_message(self, fmt, *args):
        sys.stderr.write("%s\n" % (fmt % args))


PORT, ROOT, CREDENTIALS = int(sys.argv[1]), sys.argv[2], sys.argv[3]
server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
if len(sys.argv) > 5:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[4], sys.argv[5])
    server.socket = context.wrap_socket(server.socket, server_side=True)
server.serve_forever()
