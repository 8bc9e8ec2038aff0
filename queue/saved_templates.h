// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Message templates officers save in Kirim and use again: a name and a broadcast's text with its
// placeholders ({nama}), each owned by the officer who made it, seen by the others when shared.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "queue/records.h"

namespace siaran::queue {

class database;
struct saved_template_statements;  // saved_template_book.cc

struct saved_template {
  std::int64_t id = 0;                     // given by add()
  std::optional<std::int64_t> officer_id;  // none: the office's
  std::string name;
  std::string text;
  bool shared = false;
  timestamp created_at{};
  timestamp updated_at{};
};

class saved_template_book {
 public:
  explicit saved_template_book(database& db);
  ~saved_template_book();
  saved_template_book(const saved_template_book&) = delete;
  saved_template_book& operator=(const saved_template_book&) = delete;

  // Stores `t` (created and updated at `t.created_at`); its id, or nothing when its owner has a
  // template of that name already.
  std::optional<std::int64_t> add(const saved_template& t);
  // Not archived.
  std::optional<saved_template> find(std::int64_t id);
  // By name; every template, or `officer`'s with the ones shared.
  std::vector<saved_template> list(std::optional<std::int64_t> officer);
  // Changes name, text and shared, and stamps updated_at; false when the name is taken by another.
  bool update(const saved_template& t);
  // Hides it from every list; false when there was none to archive.
  bool archive(std::int64_t id, timestamp now);

 private:
  std::unique_ptr<saved_template_statements> sql_;
};

}  // namespace siaran::queue
