"""A loopback TCP bridge to the daemon's Unix socket, for HTTP tools that cannot speak to a socket (schemathesis).

Listens on 127.0.0.1 only. The daemon authorizes by SO_PEERCRED, so every request through the bridge is the
bridge process's uid. Run by hand: `python tests/api/unix_bridge.py SOCKET PORT` (PORT 0 picks a free one and
prints it).
"""
import socket
import sys
import threading


def _pipe(source: socket.socket, target: socket.socket) -> None:
    """Copies bytes until `source` ends, then half-closes `target` so the other direction can finish."""
    try:
        while data := source.recv(65536):
            target.sendall(data)
    except OSError:
        pass
    finally:
        try:
            target.shutdown(socket.SHUT_WR)
        except OSError:
            pass


def _serve(client: socket.socket, path: str) -> None:
    with client, socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as upstream:
        try:
            upstream.connect(path)
        except OSError:
            return
        back = threading.Thread(target=_pipe, args=(upstream, client), daemon=True)
        back.start()
        _pipe(client, upstream)
        back.join()


class UnixBridge:
    """Accepts on 127.0.0.1:`port` (0: any free port) and relays each connection to the Unix socket `path`."""

    def __init__(self, path: str, port: int = 0):
        self.path = path
        self.listener = socket.create_server(("127.0.0.1", port))
        self.port = self.listener.getsockname()[1]
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def start(self) -> "UnixBridge":
        """Serves in a background thread."""
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Accepts until the listener is closed."""
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=_serve, args=(client, self.path), daemon=True).start()

    def close(self) -> None:
        self.listener.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: unix_bridge.py SOCKET PORT")
    bridge = UnixBridge(sys.argv[1], int(sys.argv[2]))
    print(f"http://127.0.0.1:{bridge.port} -> {bridge.path}", flush=True)
    try:
        bridge.serve_forever()
    except KeyboardInterrupt:
        pass
