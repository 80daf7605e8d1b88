#!/usr/bin/env python3
"""Opens API connections to ecadd for the connection-limit tests.

  hold SOCKET N     open N connections, send GET /v1/health on each and read the answer, print the N status
                    codes on one line, then keep every connection open until killed
  idle SOCKET [request]
                    open one connection (and, with "request", make one request on it first), then wait up to
                    20 s for the daemon to close it; print "closed" or "open"
"""
import socket
import sys
import time


def request(sock):
    sock.sendall(b"GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n")
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            return "closed"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        body += sock.recv(4096)
    return head.split(b" ")[1].decode()


def connect(path):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(path)
    return sock


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "hold":
        held = [connect(path) for _ in range(int(sys.argv[3]))]
        print(" ".join(request(sock) for sock in held), flush=True)
        while True:
            time.sleep(3600)
    sock = connect(path)
    if len(sys.argv) > 3 and sys.argv[3] == "request":
        request(sock)
    sock.settimeout(20)
    try:
        print("closed" if sock.recv(1) == b"" else "data")
    except socket.timeout:
        print("open")


main()
