"""A small Chrome DevTools Protocol driver for headless Chromium, standard library only.

Chromium runs with `--remote-debugging-pipe`: it reads commands on fd 3 and writes answers and events on fd 4,
each a JSON object ended by a NUL byte, so no websocket library is needed. One reader thread sorts what arrives
into command answers and per-session events; confirm() and alert() dialogs are accepted as they open.
"""
import base64
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time

WIDTH, HEIGHT = 1280, 900


class CDPError(RuntimeError):
    """A command answered with an error, or an evaluated script threw."""


def find_chromium() -> str | None:
    """The Chromium executable on PATH (Debian names it `chromium`), or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """One headless Chromium process driven over the DevTools pipe."""

    def __init__(self, executable: str):
        self._profile = tempfile.mkdtemp(prefix="ecad-ui-chromium-")
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()

        # In the child, the protocol's fds 3 (commands in) and 4 (answers out). close_fds=False keeps them open
        # through exec; every other descriptor Python made is non-inheritable (PEP 446) and closes.
        def place_pipes():
            high_in, high_out = os.dup(commands_read), os.dup(answers_write)
            os.dup2(high_in, 3, inheritable=True)
            os.dup2(high_out, 4, inheritable=True)

        self._process = subprocess.Popen(
            [executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             f"--user-data-dir={self._profile}", "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking", "--disable-component-update",
             "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio", f"--window-size={WIDTH},{HEIGHT}",
             "about:blank"],
            preexec_fn=place_pipes, close_fds=False,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(commands_read)
        os.close(answers_write)
        self._next_id = 0
        self._lock = threading.Lock()
        self._waiting: dict[int, queue.Queue] = {}
        self.events: dict[str, list[dict]] = {}
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        buffer = b""
        while chunk := os.read(self._answers, 1 << 16):
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                self._dispatch(json.loads(raw))
        with self._lock:
            for waiter in self._waiting.values():
                waiter.put({"error": {"message": "Chromium exited"}})

    def _dispatch(self, message: dict) -> None:
        if "id" in message:
            with self._lock:
                waiter = self._waiting.pop(message["id"], None)
            if waiter:
                waiter.put(message)
            return
        session = message.get("sessionId", "")
        with self._lock:
            self.events.setdefault(session, []).append(message)
        if message.get("method") == "Page.javascriptDialogOpening":
            self._post("Page.handleJavaScriptDialog", {"accept": True}, session)

    def _post(self, method: str, params: dict, session: str | None) -> queue.Queue:
        waiter: queue.Queue = queue.Queue()
        with self._lock:
            self._next_id += 1
            message = {"id": self._next_id, "method": method, "params": params}
            if session:
                message["sessionId"] = session
            self._waiting[self._next_id] = waiter
            os.write(self._commands, json.dumps(message).encode() + b"\0")
        return waiter

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30) -> dict:
        """Sends a command and waits for its answer; raises CDPError on an error answer or after `timeout` s."""
        try:
            answer = self._post(method, params or {}, session).get(timeout=timeout)
        except queue.Empty:
            raise CDPError(f"{method}: no answer within {timeout} s") from None
        if "error" in answer:
            raise CDPError(f"{method}: {answer['error'].get('message')}")
        return answer.get("result", {})

    def new_page(self, isolated: bool = False) -> "Page":
        """A new tab; `isolated` gives it its own cookie jar (a fresh browser context, like a second user's browser)."""
        params = {"url": "about:blank"}
        if isolated:
            params["browserContextId"] = self.send("Target.createBrowserContext")["browserContextId"]
        target = self.send("Target.createTarget", params)["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        for domain in ("Page", "Runtime", "Log"):
            page.send(f"{domain}.enable")
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
        return page

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except CDPError:
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._commands)
        shutil.rmtree(self._profile, ignore_errors=True)


class Page:
    """One tab: navigation, scripts, the errors it logged, screenshots."""

    def __init__(self, browser: Browser, session: str):
        self.browser = browser
        self.session = session

    def send(self, method: str, params: dict | None = None, timeout: float = 30) -> dict:
        return self.browser.send(method, params, self.session, timeout)

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries (failed loads, CSP violations) so far."""
        found = []
        with self.browser._lock:
            events = list(self.browser.events.get(self.session, []))
        for event in events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append("console.error: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                found.append("exception: " + details.get("exception", {}).get("description", details.get("text", "")))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                entry = params["entry"]
                found.append(f"log: {entry.get('text')} ({entry.get('url', '')})")
        return found

    def clear_events(self) -> None:
        with self.browser._lock:
            self.browser.events[self.session] = []

    def evaluate(self, expression: str, await_promise: bool = False):
        """The value of `expression` in the page (JSON-serializable); raises CDPError if it throws."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": await_promise})
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise CDPError(details.get("exception", {}).get("description", details.get("text")))
        return result["result"].get("value")

    def wait_for(self, expression: str, what: str, seconds: float = 20):
        """Polls `expression` until it is truthy and returns it; fails after `seconds`."""
        deadline = time.monotonic() + seconds
        value = None
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except CDPError:
                value = None
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError(f"timed out after {seconds} s waiting for {what} (last value {value!r})")

    def open(self, url: str, seconds: float = 20) -> None:
        """Navigates to `url` and waits for the load to complete."""
        self.evaluate("window.__ecadLeaving = true")
        self.send("Page.navigate", {"url": url})
        self.wait_for("!window.__ecadLeaving && document.readyState === 'complete'", f"{url} to load", seconds)

    def screenshot(self, path: str) -> None:
        data = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))
