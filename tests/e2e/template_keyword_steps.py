# SPDX-License-Identifier: GPL-3.0-or-later
"""Saved templates and keywords in the page (mixed into web_ui_test.WebUiTest): an officer saves
what she wrote in Kirim as a template, empties the message and fills it again from the saved
one, the preview showing it personalised; an admin adds a keyword of the office's own in
Pengaturan (a word already used is refused beside its field), and an "INFO" SMS arriving on a
simulated modem is answered with the saved text."""

from harness import poll

try:
    from selenium.webdriver.support.ui import Select
except ImportError:  # web_ui_test.py skips the test, saying why
    pass

LIVE_TIMEOUT = 45  # as web_ui_test.py's: siarand under AddressSanitizer is slow

SAVED_NAME = "Posyandu bulanan"
SAVED_TEXT = "Yth. Ibu {nama}, Posyandu bulan ini buka hari Selasa jam 08.00."
INFO_ANSWER = "Jadwal Posyandu: setiap Selasa minggu kedua, pukul 08.00 di balai desa."
INFO_SENDER = "+6285700000077"  # not a contact: an auto reply answers anybody


class TemplateKeywordSteps:
    def template_saved_and_used(self, officer, password, kecamatan, first_name):
        self.login(officer, password)
        self.show("kirim")
        self.choose("#audience-kecamatan", kecamatan)
        template = self.element("#template")
        template.send_keys(SAVED_TEXT)
        self.element("#template-save", "Simpan sebagai template").click()
        self.element("#template-name", "the template's name field").send_keys(SAVED_NAME)
        self.element("#template-save-form-submit").click()
        self.wait(lambda _: any(o.text == SAVED_NAME for o in Select(self.element("#template-pick")).options),
                  f"{SAVED_NAME!r} offered in #template-pick")
        saved = self.gateway.get("/api/v1/templates")
        self.assertEqual([(t["name"], t["text"], t["officer_id"]) for t in saved],
                         [(SAVED_NAME, SAVED_TEXT, self.officer_id)], "the template is stored as the officer's")

        template.clear()
        self.wait(lambda _: template.get_attribute("value") == "", "the message emptied")
        Select(self.element("#template-pick")).select_by_visible_text(SAVED_NAME)
        self.assertEqual(template.get_attribute("value"), SAVED_TEXT, "the saved template fills the message")
        personal = SAVED_TEXT.replace("{nama}", first_name)
        self.wait(lambda _: any(personal in e.text for e in self.find("#preview-samples .preview-sample")),
                  f"the preview to show {personal!r}")
        self.browser.screenshot("kirim-template")
        self.wait(lambda _: not self.find("#toasts .toast"), "the template's toast to fade")

    def keyword_added_by_admin(self, admin, password):
        self.login(admin, password)
        self.show("pengaturan")
        self.element("#keywords-form", "the keywords card")
        self.assertEqual(self.text_of("#keywords-source"), "Bawaan berkas konfigurasi")

        self.element("#auto-reply-add").click()
        word = self.element("#auto-replies .auto-reply:last-child .auto-reply-word")
        word.send_keys("ya")
        self.element("#auto-replies .auto-reply:last-child .auto-reply-answer").send_keys(INFO_ANSWER)
        self.element("#keywords-save").click()
        feedback = self.element("#auto-replies .auto-reply-word.is-invalid + .invalid-feedback",
                                "the refusal beside the word")
        self.assertIn('"YA" sudah dipakai di daftar Hadir', feedback.text)
        self.assertEqual(self.gateway.get("/api/v1/keywords")["source"], "config", "nothing was saved")
        self.browser.screenshot("pengaturan-keyword-refused")

        word.clear()
        word.send_keys("info")
        self.element("#keywords-save").click()
        self.wait_text("#keywords-source", "Diatur di halaman ini", "the keywords saved")
        stored = self.gateway.get("/api/v1/keywords")
        self.assertEqual(stored["auto_replies"], [{"word": "INFO", "answer": INFO_ANSWER}])
        self.browser.screenshot("pengaturan-keywords")

        self.gateway.sims[0].control({"inject": {"from": INFO_SENDER, "text": "Info"}})
        # Sent as the API records it: it may go out on the built-in m3, whose sends no log shows.
        def answered():
            return any(m["to"] == INFO_SENDER and m["text"] == INFO_ANSWER for state in ("sent", "delivered")
                       for m in self.gateway.get(f"/api/v1/messages?state={state}&limit=1000")["messages"])
        poll(answered, LIVE_TIMEOUT, f"the saved answer sent to {INFO_SENDER}")
