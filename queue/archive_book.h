// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The lifecycle of contacts, groups and officers (schema step 21). Archiving hides one from
// lists, audiences and new broadcasts and keeps every row that names it, so past broadcasts,
// the inbox and reports still read its name; restoring brings it back as it was. Only one
// that nothing refers to (no message, reply, broadcast, meeting or account) is ever deleted:
// a SMS sent to or received from someone is the office's record.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "queue/records.h"

namespace siaran::queue {

class connection;
class database;
struct archive_statements;  // archive_book.cc

enum class archivable { contact, group, officer };

enum class removal { deleted, archived, missing };

// A plan that would go out to a group: an upcoming meeting or an active recurring broadcast.
struct group_plan {
  std::string kind;  // "event" or "recurring"
  std::int64_t id = 0;
  std::string title;  // the meeting's title, the recurring broadcast's template
};

class archive_book {
 public:
  explicit archive_book(database& db);
  ~archive_book();
  archive_book(const archive_book&) = delete;
  archive_book& operator=(const archive_book&) = delete;

  // Archives it at `now`, or keeps the time it was first archived; false when there is none.
  bool archive(archivable kind, std::int64_t id, timestamp now);
  // False when there is none.
  bool restore(archivable kind, std::int64_t id);
  // Whether any message, reply, broadcast, meeting, recurring broadcast or account refers to it.
  bool has_history(archivable kind, std::int64_t id);
  // Deletes it when it has no history, else archives it (as archive()), in one transaction.
  removal remove_or_archive(archivable kind, std::int64_t id, timestamp now);
  // The upcoming meetings (starting after `now`, not cancelled) and active recurring broadcasts
  // whose audience names the group, in id order.
  std::vector<group_plan> plans_for_group(std::int64_t group_id, timestamp now);

 private:
  connection& db_;
  std::unique_ptr<archive_statements> sql_;
};

}  // namespace siaran::queue
