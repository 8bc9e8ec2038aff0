# SPDX-License-Identifier: GPL-3.0-or-later
"""The web UI's report step (mixed into web_ui_test.WebUiTest): a broadcast's report downloaded
from Riwayat's links with the officer's session, as CSV and .xlsx, opened with Python's csv and
openpyxl and compared row by row with the API; then its print view printed to PDF by Chromium
(the DevTools Page.printToPDF that --print-to-pdf runs, here inside the logged-in session) and
read back with pdfinfo and pdftotext: A4, the office's header, every recipient, and "Halaman N
dari M" on every page."""

import base64
import csv
import io
import re
import subprocess
import tempfile
from pathlib import Path

from harness import poll

LIVE_TIMEOUT = 45  # as web_ui_test.py's: siarand under AddressSanitizer is slow

STATE_WORDS = {"queued": "Menunggu", "sending": "Sedang dikirim", "sent": "Terkirim", "delivered": "Sampai",
               "failed": "Gagal", "uncertain": "Belum pasti", "cancelled": "Dibatalkan"}
HEADER = ["nama", "no_hp", "kecamatan", "desa", "posyandu", "keadaan", "modem", "waktu_kirim", "waktu_sampai",
          "balasan", "alasan_gagal", "penerimaan", "keterangan_laporan"]


class ReportSteps:
    def download(self, link_css):
        """The bytes behind a download link, fetched by the page with its session cookie."""
        href = self.element(link_css, f"the download link {link_css}").get_attribute("href")
        script = """
            const [href, done] = arguments;
            fetch(href).then(async (answer) => {
              const bytes = new Uint8Array(await answer.arrayBuffer());
              let text = '';
              for (const b of bytes) text += String.fromCharCode(b);
              done({status: answer.status, type: answer.headers.get('Content-Type'), body: btoa(text)});
            }).catch((e) => done({error: String(e)}));"""
        result = self.driver.execute_async_script(script, href)
        self.assertNotIn("error", result, f"GET {href} from the page")
        self.assertEqual(result["status"], 200, f"GET {href}")
        return result["type"], base64.b64decode(result["body"])

    def expected_rows(self, marker):
        """The report's recipient rows as the API gives them (the fields the API has); a number's
        leading + is formula-like, so the CSV file marks it as text with `marker` ', while a
        workbook's string cell needs no mark."""
        recipients = self.gateway.get(f"/api/v1/broadcasts/{self.broadcast_id}/recipients")["recipients"]
        return [(r["contact_name"], marker + r["to"], STATE_WORDS[r["state"]]) for r in recipients]

    def printed(self, directory, name, scale):
        """The page printed to PDF at `scale` (2 makes seven recipients need several pages): its
        page count, its size line and its text."""
        pdf = self.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True,
                                                              "scale": scale})
        path = Path(directory) / name
        path.write_bytes(base64.b64decode(pdf["data"]))
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        return pages, re.search(r"^Page size:.*$", info, re.M)[0], text

    def assert_numbered(self, pages, text):
        numbers = re.findall(r"Halaman (\d+) dari (\d+)", text)
        self.assertEqual(numbers, [(str(n), str(pages)) for n in range(1, pages + 1)], "a page number on every page")
        self.assertEqual(text.count("\f"), pages, "pdftotext's page breaks")

    def test_4b_broadcast_report_downloads_and_prints(self):
        self.requires("test_3")
        poll(lambda: self.gateway.get(f"/api/v1/broadcasts/{self.broadcast_id}")["state"] == "done", LIVE_TIMEOUT,
             "the broadcast to be done")
        self.driver.execute_script("location.hash = arguments[0]", f"#/riwayat?id={self.broadcast_id}")
        self.element("#broadcast-detail .report-download-csv", "the report's download links")

        kind, body = self.download("#broadcast-detail .report-download-csv")
        self.assertTrue(kind.startswith("text/csv"), kind)
        rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
        self.assertEqual(rows[0], HEADER)
        self.assertEqual([(r[0], r[1], r[5]) for r in rows[1:]], self.expected_rows("'"),
                         "every CSV row is the API's recipient")
        self.assertEqual({r[2] for r in rows[1:]}, {"Lembang"})

        import openpyxl  # here: web_ui_test.py skips the whole test, saying why, when it is missing

        kind, body = self.download("#broadcast-detail .report-download-xlsx")
        self.assertIn("spreadsheetml", kind)
        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        self.assertEqual(book.sheetnames, ["Penerima", "Ringkasan", "Per kecamatan", "Waktu"])
        sheet = [list(r) for r in book["Penerima"].iter_rows(values_only=True)]
        self.assertEqual([(r[0], r[1], r[5]) for r in sheet[1:]], self.expected_rows(""),
                         "every .xlsx row is the API's recipient")
        as_csv = [["" if c is None else str(c) for c in r] for r in sheet]
        unmarked = [[c[1:] if c[:1] == "'" and c[1:2] in ("=", "+", "-", "@") else c for c in r] for r in rows]
        self.assertEqual(as_csv, unmarked, "the workbook's recipients are the CSV's")
        summary = dict(list(r) for r in book["Ringkasan"].iter_rows(min_row=2, values_only=True))
        broadcast = self.gateway.get(f"/api/v1/broadcasts/{self.broadcast_id}")
        self.assertEqual((summary["penerima"], summary["terkirim"]), (broadcast["recipients"], broadcast["sent"]))

        self.element("#broadcast-report", "the Cetak laporan link").click()
        self.element('#page[data-page="laporan"] #report-chart', "the report's print view with its chart")
        self.browser.screenshot("laporan")
        with tempfile.TemporaryDirectory(prefix="siaran-e2e-pdf-") as directory:
            pages, size, text = self.printed(directory, "laporan.pdf", 1)
            large_pages, large_size, large_text = self.printed(directory, "laporan-besar.pdf", 2)
        self.assertRegex(size, r"\(A4\)$")
        self.assertRegex(large_size, r"\(A4\)$")
        self.assert_numbered(pages, text)
        self.assertGreater(large_pages, 1, "printed at twice the size, the report needs more than one page")
        self.assert_numbered(large_pages, large_text)
        for needed in ("Pokjanal Posyandu", f"Laporan siaran #{self.broadcast_id}", "Ringkasan", "Per kecamatan",
                       "Lembang", "Jumlah"):
            self.assertIn(needed, text)
        for name, _, _ in self.expected_rows(""):
            self.assertIn(name.split()[0], text, f"{name} in the printed list")

        # The month's report, from Riwayat's list: this broadcast among the month's.
        self.show("riwayat")
        self.element("#monthly-report", "the Cetak laporan bulanan link").click()
        self.element('#page[data-page="laporan"] #report-chart', "the month's print view with its chart")
        ids = [row.text.split()[0] for row in self.find('[data-sheet="broadcasts"] tbody tr')]
        self.assertIn(str(self.broadcast_id), ids, "the month's report lists the broadcast")
        with tempfile.TemporaryDirectory(prefix="siaran-e2e-pdf-") as directory:
            pages, _, text = self.printed(directory, "laporan-bulanan.pdf", 1)
        self.assert_numbered(pages, text)
        self.assertIn("Laporan siaran bulan", text)
        self.passed_step()
