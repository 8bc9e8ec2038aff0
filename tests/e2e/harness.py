# SPDX-License-Identifier: GPL-3.0-or-later
"""The web UI's end-to-end harness: siarand as its users meet it, in a real headless Chromium.

A Gateway is siarand in a temporary directory, over HTTPS with the certificate the real
`siaran tls self-signed` makes for it, with simulated modems: two siaran-modemsim
processes (their control input injects a cadre's reply, as tests/integration/daemon does; the
modems built into siarand have no control input) and one built-in `port: sim` modem. An API
token in the config lets the test check what the pages did through the API; people log in with
accounts made by the real `siaran user add`. A Browser is headless Chromium through
chromedriver, trusting that one certificate by its public key's pin, whose console is read
after every step: a CSP violation or a JavaScript error fails the test.

Every wait polls a condition until a deadline; nothing sleeps to synchronise. Every process
started here is ended (SIGTERM, then SIGKILL) whatever happens, and dies with this one.
"""

import base64
import ctypes
import hashlib
import json
import os
import select
import signal
import socket
import ssl
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:  # web_ui_test.py skips the test, saying why
    pass

# siarand built with AddressSanitizer starts and answers slowly on two shared cores.
START_TIMEOUT = 90
STOP_TIMEOUT = 60
POLL_PERIOD = 0.1

API_TOKEN = "siaran_e2e_test_token"
PR_SET_PDEATHSIG = 1

# An SMPP bind on the simulated SMSC built into siarand (smpp_steps.py sends through it).
SMPP_BIND_ID = "masking"
SMPP_SENDER = "POKJANALKBB"
SMPP_CONFIG = (f"smpp:\n  - id: {SMPP_BIND_ID}\n    host: sim\n    system_id: siaran\n    senders: [{SMPP_SENDER}]\n"
               "    reply_number: \"+6281234500000\"\n    sim_receipt_delay_ms: 200\n")


def die_with_parent():
    """preexec_fn: the child gets SIGTERM when this process dies, even by SIGKILL (a ctest
    timeout), so no daemon or browser outlives the test run."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def poll(check, timeout, what, describe=lambda: ""):
    """check() until it returns something true, which is returned; AssertionError naming `what`
    (and describe()) when `timeout` seconds pass first."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout} s for {what}. {describe()}")
        time.sleep(POLL_PERIOD)  # the polling period, not a synchronisation


def stop_process(process, timeout=STOP_TIMEOUT):
    """SIGTERM, then SIGKILL after `timeout`; the exit code (negative: the signal)."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


class LineReader:
    """The lines a child writes to a pipe, read with deadlines (select)."""

    def __init__(self, pipe):
        self.fd = pipe.fileno()
        self.lines = []
        self.partial = b""

    def _read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return
        chunk = os.read(self.fd, 65536)
        if not chunk:
            raise AssertionError("the pipe closed: the process ended. Lines: " + "\n".join(self.lines))
        *complete, self.partial = (self.partial + chunk).split(b"\n")
        self.lines += [line.decode() for line in complete]

    def wait_for(self, text, timeout, start=0):
        """The first line from index `start` on that contains `text`."""
        deadline = time.monotonic() + timeout
        while True:
            for line in self.lines[start:]:
                if text in line:
                    return line
            if time.monotonic() > deadline:
                raise AssertionError(f"no line with {text!r} within {timeout} s; lines: {self.lines}")
            self._read(deadline - time.monotonic())


class ModemSim:
    """A siaran-modemsim process on a pty linked as DIR/ID.tty, logging what it sent to DIR/ID.log."""

    def __init__(self, binary, sim_id, directory, send_delay_ms):
        self.id = sim_id
        self.link = directory / f"{sim_id}.tty"
        self.log = directory / f"{sim_id}.log"
        with open(directory / f"{sim_id}.stderr", "w") as stderr:
            self.process = subprocess.Popen(
                [binary, "--link", str(self.link), "--log", str(self.log), "--name", sim_id,
                 "--send-delay", str(send_delay_ms)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, preexec_fn=die_with_parent)
        self.stdout = LineReader(self.process.stdout)
        self.stdout.wait_for('"pty"', 20)

    def control(self, request):
        """One control line (modem/sim/control.h); its answer, which must say "ok": true."""
        start = len(self.stdout.lines)
        self.process.stdin.write((json.dumps(request) + "\n").encode())
        self.process.stdin.flush()
        answer = json.loads(self.stdout.wait_for('"ok":', 10, start))
        assert answer["ok"] is True, f"sim {self.id} refused {request}: {answer}"
        return answer

    def sends(self):
        """Every SUBMIT the sim accepted (complete lines only: the last may be being written)."""
        if not self.log.exists():
            return []
        text = self.log.read_text()
        return [json.loads(line) for line in text[: text.rfind("\n") + 1].splitlines() if line]

    def stop(self):
        stop_process(self.process, 10)


def spki_pin(certificate):
    """base64(SHA-256(SubjectPublicKeyInfo)) of a PEM certificate: what Chromium's
    --ignore-certificate-errors-spki-list takes."""
    public_key = subprocess.run(["openssl", "x509", "-in", str(certificate), "-noout", "-pubkey"],
                                capture_output=True, check=True).stdout
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "DER"], input=public_key,
                         capture_output=True, check=True).stdout
    return base64.b64encode(hashlib.sha256(der).digest()).decode()


class Gateway:
    """siarand with a temporary database, a free port, HTTPS with a certificate made by
    `siaran tls self-signed`, two siaran-modemsim modems (m1, m2) and one built-in simulated
    modem (m3), serving the web UI from the source tree."""

    def __init__(self, siarand, siaran, modemsim, web_root, directory, send_delay_ms):
        self.siarand = siarand
        self.siaran = siaran
        self.directory = Path(directory)
        self.port = free_port()
        self.base_url = f"https://127.0.0.1:{self.port}"
        self.config = self.directory / "siaran.yaml"
        self.log_path = self.directory / "siarand.log"
        self.certificate = self.directory / "tls" / "siaran.crt"
        self.process = None
        self.sims = []
        try:
            self._make_certificate()
            # The API client trusts that certificate alone, and checks it names 127.0.0.1.
            self.tls = ssl.create_default_context(cafile=str(self.certificate))
            self.sims = [ModemSim(modemsim, f"m{n}", self.directory, send_delay_ms) for n in (1, 2)]
            self._write_config(web_root, send_delay_ms)
            self._start()
        except BaseException:
            self.stop()
            raise

    def _make_certificate(self):
        argv = [self.siaran, "tls", "self-signed", "--out", str(self.certificate.parent)]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, f"{' '.join(argv)} exited {done.returncode}: {done.stdout}{done.stderr}"

    def _write_config(self, web_root, send_delay_ms):
        modems = "".join(f"  - id: {sim.id}\n    port: {sim.link}\n" for sim in self.sims)
        # m3's SIM is low on pulsa: Beranda warns and the Modem page shows it (it keeps sending).
        modems += (f"  - id: m3\n    port: sim\n    sim_send_delay_ms: {send_delay_ms}\n"
                   "    ussd_balance: \"*888#\"\n    balance_threshold: 5000\n    sim_balance: 3000\n")
        digest = hashlib.sha256(API_TOKEN.encode()).hexdigest()
        self.config.write_text(
            f"database: {self.directory / 'siaran.db'}\n"
            "timezone: Asia/Jakarta\n"
            "region: ID\n"
            "log_level: info\n"
            "modems:\n" + modems + SMPP_CONFIG +
            "http:\n"
            f"  listen: 127.0.0.1:{self.port}\n"
            f"  web_root: {web_root}\n"
            "  tls:\n"
            f"    certificate: {self.certificate}\n"
            f"    private_key: {self.certificate.with_suffix('.key')}\n"
            "  tokens:\n"
            "    - name: e2e\n"
            f"      sha256: {digest}\n")

    def _start(self):
        env = {k: v for k, v in os.environ.items() if k not in ("JOURNAL_STREAM", "NOTIFY_SOCKET", "WATCHDOG_USEC")}
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen([self.siarand, "--config", str(self.config)], stdout=log,
                                            stderr=subprocess.STDOUT, env=env, preexec_fn=die_with_parent)
        modems = len(self.sims) + 1
        poll(lambda: self._health_ready(modems), START_TIMEOUT, f"/healthz with {modems} modems ready",
             self.log_tail)

    def _health_ready(self, modems):
        if self.process.poll() is not None:
            raise AssertionError(f"siarand exited ({self.process.returncode}). {self.log_tail()}")
        try:
            with urllib.request.urlopen(self.base_url + "/healthz", timeout=5, context=self.tls) as answer:
                health = json.load(answer)
        except (urllib.error.URLError, ConnectionError):
            return False
        return health.get("modems_ready") == modems

    def log_tail(self, size=8000):
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "siarand log (end):\n" + text[-size:]

    def api(self, method, path, body=None, expected=None):
        """A request with the config's API token: (status, parsed JSON or None). With
        `expected`, any other status fails naming the request and the answer."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + API_TOKEN)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30, context=self.tls) as answer:
                status, text = answer.status, answer.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode()
        if expected is not None and status != expected:
            raise AssertionError(f"{method} {path} {body} answered {status} (expected {expected}): {text}")
        return status, json.loads(text) if text else None

    def get(self, path):
        return self.api("GET", path, expected=200)[1]

    def add_user(self, name, role, password, officer_id=None):
        """`siaran user add`, the password on stdin as a script gives it."""
        argv = [self.siaran, "user", "add", name, "--role", role, "--config", str(self.config)]
        if officer_id is not None:
            argv += ["--officer", str(officer_id)]
        done = subprocess.run(argv, input=password + "\n", capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, f"{' '.join(argv)} exited {done.returncode}: {done.stdout}{done.stderr}"

    def stop(self):
        """SIGTERM to siarand, then to the sims; siarand's exit code (None if never started)."""
        code = None
        if self.process is not None:
            code = stop_process(self.process)
            self.process = None
        for sim in self.sims:
            sim.stop()
        return code


class Browser:
    """Headless Chromium through chromedriver, its console log kept, trusting the certificate
    whose public key has `spki_pin` (spki_pin()) as an office PC trusts siaran.crt."""

    def __init__(self, chromedriver, screenshots, spki_pin, width=1366, height=768):
        self.profile = tempfile.TemporaryDirectory(prefix="siaran-e2e-chromium-")
        self.screenshots = Path(screenshots)
        self.console = []
        options = webdriver.ChromeOptions()
        # Reduced motion turns off Bootstrap's smooth scrolling, during which chromedriver would
        # click where an element was before the scroll, and its fades.
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                         f"--window-size={width},{height}", f"--user-data-dir={self.profile.name}",
                         "--lang=id", "--force-prefers-reduced-motion",
                         f"--ignore-certificate-errors-spki-list={spki_pin}"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service(chromedriver, popen_kw={"preexec_fn": die_with_parent})
        try:
            self.driver = webdriver.Chrome(service=service, options=options)
            self.viewport(width, height)
        except BaseException:
            self.profile.cleanup()
            raise

    def viewport(self, width, height, phone=False):
        """The page's own size (--window-size is the window's, toolbars included), and at phone
        size a phone's behaviour (the viewport meta tag, touch)."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": phone})

    def console_problems(self):
        """The console entries since the last call that are CSP violations, JavaScript errors
        or server errors. Refused requests (4xx) are not: the tests make some on purpose, and
        the pages show them to the user."""
        entries = self.driver.get_log("browser")
        self.console += entries
        problems = []
        for entry in entries:
            message = entry["message"]
            csp = "Content Security Policy" in message or "Refused to" in message
            network_4xx = entry["source"] == "network" and " status of 4" in message
            if csp or (entry["level"] == "SEVERE" and not network_4xx):
                problems.append(f"[{entry['source']}] {message}")
        return problems

    def screenshot(self, name):
        path = self.screenshots / f"{name}.png"
        self.driver.save_screenshot(str(path))
        return path

    def quit(self):
        try:
            self.driver.quit()
        finally:
            self.profile.cleanup()
