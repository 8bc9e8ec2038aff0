#pragma once

// Meetings (events) with their reminders and the answers cadres send to them (RSVP), in the
// store's database (issue 6). The scheduler turns each reminder into an ordinary broadcast
// with origin "reminder" and the event's id; a reply to it (HADIR, YA, TIDAK) is an RSVP.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "queue/records.h"

namespace siaran::queue {

class store;
struct event_statements;  // event_book.cc

enum class rsvp_answer { attending, declining };

struct rsvp_tally {
  std::int64_t attending = 0;  // HADIR, YA
  std::int64_t declining = 0;  // TIDAK
  std::int64_t unanswered = 0; // reached by a reminder, no answer yet
};

class event_book {
 public:
  explicit event_book(store& s);
  ~event_book();
  event_book(const event_book&) = delete;
  event_book& operator=(const event_book&) = delete;

  // A contact's answer to the event; a later answer replaces an earlier one.
  void record_rsvp(std::int64_t event_id, std::int64_t contact_id, rsvp_answer answer, std::int64_t incoming_id,
                   timestamp at);
  rsvp_tally tally(std::int64_t event_id);

  // The scheduler's part (events, their reminders, birthdays, recurring broadcasts and the
  // record of what ran) is declared here by its author.

 private:
  store& store_;
  std::unique_ptr<event_statements> sql_;
};

}  // namespace siaran::queue
