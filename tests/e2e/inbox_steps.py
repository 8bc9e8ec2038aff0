# SPDX-License-Identifier: GPL-3.0-or-later
"""The web UI's inbox step (mixed into web_ui_test.WebUiTest): a cadre asks a question, the
officer finds it by searching Kotak masuk, opens the cadre's conversation (the broadcast they
received is in it), answers it there, and sees the message marked answered by her, in the list
and under the "Sudah dijawab" filter; the API agrees who answered."""

from harness import poll

LIVE_TIMEOUT = 45  # as web_ui_test.py's: siarand under AddressSanitizer is slow

QUESTION = "Bu, posyandu Melati pindah ke balai desa?"
SEARCH = "melati"
ANSWER = "Betul Bu, mulai bulan depan di balai desa."


class InboxSteps:
    def ask_question(self):
        """The question from a cadre of the broadcast, through the modem that sent to them; their
        number."""
        numbers = {number for _, number in self.audience}
        sim, number = poll(lambda: next(((s, send["to"]) for s in self.gateway.sims for send in s.sends()
                                         if send["to"] in numbers), None),
                           LIVE_TIMEOUT, "a modem that sent to someone in the audience")
        sim.control({"inject": {"from": number, "text": QUESTION}})
        poll(lambda: any(m["text"] == QUESTION for m in self.gateway.get("/api/v1/inbox?q=" + SEARCH)),
             LIVE_TIMEOUT, f"{QUESTION!r} in the inbox")
        return number

    def search_inbox(self):
        """Types the search; the list shows the question only."""
        box = self.element("#inbox-search", "the search box of Kotak masuk")
        box.clear()
        box.send_keys(SEARCH)

        def only_the_question(_):
            items = self.find("#inbox-list .inbox-item")
            return len(items) == 1 and QUESTION in items[0].text
        self.wait(only_the_question, lambda: f"only {QUESTION!r} in #inbox-list after searching {SEARCH!r}")
        item = self.find("#inbox-list .inbox-item")[0]
        self.assertIn("Belum dijawab", item.text, "the question is shown unanswered")
        return item

    def answer_in_conversation(self, item):
        item.click()
        self.element(".inbox-conversation .conversation-item.outgoing[data-kind='broadcast']",
                     "the broadcast the cadre received, in their conversation")
        self.element(".inbox-conversation .conversation-item.incoming.opened", "the question in the conversation")
        self.element("#reply-text", "the answer form of the conversation").send_keys(ANSWER)
        self.element("#reply-send").click()
        self.element(".inbox-conversation .conversation-item.outgoing[data-kind='answer']",
                     "the answer in the conversation", LIVE_TIMEOUT)

    def assert_marked_answered(self):
        badge = '#inbox-list .inbox-item .answered-badge[data-answered="true"]'
        self.wait(lambda _: "rina" in (self.text_of(badge) or ""),
                  lambda: f"{badge} to name rina (it reads {self.text_of(badge)!r})")
        self.choose("#inbox-filter-answered", "true")
        self.wait(lambda _: any(QUESTION in e.text for e in self.find("#inbox-list .inbox-item")),
                  "the question under the Sudah dijawab filter")
        answered = [m for m in self.gateway.get("/api/v1/inbox?answered=true&q=" + SEARCH)]
        self.assertEqual([m["answered_by"] for m in answered], ["rina"], "the API says rina answered it")
