// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Turns a broadcast request (officer, audience, template, time) into one personalised message
// per recipient and queues them with the broadcast: the API's POST /api/v1/broadcasts, and every
// scheduled send (reminders, birthdays, recurring) too.
// Opted-out contacts and repeated numbers are skipped; the officer's sender tag is appended to
// every text; an unknown placeholder refuses the whole request before anything is queued.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "daemon/broadcast/registered_sender.h"
#include "daemon/broadcast/template.h"
#include "daemon/concat_references.h"
#include "daemon/dispatch/price_list.h"
#include "daemon/schedule/local_time.h"
#include "queue/broadcasts.h"
#include "queue/contacts.h"
#include "queue/records.h"

namespace siaran::daemon {

// A request that cannot become a broadcast (unknown placeholder, unknown officer or group,
// nobody in the audience...); what() says what, for the API's 4xx.
class broadcast_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A broadcast's text as it is checked before anything is planned (not empty, placeholders that
// parse), for a broadcast and for a template saved to become one; throws broadcast_error.
broadcast::message_template parsed_template(const std::string& text);

// A request repeating the client_ref of a broadcast that is not queued yet: being queued, or
// failed while being queued and not yet deleted. Naming it would promise what may never go out.
class broadcast_in_progress : public broadcast_error {
 public:
  using broadcast_error::broadcast_error;
};

struct broadcast_request {
  std::optional<std::int64_t> officer_id;
  queue::audience audience;
  std::string audience_json;  // as the request gave it, kept with the broadcast
  std::string template_text;
  std::optional<queue::timestamp> send_at;  // none: now
  int priority = 0;
  std::string origin = "api";  // api, reminder, birthday, recurring, verification
  std::optional<std::int64_t> event_id;
  // Placeholders beyond the contact's own fields, e.g. an event's {acara} and {tempat}; they
  // override {tanggal} and {jam} too (a reminder names the meeting's date, not today's).
  std::map<std::string, std::string> extra_values;
  // The API client's name for the request: the same officer repeating it gets the first
  // broadcast (a double click, a retry after a lost answer), not a second.
  std::optional<std::string> client_ref;
  // Modems (answerable), SMPP binds (a registered name, the tag naming the number to answer),
  // or a bind while one is up; `sender`: one of the binds' names (none: the officer's default,
  // else the first bind's first).
  queue::send_via via = queue::send_via::modem;
  std::optional<std::string> sender;
};

struct broadcast_sample {
  std::int64_t contact_id = 0;
  std::string to;
  std::string text;  // rendered, with the sender tag
  std::string encoding;
  int parts = 0;
};

struct broadcast_plan {
  std::int64_t recipients = 0;
  std::int64_t parts = 0;  // over the whole broadcast
  // Rupiah: each recipient's parts at the price a part to that number likely costs
  // (price_list::likely_price), summed, rounded once at the end.
  std::int64_t cost_estimate = 0;
  std::string encoding;  // gsm7, ucs2, or mixed
  std::int64_t skipped_opted_out = 0;
  std::int64_t skipped_duplicates = 0;
  std::vector<broadcast_sample> samples;
};

struct created_broadcast {
  std::int64_t id = 0;
  broadcast_plan plan;
  bool repeated = false;  // its client_ref was used before: id is that broadcast, nothing was queued
};

// A longer text is refused: six parts (918 GSM characters, 402 UCS-2) is already a letter,
// costs six SMS per recipient, and older handsets reassemble long messages badly.
inline constexpr int max_parts_per_message = 6;

struct broadcaster_settings {
  std::string region = "ID";
  std::chrono::seconds valid_for{48 * 3600};
  std::string timezone = "Asia/Jakarta";  // {tanggal} and {jam}
  price_list prices;  // the plan's cost_estimate
  bool delivery_reports = true;  // every part asks for a status report: who got it is the question after a broadcast
  std::vector<broadcast::registered_sender> senders;  // every bind's names, in config order
};

class broadcaster {
 public:
  // `queued` tells the dispatcher that new work was queued.
  broadcaster(queue::contact_book& contacts, queue::broadcast_book& broadcasts,
              std::function<void()> queued, broadcaster_settings settings,
              concat_reference_allocator& references);

  // What create() would queue, with `samples` rendered recipients; queues nothing.
  broadcast_plan preview(const broadcast_request& request, queue::timestamp now, std::size_t samples = 3);
  // Queueing a broadcast, in two steps, so that the long one (reading the audience, rendering
  // and encoding every message) runs on a reader's books and only the writes on the writer: what
  // would be queued (throws broadcast_error), then queueing it (durable before it returns; wakes
  // the dispatcher).
  struct prepared {
    queue::new_broadcast broadcast;
    broadcast_plan plan;
    std::vector<queue::broadcast_message> messages;
  };
  prepared prepare(const broadcast_request& request, queue::timestamp now);
  // A follow-up to `first` for `again`, the recipients it did not reach (queue::unreached): each
  // gets the text it was sent, asking for a report, on another modem than the one that did not
  // reach it when another can send. Linked to `first` (follow_up_of); commit() queues it.
  prepared follow_up(const queue::broadcast_progress& first, const std::vector<queue::broadcast_recipient>& again,
                     queue::timestamp now);
  // The queued broadcast whose client_ref the request repeats, if any, found before the long
  // prepare(); commit() checks again on the writer, which decides. Throws broadcast_in_progress.
  std::optional<std::int64_t> earlier(const broadcast_request& request);
  // Runs one step with the writer's broadcast book, on the writer thread, and returns when it
  // has run.
  using writer_steps = std::function<void(const std::function<void(queue::broadcast_book& writer)>& step)>;
  // Queues it in steps of a few milliseconds each (broadcast_book::begin), each its own job of
  // the writer, so that the dispatcher's claims go between them and sending keeps its rate
  // while 50,000 recipients are queued. A failure part-way queues nothing. A client_ref used
  // before queues nothing either and returns that broadcast (repeated), or throws
  // broadcast_in_progress.
  created_broadcast commit(prepared&& ready, const writer_steps& on_writer);

 private:
  struct planned {
    broadcast_plan plan;
    std::vector<queue::broadcast_message> messages;
  };
  // Resolves, renders and composes every message, each with a reference from `references`;
  // throws broadcast_error.
  planned plan(const broadcast_request& request, queue::timestamp now, std::size_t samples,
               concat_reference_allocator& references);
  // The officer's sender tag, and for a masked broadcast the line naming the number to answer;
  // sets `sender` to the registered name it goes from (none by modem). Throws broadcast_error.
  std::string sender_tag(const broadcast_request& request, std::optional<broadcast::registered_sender>& sender);
  std::vector<queue::contact> resolve(const queue::audience& audience);
  void discard(std::int64_t id, const writer_steps& on_writer);
  // Wakes the dispatcher and says so in the log.
  void queued(const created_broadcast& created, const std::string& origin);

  queue::contact_book& contacts_;
  queue::broadcast_book& broadcasts_;
  std::function<void()> queued_;
  broadcaster_settings settings_;
  schedule::time_zone zone_;
  concat_reference_allocator& concat_references_;
};

}  // namespace siaran::daemon
