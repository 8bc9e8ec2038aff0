# SPDX-License-Identifier: GPL-3.0-or-later
"""The web UI's archive step (mixed into web_ui_test.WebUiTest): an officer archives a cadre in
Kontak behind its confirmation, sees her gone from the list and from GET /api/v1/contacts, shows
the archive with "Tampilkan arsip", restores her with "Pulihkan", and sees her back."""


class ArchiveSteps:
    def archive_and_restore_contact(self, nama):
        [contact] = [c for c in self.gateway.get("/api/v1/contacts") if c["nama"] == nama]
        row = f'#contacts-table tbody tr[data-contact-id="{contact["id"]}"]'
        self.show("kontak")
        self.element(f"{row} .contact-archive", f"the Arsipkan button of {nama}").click()
        self.element("#contact-archive-confirm-submit", "the archive confirmation").click()
        self.wait(lambda _: not self.find(row), f"{nama} gone from #contacts-table")
        self.assertNotIn(nama, [c["nama"] for c in self.gateway.get("/api/v1/contacts")],
                         "an archived contact is not listed")
        [archived] = self.gateway.get("/api/v1/contacts?archived=only")
        self.assertEqual((archived["id"], archived["archived_at"] is not None), (contact["id"], True))
        # Its toast would lie over the switch until it fades.
        self.wait(lambda _: not self.find("#toasts .toast"), "the archive toast to fade")

        self.element("#contacts-show-archived").click()
        self.element(f"{row} .contact-restore", f"{nama} with Pulihkan in the archive")
        self.browser.screenshot("kontak-arsip")
        self.find(f"{row} .contact-restore")[0].click()
        self.wait(lambda _: not self.find(row), f"{nama} gone from the archive once restored")
        self.wait(lambda _: not self.find("#toasts .toast"), "the restore toast to fade")
        self.element("#contacts-show-archived").click()
        self.element(f"{row} .contact-archive", f"{nama} back in the list")
        restored = self.gateway.get(f"/api/v1/contacts/{contact['id']}")
        self.assertIsNone(restored["archived_at"], "the restored contact is in use again")
        self.assertEqual(self.gateway.get("/api/v1/contacts?archived=only"), [])
