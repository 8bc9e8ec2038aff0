// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/login_windows.h"

#include <array>
#include <string_view>

#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"
#include "queue/store_error.h"

namespace siaran::queue {
namespace {

constexpr std::array<std::string_view, 3> scope_names = {"pair", "address", "name"};

std::string_view scope_name(login_scope scope) { return scope_names.at(static_cast<std::size_t>(scope)); }

login_scope scope_named(std::string_view name) {
  for (std::size_t i = 0; i < scope_names.size(); ++i) {
    if (scope_names[i] == name) return static_cast<login_scope>(i);
  }
  throw store_error("reading the login limiter's windows: unknown scope '" + std::string(name) + "'");
}

}  // namespace

struct login_window_statements {
  explicit login_window_statements(connection& db)
      : all(db, "SELECT scope, address, name, failures, started_at FROM login_windows"),
        upsert(db,
               "INSERT OR REPLACE INTO login_windows (scope, address, name, failures, started_at) "
               "VALUES (?1, ?2, ?3, ?4, ?5)"),
        erase(db, "DELETE FROM login_windows WHERE scope = ?1 AND address = ?2 AND name = ?3") {}

  statement all;
  statement upsert;
  statement erase;
};

login_window_book::login_window_book(database& db)
    : db_(db.sql()), sql_(std::make_unique<login_window_statements>(db_)) {}

login_window_book::~login_window_book() = default;

std::vector<login_window> login_window_book::all() {
  auto& s = sql_->all;
  step_scope scope(s);
  std::vector<login_window> found;
  while (s.step()) {
    found.push_back({{scope_named(s.text(0)), s.text(1), s.text(2)},
                     static_cast<int>(s.int64(3)),
                     from_millis(s.int64(4))});
  }
  return found;
}

void login_window_book::save(const std::vector<login_window>& changed, const std::vector<login_window_key>& gone) {
  if (changed.empty() && gone.empty()) return;
  transaction tx(db_);
  for (const login_window_key& k : gone) {
    sql_->erase.bind(1, scope_name(k.scope)).bind(2, k.address).bind(3, k.name).run();
  }
  for (const login_window& w : changed) {
    sql_->upsert.bind(1, scope_name(w.key.scope))
        .bind(2, w.key.address)
        .bind(3, w.key.name)
        .bind(4, w.failures)
        .bind(5, millis(w.started_at))
        .run();
  }
  tx.commit();
}

}  // namespace siaran::queue
