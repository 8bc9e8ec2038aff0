// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The SQL the inbox's reads share (reply_book, conversation_book), private to queue/: the columns
// of an inbox entry and the conditions of an inbox filter. The conditions are written for the
// filters given only, so that SQLite can choose the index each one has (incoming_officer,
// incoming_keyword, incoming_contact through contacts_place): one statement with "?n IS NULL OR
// ..." for every filter would hide them from the planner.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "queue/connection.h"
#include "queue/replies.h"

namespace siaran::queue {

// The columns read_inbox_entry() reads, from `incoming i` with its contact `c` and its last
// answer `a` (inbox_joins).
extern const std::string inbox_columns;
extern const std::string inbox_joins;
inline constexpr int inbox_column_count = 20;

inbox_entry read_inbox_entry(const statement& q);

using sql_value = std::variant<std::int64_t, std::string>;

// Conditions joined by AND, with the values of their `?` in order.
class sql_conditions {
 public:
  void add(std::string condition, std::vector<sql_value> values = {});
  // "WHERE a AND b ", or "" when there is none.
  std::string where() const;
  // Binds the values from ?`first` on; returns the next free index.
  int bind(statement& s, int first = 1) const;

 private:
  std::vector<std::string> conditions_;
  std::vector<sql_value> values_;
};

// Whose inbox (filter.scope) and what the messages say, answer or where they are from (text,
// keyword, broadcast, desa, kecamatan), on `incoming i` and `contacts c`; not the paging, not
// `answered`.
void add_inbox_conditions(sql_conditions& where, const inbox_filter& filter);
// Whether the message `i` has an answer from the inbox.
std::string answered_condition(bool answered);

// The statement of reply_book::inbox for a filter: its SQL, then its values.
class inbox_list {
 public:
  explicit inbox_list(const inbox_filter& filter);
  std::string sql() const;
  void bind(statement& s) const;

 private:
  const inbox_filter& filter_;
  sql_conditions where_;
};

}  // namespace siaran::queue
