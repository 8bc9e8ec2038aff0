// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the store's .cc files share: the connection, its statements and the conversions between
// records and columns. Private to queue/.

#include <string>
#include <string_view>
#include <vector>

#include "queue/database.h"
#include "queue/recipient_key.h"
#include "queue/records.h"
#include "queue/statements.h"
#include "queue/store.h"

namespace siaran::queue {

// A send the dispatcher noted (store::note_sent), not yet recorded.
struct noted_send {
  std::int64_t part_id;
  std::string modem;
  int reference;
  timestamp at;
};

struct store_state {
  store_state(const std::filesystem::path& file, store_options opts);

  database db;
  store_options options;
  statements sql;
  std::vector<noted_send> noted_sends;
};

// Every write transaction of the store: it records the noted sends first, so that they cost no
// transaction of their own, and forgets them once committed (a rollback keeps them for the next).
class write_transaction {
 public:
  explicit write_transaction(store_state& s, durability d = durability::normal);
  void commit();

 private:
  store_state& state_;
  transaction tx_;
};

inline std::int64_t millis(timestamp t) { return t.time_since_epoch().count(); }
inline timestamp from_millis(std::int64_t ms) { return timestamp(std::chrono::milliseconds(ms)); }
std::optional<timestamp> optional_time(const statement& s, int column);
std::optional<std::int64_t> optional_millis(const std::optional<timestamp>& t);

// Inserts the message and its parts inside the caller's transaction (client_ref: an earlier
// message with it is returned instead). Parts are due at the message's send_at, or held with
// `held_mark` as their next attempt (held_parts.h) until released.
accepted insert_message(store_state& s, const new_message& m, std::optional<std::int64_t> held_mark = {});

// Reads part_columns starting at column 0.
part_record read_part(const statement& s);

// Throws unless the last statement changed exactly one row (a transition from the wrong state).
void expect_one_change(database& db, std::int64_t part_id, std::string_view transition);

}  // namespace siaran::queue
