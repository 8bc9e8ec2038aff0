// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/accounts.h"

#include "queue/columns.h"
#include "queue/connection.h"
#include "queue/database.h"

namespace siaran::queue {
namespace {

constexpr const char* user_columns =
    "SELECT id, name, role, password_hash, officer_id, disabled, created_at, password_changed_at FROM users ";
constexpr const char* session_columns =
    "SELECT token_sha256, user_id, csrf, created_at, last_seen_at, expires_at FROM sessions ";
constexpr const char* admin_role = "admin";

user read_user(const statement& s) {
  user u;
  u.id = s.int64(0);
  u.name = s.text(1);
  u.role = s.text(2);
  u.password_hash = s.text(3);
  u.officer_id = s.optional_int64(4);
  u.disabled = s.int64(5) != 0;
  u.created_at = from_millis(s.int64(6));
  u.password_changed_at = from_millis(s.int64(7));
  return u;
}

session_record read_session(const statement& s) {
  return {s.text(0), s.int64(1), s.text(2), from_millis(s.int64(3)), from_millis(s.int64(4)),
          from_millis(s.int64(5))};
}

std::optional<user> one_user(statement& s) {
  step_scope scope(s);
  if (!s.step()) return std::nullopt;
  return read_user(s);
}

bool enabled_admin(const user& u) { return u.role == admin_role && !u.disabled; }

}  // namespace

struct account_statements {
  explicit account_statements(connection& db)
      : insert_user(db,
                    "INSERT INTO users (name, role, password_hash, officer_id, disabled, created_at, "
                    "password_changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)"),
        user_by_id(db, std::string(user_columns) + "WHERE id = ?1"),
        user_by_name(db, std::string(user_columns) + "WHERE name = ?1"),  // the column is NOCASE
        all_users(db, std::string(user_columns) + "ORDER BY name, id"),
        update_user(db, "UPDATE users SET role = ?2, officer_id = ?3, disabled = ?4 WHERE id = ?1"),
        set_password(db, "UPDATE users SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1"),
        delete_user(db, "DELETE FROM users WHERE id = ?1"),
        other_admins(db, "SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0 AND id <> ?1"),
        insert_session(db,
                       "INSERT INTO sessions (token_sha256, user_id, csrf, created_at, last_seen_at, expires_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        session_by_token(db, std::string(session_columns) + "WHERE token_sha256 = ?1"),
        touch_session(db, "UPDATE sessions SET last_seen_at = ?2 WHERE token_sha256 = ?1"),
        delete_session(db, "DELETE FROM sessions WHERE token_sha256 = ?1"),
        delete_sessions_of(db, "DELETE FROM sessions WHERE user_id = ?1 AND token_sha256 <> ?2"),
        delete_expired(db, "DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen_at <= ?2"),
        insert_token(db, "INSERT INTO api_tokens (name, sha256, created_at, created_by) VALUES (?1, ?2, ?3, ?4)"),
        token_by_name(db, "SELECT id FROM api_tokens WHERE name = ?1"),
        all_tokens(db, "SELECT id, name, sha256, created_at, created_by FROM api_tokens ORDER BY id"),
        delete_token(db, "DELETE FROM api_tokens WHERE id = ?1") {}

  statement insert_user;
  statement user_by_id;
  statement user_by_name;
  statement all_users;
  statement update_user;
  statement set_password;
  statement delete_user;
  statement other_admins;
  statement insert_session;
  statement session_by_token;
  statement touch_session;
  statement delete_session;
  statement delete_sessions_of;
  statement delete_expired;
  statement insert_token;
  statement token_by_name;
  statement all_tokens;
  statement delete_token;
};

account_book::account_book(database& db) : db_(db.sql()), sql_(std::make_unique<account_statements>(db_)) {}

account_book::~account_book() = default;

std::int64_t account_book::add_user(const user& u) {
  auto& db = db_;
  transaction tx(db);
  if (find_user(u.name)) throw account_conflict("a user named '" + u.name + "' exists already");
  sql_->insert_user.bind(1, u.name)
      .bind(2, u.role)
      .bind(3, u.password_hash)
      .bind(4, u.officer_id)
      .bind(5, u.disabled)
      .bind(6, millis(u.created_at))
      .run();
  const auto id = db.last_insert_rowid();
  tx.commit();
  return id;
}

std::optional<user> account_book::find_user(std::int64_t id) {
  sql_->user_by_id.bind(1, id);
  return one_user(sql_->user_by_id);
}

std::optional<user> account_book::find_user(std::string_view name) {
  sql_->user_by_name.bind(1, name);
  return one_user(sql_->user_by_name);
}

std::vector<user> account_book::users() {
  auto& s = sql_->all_users;
  step_scope scope(s);
  std::vector<user> found;
  while (s.step()) found.push_back(read_user(s));
  return found;
}

void account_book::keep_an_admin_besides(std::int64_t user_id, std::string_view doing) {
  auto& s = sql_->other_admins;
  step_scope scope(s);
  s.bind(1, user_id);
  if (s.step() && s.int64(0) > 0) return;
  throw account_conflict("cannot " + std::string(doing) + ": it is the last enabled admin");
}

bool account_book::update_user(const user& u) {
  auto& db = db_;
  transaction tx(db);
  const auto stored = find_user(u.id);
  if (!stored) return false;
  if (enabled_admin(*stored) && !enabled_admin(u)) keep_an_admin_besides(u.id, "demote or disable " + stored->name);
  sql_->update_user.bind(1, u.id).bind(2, u.role).bind(3, u.officer_id).bind(4, u.disabled).run();
  tx.commit();
  return true;
}

bool account_book::set_password_hash(std::int64_t user_id, std::string_view hash, timestamp now) {
  sql_->set_password.bind(1, user_id).bind(2, hash).bind(3, millis(now)).run();
  return db_.changes() == 1;
}

bool account_book::delete_user(std::int64_t user_id) {
  auto& db = db_;
  transaction tx(db);
  const auto stored = find_user(user_id);
  if (!stored) return false;
  if (enabled_admin(*stored)) keep_an_admin_besides(user_id, "delete " + stored->name);
  sql_->delete_user.bind(1, user_id).run();  // sessions go by ON DELETE CASCADE
  tx.commit();
  return true;
}

void account_book::add_session(const session_record& s) {
  sql_->insert_session.bind(1, s.token_sha256)
      .bind(2, s.user_id)
      .bind(3, s.csrf)
      .bind(4, millis(s.created_at))
      .bind(5, millis(s.last_seen_at))
      .bind(6, millis(s.expires_at))
      .run();
}

std::optional<session_record> account_book::find_session(std::string_view token_sha256) {
  auto& s = sql_->session_by_token;
  step_scope scope(s);
  s.bind(1, token_sha256);
  if (!s.step()) return std::nullopt;
  return read_session(s);
}

void account_book::touch_session(std::string_view token_sha256, timestamp now) {
  sql_->touch_session.bind(1, token_sha256).bind(2, millis(now)).run();
}

void account_book::delete_session(std::string_view token_sha256) { sql_->delete_session.bind(1, token_sha256).run(); }

void account_book::delete_sessions_of(std::int64_t user_id, std::string_view keep_sha256) {
  sql_->delete_sessions_of.bind(1, user_id).bind(2, keep_sha256).run();
}

std::int64_t account_book::delete_expired_sessions(timestamp now, timestamp idle_before) {
  sql_->delete_expired.bind(1, millis(now)).bind(2, millis(idle_before)).run();
  return db_.changes();
}

std::int64_t account_book::add_api_token(const api_token_record& t) {
  auto& db = db_;
  transaction tx(db);
  {
    auto& s = sql_->token_by_name;
    step_scope scope(s);
    s.bind(1, t.name);
    if (s.step()) throw account_conflict("an API token named '" + t.name + "' exists already");
  }
  sql_->insert_token.bind(1, t.name).bind(2, t.sha256).bind(3, millis(t.created_at)).bind(4, t.created_by).run();
  const auto id = db.last_insert_rowid();
  tx.commit();
  return id;
}

std::vector<api_token_record> account_book::api_tokens() {
  auto& s = sql_->all_tokens;
  step_scope scope(s);
  std::vector<api_token_record> found;
  while (s.step()) {
    found.push_back({s.int64(0), s.text(1), s.text(2), from_millis(s.int64(3)), s.optional_int64(4)});
  }
  return found;
}

bool account_book::delete_api_token(std::int64_t id) {
  sql_->delete_token.bind(1, id).run();
  return db_.changes() == 1;
}

}  // namespace siaran::queue
