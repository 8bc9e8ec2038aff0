# SPDX-License-Identifier: GPL-3.0-or-later
"""The Laporan Posyandu step (mixed into web_ui_test.WebUiTest): cadres of five posyandu in two
kecamatan send their SKDN figures by SMS through the simulated modems (three months of them, one
corrected, two posyandu silent); an officer opens Laporan Posyandu and finds one kecamatan's
coverage and its desa as the recap API gives them, the posyandu without a report as
/api/v1/reports/missing lists them, and reminds their cadres; the warnings name the posyandu whose
N/D fell two months in a row and those that missed a month; one posyandu's year is charted; the
recap downloads as a workbook openpyxl opens and prints to an A4 PDF that pdftotext reads."""

import io
import tempfile
from datetime import datetime
from zoneinfo import ZoneInfo

from harness import poll

LIVE_TIMEOUT = 45  # as web_ui_test.py's: siarand under AddressSanitizer is slow

KECAMATAN = "Parongpong"
# (nama, no_hp, kecamatan, desa, posyandu): the cadres who may report.
REPORTERS = [
    ("Ani Suryani", "+6281300002001", KECAMATAN, "Cihideung", "Mawar"),
    ("Wati Rohaeti", "+6281300002002", KECAMATAN, "Cihideung", "Mawar"),
    ("Entin Kartini", "+6281300002003", KECAMATAN, "Cihideung", "Melati"),
    ("Imas Masitoh", "+6281300002004", KECAMATAN, "Karyawangi", "Kenanga"),
    ("Nining Sumarni", "+6281300002005", KECAMATAN, "Karyawangi", "Dahlia"),
    ("Oom Komariah", "+6281300002006", "Ngamprah", "Bojongkoneng", "Anggrek"),
    ("Popon Rosita", "+6281300002007", "Ngamprah", "Bojongkoneng", "Anggrek"),
]
SILENT = {"Dahlia", "Anggrek"}
# (sender's no_hp, months before the month shown, S K D N), in the order sent; each SMS names its
# month ("SKDN 11 52 50 45 30"), as one sent early the next month must. Mawar's N/D falls
# 90 -> 80 -> 66.7, corrected to 75.6 (still falling); Melati misses the month before; Kenanga rises.
SMS = [
    ("+6281300002001", 2, "50 48 40 36"),
    ("+6281300002001", 1, "50 48 40 32"),
    ("+6281300002001", 0, "52 50 45 30"),
    ("+6281300002002", 0, "52 50 45 34"),
    ("+6281300002003", 2, "30 30 20 10"),
    ("+6281300002003", 0, "30 28 24 20"),
    ("+6281300002004", 2, "40 40 30 20"),
    ("+6281300002004", 1, "40 40 32 24"),
    ("+6281300002004", 0, "41 40 35 30"),
]
EXPECTED_FLAGS = {("falling", "Mawar"), ("missed", "Melati"), ("missed", "Dahlia"), ("missed", "Anggrek")}
COVERAGE_COLUMNS = ["posyandu", "melapor", "belum_melapor", "K/S (%)", "D/S (%)", "N/D (%)"]
RECAP_SHEETS = ["Per kecamatan", "Per desa", "Posyandu", "Belum melapor"]


def month_before(year, month, count):
    index = year * 12 + month - 1 - count
    return index // 12, index % 12 + 1


def percent_text(top, bottom):
    """As the recap writes a ratio: one decimal, a decimal comma."""
    return f"{100 * top / bottom:.1f}".replace(".", ",")


class SmsReportSteps:
    def report_period(self):
        """Last month on the daemon's clock (Asia/Jakarta): the month the page shows by default."""
        now = datetime.now(ZoneInfo("Asia/Jakarta"))
        return month_before(now.year, now.month, 1)

    def cadres_send_reports(self):
        """The reporters as contacts, then every SMS in order, each stored before the next is sent
        (a correction must come after what it corrects)."""
        for nama, no_hp, kecamatan, desa, posyandu in REPORTERS:
            self.gateway.api("POST", "/api/v1/contacts", {"nama": nama, "no_hp": no_hp, "peran": "kader",
                                                          "kecamatan": kecamatan, "desa": desa, "posyandu": posyandu},
                             expected=201)
        year, month = self.report_period()
        for n, (sender, before, values) in enumerate(SMS, start=1):
            text = f"SKDN {month_before(year, month, before)[1]} {values}"
            self.gateway.sims[n % 2].control({"inject": {"from": sender, "text": text}})
            poll(lambda: len(self.gateway.get("/api/v1/reports?form=SKDN&history=true")) == n, LIVE_TIMEOUT,
                 f"report {n} ({text!r} from {sender}) stored",
                 lambda: f"reports: {self.gateway.get('/api/v1/reports?form=SKDN&history=true')}")
        return f"{year:04}-{month:02}"

    def open_reports_page(self, period):
        """Laporan Posyandu from the navigation (last month on the office PC's clock), then the
        month the reports are for."""
        self.show("posyandu")
        browser_last_month = self.driver.execute_script(
            "const d = new Date(); d.setDate(1); d.setMonth(d.getMonth() - 1);"
            "return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;")
        self.assertEqual(self.element("#posyandu-period").get_attribute("value"), browser_last_month,
                         "the page opens on last month")
        self.assertEqual(self.element("#posyandu-form").get_attribute("value"), "SKDN")
        if browser_last_month != period:  # the office PC's clock is not yet in Jakarta's month
            # app.js sets data-page again once the page for the new address is mounted.
            self.driver.execute_script("document.getElementById('page').removeAttribute('data-page');"
                                       "location.hash = arguments[0]", f"#/posyandu?form=SKDN&period={period}")
        self.element('#page[data-page="posyandu"] #posyandu-coverage', f"Laporan Posyandu for {period}")
        self.assertEqual(self.element("#posyandu-period").get_attribute("value"), period)

    def recap(self, period):
        answer = self.gateway.get(f"/api/v1/reports/recap?form=SKDN&period={period}&format=json")
        return answer, {s["key"]: s for s in answer["sheets"]}

    def assert_coverage(self, sheets):
        """Parongpong's cells as the recap says, and the recap as the SMS sent say."""
        kecamatan = sheets["kecamatan"]
        row = dict(zip(kecamatan["header"], next(r for r in kecamatan["rows"] if r[0] == KECAMATAN)))
        current = {"Mawar": (52, 50, 45, 34), "Melati": (30, 28, 24, 20), "Kenanga": (41, 40, 35, 30)}
        s, k, d, n = (sum(values[i] for values in current.values()) for i in range(4))
        self.assertEqual([row[c] for c in COVERAGE_COLUMNS],
                         [4, 3, 1, percent_text(k, s), percent_text(d, s), percent_text(n, d)],
                         "the recap counts Parongpong's reports, the correction replacing what it corrects")
        for column in COVERAGE_COLUMNS:
            cell = f'#posyandu-coverage tr.coverage-kecamatan[data-kecamatan="{KECAMATAN}"] td[data-col="{column}"]'
            self.assertEqual(self.text_of(cell), str(row[column]), f"{column} of {KECAMATAN} on the page")

        self.element(f'tr.coverage-kecamatan[data-kecamatan="{KECAMATAN}"] .coverage-toggle').click()
        desa = sheets["desa"]
        for values in (r for r in desa["rows"] if r[0] == KECAMATAN):
            shown = dict(zip(desa["header"], values))
            tr = f'tr.coverage-desa[data-kecamatan="{KECAMATAN}"][data-desa="{shown["desa"]}"]'
            self.element(tr, f"the desa {shown['desa']} under {KECAMATAN}")
            for column in ("melapor", "belum_melapor", "D/S (%)"):
                self.assertEqual(self.text_of(f'{tr} td[data-col="{column}"]'), str(shown[column]) or "—",
                                 f"{column} of {shown['desa']}")

    def assert_missing_and_remind(self, period):
        missing = self.gateway.get(f"/api/v1/reports/missing?form=SKDN&period={period}")
        self.assertEqual({m["posyandu"] for m in missing}, SILENT)
        rows = self.find("#posyandu-missing tbody tr[data-posyandu]")
        self.assertEqual(sorted((r.get_attribute("data-kecamatan"), r.get_attribute("data-desa"),
                                 r.get_attribute("data-posyandu")) for r in rows),
                         sorted((m["kecamatan"], m["desa"], m["posyandu"]) for m in missing),
                         "Belum melapor lists what /api/v1/reports/missing does")

        cadres = sum(1 for r in REPORTERS if r[4] in SILENT)
        before = {b["id"] for b in self.gateway.get("/api/v1/broadcasts")["broadcasts"]}
        self.element("#posyandu-remind", "Kirim pengingat").click()
        self.element("#posyandu-remind-confirm-submit", "the reminder's confirmation").click()
        self.wait(lambda _: any(f"Pengingat dikirim ke {cadres} kader" in e.text for e in self.find("#toasts .toast")),
                  f"the toast 'Pengingat dikirim ke {cadres} kader'")
        sent = [b for b in self.gateway.get("/api/v1/broadcasts")["broadcasts"] if b["id"] not in before]
        self.assertEqual([(b["origin"], b["recipients"]) for b in sent], [("report_reminder", cadres)],
                         "one reminder broadcast to the silent posyandu's cadres")
        self.wait(lambda _: not self.find("#toasts .toast"), "the reminder's toast to fade")

    def assert_flags(self):
        self.element("#posyandu-flags li", "the warnings")
        flags = {(li.get_attribute("data-flag"), li.get_attribute("data-posyandu"))
                 for li in self.find("#posyandu-flags li")}
        self.assertEqual(flags, EXPECTED_FLAGS, "N/D falling two months in a row, and the months missed")

    def assert_trend(self, period):
        """Mawar's year: D/S and N/D per month as the reports give them, gaps where none came."""
        year, month = (int(x) for x in period.split("-"))
        first = "%04d-%02d" % month_before(year, month, 11)
        reports = self.gateway.get(f"/api/v1/reports?form=SKDN&posyandu=Mawar&from={first}&to={period}")
        by_period = {r["period"]: r["values"] for r in reports}
        periods = ["%04d-%02d" % month_before(year, month, 11 - i) for i in range(12)]

        def line(top, bottom):
            return [round(100 * by_period[p][top] / by_period[p][bottom], 1) if p in by_period else None
                    for p in periods]
        self.choose("#posyandu-trend-place", "Mawar (Cihideung, Parongpong)")
        script = ("const c = Chart.getChart(document.getElementById('posyandu-trend-chart'));"
                  "return c ? c.data.datasets.map((s) => [s.label, s.data]) : null;")
        expected = [["D/S (%)", line("D", "S")], ["N/D (%)", line("N", "D")]]
        self.wait(lambda d: d.execute_script(script) == expected,
                  lambda: f"the trend chart {expected}, it draws {self.driver.execute_script(script)}")
        self.assertEqual(sum(v is not None for v in expected[0][1]), 3, "three months of Mawar's reports")
        self.browser.screenshot("posyandu")

    def assert_workbook(self, sheets):
        import openpyxl  # here: web_ui_test.py skips the whole test, saying why, when it is missing

        kind, body = self.download("#posyandu-page .report-download-xlsx")
        self.assertIn("spreadsheetml", kind)
        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        self.assertEqual(book.sheetnames, RECAP_SHEETS)
        for name, key in zip(RECAP_SHEETS, ("kecamatan", "desa", "posyandu", "belum")):
            rows = [["" if c is None else c for c in r] for r in book[name].iter_rows(values_only=True)]
            self.assertEqual(rows, [sheets[key]["header"]] + sheets[key]["rows"], f"the workbook's {name}")

    def assert_printed(self, answer):
        self.element("#posyandu-print", "Cetak laporan").click()
        self.element('#page[data-page="posyandu-cetak"] #report', "the print view of Laporan Posyandu")
        self.browser.screenshot("posyandu-cetak")
        with tempfile.TemporaryDirectory(prefix="siaran-e2e-pdf-") as directory:
            pages, size, text = self.printed(directory, "laporan-posyandu.pdf", 1)
        self.assertRegex(size, r"\(A4\)$")
        self.assert_numbered(pages, text)
        for needed in (answer["organisation"], answer["title"], answer["month"], "Per kecamatan", "Per desa",
                       "Belum melapor", KECAMATAN, "Cihideung", *SILENT):
            self.assertIn(needed, text)
