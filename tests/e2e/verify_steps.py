# SPDX-License-Identifier: GPL-3.0-or-later
"""The web UI's step for how current the numbers are (mixed into web_ui_test.WebUiTest): an
officer starts a "cek nomor" from Kontak for one kecamatan, a cadre answers YA, and Beranda shows,
per kecamatan, how many numbers answered in the last 90 days, as the API counts them."""

from harness import poll

LIVE_TIMEOUT = 45  # as web_ui_test.py's: siarand under AddressSanitizer is slow


class VerifySteps:
    def start_number_check(self, kecamatan, count):
        """Cek nomor from Kontak to the `count` contacts of `kecamatan`; the campaign, once its
        SMS have gone out."""
        self.show("kontak")
        self.choose("#contacts-filter-kecamatan", kecamatan)
        rows = "#contacts-table tbody tr[data-contact-id]"
        self.wait(lambda _: len(self.find(rows)) == count, f"{count} contacts of {kecamatan} in #contacts-table")
        self.element("#contacts-check", "Cek nomor on the kontak page").click()
        self.element("#number-check-form-submit", "the Cek nomor form").click()

        def sent():
            campaigns = self.gateway.get("/api/v1/verifications")["verifications"]
            return next((c for c in campaigns if c["recipients"] == count and c["sent"] == count), None)
        campaign = poll(sent, LIVE_TIMEOUT, f"a cek nomor to {count} contacts sent (GET /api/v1/verifications)")
        self.assertIn("balas YA", campaign["text"])
        return campaign

    def answer_yes(self, campaign, numbers):
        """One of `numbers` answers YA on the modem that sent it the question (one whose sends the
        test can read: the built-in m3 keeps no log); once the campaign counts it."""
        sim, number = poll(lambda: next(((s, send["to"]) for s in self.gateway.sims for send in s.sends()
                                         if send["to"] in numbers), None),
                           LIVE_TIMEOUT, f"the cek nomor sent to one of {numbers} by m1 or m2")
        sim.control({"inject": {"from": number, "text": "YA"}})
        poll(lambda: self.gateway.get(f"/api/v1/verifications/{campaign['id']}")["confirmed"] == 1, LIVE_TIMEOUT,
             f"the YA from {number} to confirm the number")

    def check_confirmed_shares(self, kecamatan):
        """Beranda's table row by row as GET /api/v1/stats/confirmed-numbers counts, with one
        confirmed number in `kecamatan` at least."""
        shares = self.gateway.get("/api/v1/stats/confirmed-numbers")["kecamatan"]
        self.assertTrue(any(s["kecamatan"] == kecamatan and s["confirmed"] >= 1 for s in shares),
                        f"a confirmed number in {kecamatan}: {shares}")
        self.show("beranda")
        for share in shares:
            row = f'#dash-confirmed-table tr[data-kecamatan="{share["kecamatan"]}"]'
            expected = f'{share["confirmed"]} dari {share["contacts"]}'
            self.wait(lambda _, row=row, expected=expected: expected in (self.text_of(row) or ""),
                      lambda row=row, expected=expected: f"{row} to read {expected!r} (it reads {self.text_of(row)!r})",
                      LIVE_TIMEOUT)
            percent = 100 * share["confirmed"] // share["contacts"]
            self.assertIn(f"{percent}%", self.text_of(row), f"{row} shows the share as a percentage")
        self.browser.screenshot("beranda-confirmed-numbers")
