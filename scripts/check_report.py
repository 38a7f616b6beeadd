"""Drives headless Chromium over the DevTools protocol to check report.html
and compare.html (see scripts/check-report.sh). Exits non-zero on a failed check."""

import base64
import json
import os
import subprocess
import sys
import tempfile
import time

import websocket  # websocket-client

SUMMARIZERS = 13


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="sumbench-chromium-")
        self.proc = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--remote-debugging-port=0", f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        for _ in range(300):
            if os.path.exists(port_file) and len(open(port_file).read().split("\n")) >= 2:
                break
            time.sleep(0.1)
        port, path = open(port_file).read().split("\n")[:2]
        self.ws = websocket.create_connection(f"ws://127.0.0.1:{port}{path}", timeout=60,
                                                  suppress_origin=True)
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ["Page", "Runtime", "Log"]:
            self.call(f"{domain}.enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": 1400, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, session=True)

    def call(self, method, params=None, session=False):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i, e in enumerate(self.events):
                if e.get("method") == method:
                    return self.events.pop(i)
            self.events.append(json.loads(self.ws.recv()))
        raise TimeoutError(method)

    def js(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, path):
        self.call("Page.navigate", {"url": "file://" + os.path.abspath(path)}, session=True)
        self.wait_for("Page.loadEventFired")

    def click(self, selector):
        box = self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView({{block: 'center'}});"
                      " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        for kind in ["mousePressed", "mouseReleased"]:
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left",
                                                   "clickCount": 1}, session=True)
        time.sleep(0.3)

    def type_enter(self, selector, text):
        self.click(selector)
        self.call("Input.insertText", {"text": text}, session=True)
        for kind in ["keyDown", "keyUp"]:
            self.call("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                 "windowsVirtualKeyCode": 13, "text": "\r" if kind == "keyDown" else ""},
                      session=True)
        time.sleep(0.5)

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"}, session=True)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        print(f"saved {path}")

    def errors(self):
        self.call("Runtime.evaluate", {"expression": "1"}, session=True)  # drain pending events
        out = []
        for e in self.events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.exceptionThrown":
                out.append(p["exceptionDetails"].get("exception", {}).get("description") or p["exceptionDetails"]["text"])
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append("console." + p["type"] + ": " + " ".join(str(a.get("value", a.get("description"))) for a in p["args"]))
            elif m == "Log.entryAdded" and p["entry"]["level"] == "error":
                out.append("log: " + p["entry"]["text"])
        return out

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(10)


failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def main():
    report, compare, shots = sys.argv[1:4]
    os.makedirs(shots, exist_ok=True)
    b = Browser()
    try:
        b.open(report)
        rows = b.js("[...document.querySelectorAll('table.summary-table')].map(t => t.tBodies[0].rows.length)")
        check(len(rows) > 0 and all(n == SUMMARIZERS for n in rows),
              f"one summary row per summarizer in every corpus table: {rows}")
        check(b.js("document.querySelectorAll('.summary-table .group').length") > 0, "significance group badges shown")
        check(b.js("document.querySelectorAll('svg.chart').length") > 0, "strip plots drawn")
        # Sort by the first metric's column with a real click on its header.
        b.click("table.summary-table th:nth-child(4)")
        b.click("table.summary-table th:nth-child(4)")
        values = b.js("[...document.querySelector('table.summary-table').tBodies[0].rows].map(r => parseFloat(r.cells[3].dataset.v))")
        check(values == sorted(values, reverse=True), "clicking a header twice sorts the table by it, descending")
        b.js("window.scrollTo(0, 0)")
        time.sleep(0.3)
        b.screenshot(os.path.join(shots, "report-table.png"))

        # Open a document through the search box (type, Enter).
        b.type_enter("#doc-search", "nato")
        shown = b.js("[...document.querySelectorAll('article.doc')].filter(a => !a.hidden).map(a => a.id)")
        check(len(shown) == 1, f"search + Enter opens one document: {shown}")
        visible = "document.querySelector('article.doc:not([hidden])')"
        check(b.js(f"{visible}.querySelectorAll('.s.hl').length") > 0, "the chosen sentences are highlighted in the document")
        check(b.js(f"{visible}.querySelectorAll('.summary .text b, .summary .text i').length") > 0,
              "summary n-grams found in a reference are highlighted")
        check(b.js(f"{visible}.querySelectorAll('ol li').length") > 0, "the references are shown")
        # Another summarizer's highlights through the page's select.
        b.js(f"(() => {{ const s = {visible}.querySelector('select.hl-select'); s.value = String(s.options.length - 1);"
             " s.dispatchEvent(new Event('change')); })()")
        check(b.js(f"{visible}.querySelectorAll('.s.hl').length") > 0, "switching the summarizer (oracle) keeps highlights")
        b.js(f"(() => {{ const s = {visible}.querySelector('select.hl-select'); s.value = '0'; s.dispatchEvent(new Event('change')); }})()")
        b.js("document.getElementById('documents').scrollIntoView()")
        time.sleep(0.3)
        b.screenshot(os.path.join(shots, "report-document.png"))

        b.js(f"{visible}.querySelector('.summary').scrollIntoView()")
        time.sleep(0.3)
        b.screenshot(os.path.join(shots, "report-summaries.png"))

        # A "worst" link of the table opens its document.
        b.click("table.summary-table tbody tr:nth-child(2) td:last-child a:last-child")
        href = b.js("document.querySelector('table.summary-table tbody tr:nth-child(2) td:last-child a:last-child').getAttribute('href')")
        shown = b.js("[...document.querySelectorAll('article.doc')].filter(a => !a.hidden).map(a => a.id)")
        check(shown == [href[1:]], f"the table's worst link opens its document: {href} -> {shown}")
        errors = b.errors()
        check(not errors, f"no JS errors in report.html: {errors}")

        b.events.clear()
        b.open(compare)
        check(b.js("document.querySelectorAll('#rows tbody tr').length") > 0, "compare.html lists the compared rows")
        check(b.js("document.querySelectorAll('article.regressed-doc').length") > 0, "compare.html shows regressed documents")
        b.click("#rows th:nth-child(7)")
        errors = b.errors()
        check(not errors, f"no JS errors in compare.html: {errors}")
        b.screenshot(os.path.join(shots, "compare.png"))
    finally:
        b.close()
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("all browser checks passed")


if __name__ == "__main__":
    main()
