# SPDX-License-Identifier: GPL-3.0-or-later
"""The web UI's step for how current the numbers are (mixed into web_ui_test.WebUiTest): Beranda
shows, per kecamatan, how many numbers answered in the last 90 days, as the API counts them.
Any reply of a cadre confirms the number, so the cadre who answered the broadcast earlier in
the afternoon counts."""

from harness import poll

LIVE_TIMEOUT = 45  # as web_ui_test.py's: siarand under AddressSanitizer is slow


class VerifySteps:
    def shares_confirming(self, kecamatan):
        """The API's shares once `kecamatan` has a confirmed number, else None."""
        shares = self.gateway.get("/api/v1/stats/confirmed-numbers")["kecamatan"]
        return shares if any(s["kecamatan"] == kecamatan and s["confirmed"] >= 1 for s in shares) else None

    def check_confirmed_shares(self, kecamatan_with_reply):
        shares = poll(lambda: self.shares_confirming(kecamatan_with_reply), LIVE_TIMEOUT,
                      f"a confirmed number in {kecamatan_with_reply} (GET /api/v1/stats/confirmed-numbers)")
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
