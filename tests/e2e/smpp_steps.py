# SPDX-License-Identifier: GPL-3.0-or-later
"""A masked broadcast from the page (mixed into web_ui_test.WebUiTest): with an SMPP bind
configured (the simulated SMSC built into siarand), an officer chooses "Kirim lewat: Nama
pengirim" in Kirim, the preview ends with the number to answer, the broadcast goes from the
registered name and is delivered; the Modem page shows the bind bound with what it sent."""

from harness import SMPP_BIND_ID as BIND_ID, SMPP_SENDER as SENDER, poll

try:
    from selenium.webdriver.support.ui import Select
except ImportError:  # web_ui_test.py skips the test, saying why
    pass

LIVE_TIMEOUT = 45  # as web_ui_test.py's: siarand under AddressSanitizer is slow

REPLY_LINE = "Balas ke 0812-3450-0000"  # the harness's bind's reply_number, as cadres write it
MASKED_TEXT = "Yth. Ibu {nama}, timbang balita hari Sabtu."


class SmppSteps:
    def masked_broadcast_from_kirim(self, officer, password, kecamatan, recipients):
        self.login(officer, password)
        self.show("kirim")
        self.choose("#audience-kecamatan", kecamatan)
        Select(self.element("#send-via", "Kirim lewat, shown with a bind configured")).select_by_value("smpp")
        self.assertEqual(Select(self.element("#send-from")).first_selected_option.text, SENDER)
        self.element("#template").send_keys(MASKED_TEXT)
        self.wait(lambda _: REPLY_LINE in (self.text_of("#preview-samples") or ""),
                  f"the preview ending with {REPLY_LINE!r}")
        self.wait_text("#recipient-count", str(recipients), "the recipients of the kecamatan")
        self.element("#send-button").click()
        self.element("#confirm-send", "the confirmation #confirm-send")
        self.element("#confirm-send-ok").click()
        self.element('#page[data-page="riwayat"]', "the riwayat page after sending")

        def masked():
            return next((b for b in self.gateway.get("/api/v1/broadcasts")["broadcasts"]
                         if b.get("via") == "smpp" and b["delivered"] == recipients), None)
        broadcast = poll(masked, LIVE_TIMEOUT, f"the masked broadcast delivered to {recipients}")
        self.assertEqual(broadcast["sender"], SENDER)

    def bind_on_modem_page(self, admin, password):
        self.login(admin, password)
        self.show("modem")
        row = f'#binds-table tr[data-bind-id="{BIND_ID}"]'
        self.wait(lambda _: self.element(row).get_attribute("data-state") == "bound", f"{BIND_ID} bound in #binds-table")
        self.wait(lambda _: SENDER in (self.text_of(row) or ""), f"{SENDER} in {BIND_ID}'s row")
        self.browser.screenshot("modem-binds")
