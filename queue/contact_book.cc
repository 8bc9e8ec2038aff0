// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/contacts.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "common/ascii.h"
#include "queue/columns.h"
#include "queue/contact_columns.h"
#include "queue/connection.h"
#include "queue/database.h"
#include "queue/recipient_key.h"

namespace siaran::queue {
namespace {

// The columns read_contact() expects, in order, from a query on `contacts c`.
constexpr const char* contact_select =
    "SELECT c.id, c.name, c.phone, c.salutation, c.role, c.level, c.kabupaten, c.kecamatan, c.desa, c.posyandu, "
    "c.birth_date, c.tags, c.opted_out, c.notes, c.fields, c.archived_at, c.confirmed_at, c.verify FROM contacts c ";

// Every condition is optional (NULL: any); ?6 is the query's digits for a phone match, ?9 whether
// only numbers to check.
constexpr const char* filter_condition =
    "(?1 IS NULL OR c.kecamatan = ?1 COLLATE NOCASE) AND (?2 IS NULL OR c.desa = ?2 COLLATE NOCASE) AND "
    "(?3 IS NULL OR c.role = ?3 COLLATE NOCASE) AND "
    "(?4 IS NULL OR instr(lower(c.tags), ',' || lower(?4) || ',') > 0) AND "
    "(?5 IS NULL OR instr(lower(c.name), lower(?5)) > 0 OR (?6 <> '' AND instr(c.phone, ?6) > 0)) AND "
    "(?9 = 0 OR c.verify IS NOT NULL) ";

// ?N is an archived_view: 0 hidden, 1 included, 2 only.
std::string archived_condition(const char* column, int n) {
  const auto p = "?" + std::to_string(n);
  return "(" + p + " = 1 OR (" + column + " IS NOT NULL) = (" + p + " = 2)) ";
}

constexpr const char* officer_columns = "SELECT id, name, phone, sender_tag, forward_sms, archived_at, default_sender FROM officers ";
constexpr const char* group_columns = "SELECT id, name, filter, archived_at FROM groups ";

// Of a contact's last messages, newest first: its state, the highest TP-ST of a failed part's
// status report, and the last permanent send failure (CMS code, reason).
constexpr const char* recent_messages_query = R"sql(
WITH ranked AS (
  SELECT c.id AS contact_id, m.id AS message_id,
         ROW_NUMBER() OVER (PARTITION BY c.id ORDER BY m.id DESC) AS n
  FROM contacts c JOIN messages m ON m.recipient_key = c.phone_key WHERE c.archived_at IS NULL)
SELECT r.contact_id, s.state,
       (SELECT MAX(p.status) FROM parts p WHERE p.message_id = r.message_id AND p.status >= 64),
       (SELECT a.cms_code FROM attempts a JOIN parts p ON p.id = a.part_id
         WHERE p.message_id = r.message_id AND a.outcome = 'failed_permanent' ORDER BY a.id DESC LIMIT 1),
       (SELECT a.error FROM attempts a JOIN parts p ON p.id = a.part_id
         WHERE p.message_id = r.message_id AND a.outcome = 'failed_permanent' ORDER BY a.id DESC LIMIT 1),
       (SELECT MAX(a.started_at) FROM attempts a JOIN parts p ON p.id = a.part_id WHERE p.message_id = r.message_id)
FROM ranked r JOIN message_states s ON s.message_id = r.message_id
WHERE r.n <= ?1
ORDER BY r.contact_id, r.message_id DESC
)sql";

std::string tags_column(const std::vector<std::string>& tags) {
  std::string column = ",";
  for (const auto& tag : tags) {
    if (tag.empty() || tag.find(',') != std::string::npos) throw store_error("a tag cannot be empty or hold a comma: '" + tag + "'");
    column += tag + ",";
  }
  return column == "," ? "" : column;
}

std::vector<std::string> tags_from(const std::string& column) {
  std::vector<std::string> tags;
  std::size_t start = 0;
  while (start < column.size()) {
    const auto end = column.find(',', start);
    const auto piece = column.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!piece.empty()) tags.push_back(piece);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return tags;
}

std::string fields_column(const std::map<std::string, std::string>& fields) {
  return nlohmann::json(fields).dump();
}

std::map<std::string, std::string> fields_from(const std::string& column) {
  const auto parsed = nlohmann::json::parse(column, nullptr, false);
  if (!parsed.is_object()) return {};
  std::map<std::string, std::string> fields;
  for (const auto& [key, value] : parsed.items()) {
    if (value.is_string()) fields[key] = value.get<std::string>();
  }
  return fields;
}

// A group's saved filter, with the API's key names.
std::string filter_column(const contact_filter& f) {
  nlohmann::json j = nlohmann::json::object();
  if (f.kecamatan) j["kecamatan"] = *f.kecamatan;
  if (f.desa) j["desa"] = *f.desa;
  if (f.role) j["peran"] = *f.role;
  if (f.tag) j["tag"] = *f.tag;
  if (f.text) j["q"] = *f.text;
  if (f.to_verify) j["verify"] = true;
  return j.dump();
}

contact_filter filter_from(const std::string& column) {
  const auto j = nlohmann::json::parse(column, nullptr, false);
  contact_filter f;
  if (!j.is_object()) return f;
  const auto text = [&](const char* key) -> std::optional<std::string> {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  f.kecamatan = text("kecamatan");
  f.desa = text("desa");
  f.role = text("peran");
  f.tag = text("tag");
  f.text = text("q");
  const auto verify = j.find("verify");
  f.to_verify = verify != j.end() && verify->is_boolean() && verify->get<bool>();
  return f;
}

contact read_contact(const statement& s) {
  contact c;
  c.id = s.int64(0);
  c.name = s.text(1);
  c.phone = s.text(2);
  c.salutation = s.optional_text(3);
  c.role = s.optional_text(4);
  c.level = s.optional_text(5);
  c.kabupaten = s.optional_text(6);
  c.kecamatan = s.optional_text(7);
  c.desa = s.optional_text(8);
  c.posyandu = s.optional_text(9);
  c.birth_date = s.optional_text(10);
  c.tags = tags_from(s.text(11));
  c.opted_out = s.int64(12) != 0;
  c.notes = s.optional_text(13);
  c.fields = fields_from(s.text(14));
  c.archived_at = optional_time(s, 15);
  c.confirmed_at = optional_time(s, 16);
  c.verify = s.optional_text(17);
  return c;
}

officer read_officer(const statement& s) {
  officer o;
  o.id = s.int64(0);
  o.name = s.text(1);
  o.phone = s.optional_text(2);
  o.sender_tag = s.text(3);
  o.forward_sms = s.int64(4) != 0;
  o.archived_at = optional_time(s, 5);
  o.default_sender = s.optional_text(6);
  return o;
}

// Binds the contact's columns as ?2..?16 (?1 is the id or unused): name, phone, phone_key,
// salutation, role, level, kabupaten, kecamatan, desa, posyandu, birth_date, tags, notes, fields.
void bind_contact(statement& s, const contact& c) {
  s.bind(2, c.name)
      .bind(3, c.phone)
      .bind(4, recipient_key(c.phone))
      .bind(5, c.salutation)
      .bind(6, c.role)
      .bind(7, c.level)
      .bind(8, c.kabupaten)
      .bind(9, c.kecamatan)
      .bind(10, c.desa)
      .bind(11, c.posyandu)
      .bind(12, c.birth_date)
      .bind(13, tags_column(c.tags))
      .bind(14, c.notes)
      .bind(15, fields_column(c.fields));
}

std::vector<contact> read_contacts(statement& s) {
  step_scope scope(s);
  std::vector<contact> found;
  while (s.step()) found.push_back(read_contact(s));
  return found;
}

// "CMS 28 (modem m1: error 28, unidentified subscriber)", or the reason alone.
std::string failure_evidence(std::optional<std::int64_t> cms_code, const std::optional<std::string>& reason) {
  std::string text = cms_code ? "CMS " + std::to_string(*cms_code) : "";
  if (reason) text += text.empty() ? *reason : " (" + *reason + ")";
  return text.empty() ? "gagal dikirim" : text;
}

std::string problem_evidence(const problem_number& p, const std::string& failure, std::int64_t report_status) {
  const auto total = std::to_string(p.failed + p.undelivered);
  const auto undelivered = "laporan status: tidak sampai, TP-ST " + std::to_string(report_status);
  if (p.undelivered == 0) return total + " pesan terakhir gagal: " + failure;
  if (p.failed == 0) return total + " pesan terakhir tidak sampai ke ponsel (" + undelivered + ")";
  return total + " pesan terakhir bermasalah: " + std::to_string(p.failed) + " gagal (" + failure + "), " +
         std::to_string(p.undelivered) + " tidak sampai (" + undelivered + ")";
}

}  // namespace

struct contact_statements {
  explicit contact_statements(connection& db)
      : contact_by_id(db, std::string(contact_select) + "WHERE c.id = ?1"),
        contact_by_phone_key(db, std::string(contact_select) +
                                     "WHERE c.phone_key = ?1 ORDER BY (c.phone = ?2) DESC, c.id LIMIT 1"),
        contact_id_by_phone(db, "SELECT id FROM contacts WHERE phone = ?1"),
        contacts_matching(db, std::string(contact_select) + "WHERE " + filter_condition + "AND " +
                                  archived_condition("c.archived_at", 10) + "AND c.id > ?7 ORDER BY c.id LIMIT ?8"),
        contacts_of_group(db, std::string(contact_select) +
                                  "JOIN group_members g ON g.contact_id = c.id "
                                  "WHERE g.group_id = ?1 AND c.archived_at IS NULL ORDER BY c.id"),
        insert_contact(db,
                       "INSERT INTO contacts (name, phone, phone_key, salutation, role, level, kabupaten, kecamatan, "
                       "desa, posyandu, birth_date, tags, notes, fields, opted_out, created_at, updated_at) "
                       "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)"),
        // An import never changes opted_out: a re-imported spreadsheet must not re-subscribe
        // someone who sent BERHENTI. update() (an officer's edit) does, through ?16.
        import_contact(db,
                       "UPDATE contacts SET name = ?2, phone = ?3, phone_key = ?4, salutation = ?5, role = ?6, "
                       "level = ?7, kabupaten = ?8, kecamatan = ?9, desa = ?10, posyandu = ?11, birth_date = ?12, "
                       "tags = ?13, notes = ?14, fields = ?15, opted_out = COALESCE(?16, opted_out), "
                       "updated_at = ?17 WHERE id = ?1"),
        set_opted_out(db, "UPDATE contacts SET opted_out = ?2, updated_at = ?3 WHERE id = ?1"),
        insert_officer(db,
                       "INSERT INTO officers (name, phone, sender_tag, forward_sms, created_at, default_sender) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        update_officer(db,
                       "UPDATE officers SET name = ?2, phone = ?3, sender_tag = ?4, forward_sms = ?5, default_sender = ?6 "
                       "WHERE id = ?1"),
        officer_by_id(db, std::string(officer_columns) + "WHERE id = ?1"),
        all_officers(db, std::string(officer_columns) + "WHERE " + archived_condition("archived_at", 1) +
                             "ORDER BY id"),
        insert_group(db, "INSERT INTO groups (name, filter, created_at) VALUES (?1, ?2, ?3)"),
        insert_member(db, "INSERT OR IGNORE INTO group_members (group_id, contact_id) VALUES (?1, ?2)"),
        group_by_id(db, std::string(group_columns) + "WHERE id = ?1"),
        group_by_name(db, std::string(group_columns) + "WHERE name = ?1"),
        all_groups(db, std::string(group_columns) + "WHERE " + archived_condition("archived_at", 1) + "ORDER BY id"),
        member_ids(db, "SELECT contact_id FROM group_members WHERE group_id = ?1 ORDER BY contact_id"),
        recent_messages(db, recent_messages_query),
        // One spelling per name whatever its case, as filters compare case-insensitively.
        // From the spellings and counts triggers keep (schema_tallies.h), grouped as the
        // contacts themselves were.
        kecamatan_names(db,
                        "SELECT MIN(value) FROM contact_facets WHERE kind = 'kecamatan' "
                        "GROUP BY value COLLATE NOCASE ORDER BY 1 COLLATE NOCASE"),
        desa_names(db,
                   "SELECT MIN(value), MIN(kecamatan) FROM contact_facets WHERE kind = 'desa' "
                   "GROUP BY value COLLATE NOCASE, kecamatan COLLATE NOCASE ORDER BY 1 COLLATE NOCASE, 2 COLLATE NOCASE"),
        role_names(db,
                   "SELECT MIN(value) FROM contact_facets WHERE kind = 'role' GROUP BY value COLLATE NOCASE "
                   "ORDER BY 1 COLLATE NOCASE"),
        tag_columns(db, "SELECT value FROM contact_facets WHERE kind = 'tags'") {}

  statement contact_by_id;
  statement contact_by_phone_key;
  statement contact_id_by_phone;
  statement contacts_matching;
  statement contacts_of_group;
  statement insert_contact;
  statement import_contact;
  statement set_opted_out;
  statement insert_officer;
  statement update_officer;
  statement officer_by_id;
  statement all_officers;
  statement insert_group;
  statement insert_member;
  statement group_by_id;
  statement group_by_name;
  statement all_groups;
  statement member_ids;
  statement recent_messages;
  statement kecamatan_names;
  statement desa_names;
  statement role_names;
  statement tag_columns;
};

contact_book::contact_book(database& db) : db_(db.sql()), sql_(std::make_unique<contact_statements>(db_)) {}

contact_book::~contact_book() = default;

namespace {

std::optional<std::int64_t> id_by_phone(statement& s, const std::string& phone) {
  step_scope scope(s);
  s.bind(1, phone);
  if (!s.step()) return std::nullopt;
  return s.int64(0);
}

std::optional<contact> one_contact(statement& s) {
  step_scope scope(s);
  if (!s.step()) return std::nullopt;
  return read_contact(s);
}

}  // namespace

upsert_counts contact_book::upsert(const std::vector<contact>& contacts, timestamp now) {
  std::vector<contact_row> rows;
  for (const auto& c : contacts) rows.push_back({c, contact_columns::all()});
  return upsert_some(rows, now, std::chrono::milliseconds::max());
}

upsert_counts contact_book::upsert_some(std::span<const contact_row> rows, timestamp now,
                                        std::chrono::milliseconds budget) {
  const auto started = std::chrono::steady_clock::now();
  auto& db = db_;
  transaction tx(db);
  upsert_counts counts;
  for (const auto& [c, carried] : rows) {
    const auto spent = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    if (counts.inserted + counts.updated > 0 && spent >= budget) break;
    const auto existing = id_by_phone(sql_->contact_id_by_phone, c.phone);
    auto& s = existing ? sql_->import_contact : sql_->insert_contact;
    bind_contact(s, existing ? carried_over(*find(*existing), c, carried) : c);
    s.bind(1, existing.value_or(0)).bind(17, millis(now));
    existing ? s.bind(16, std::nullopt) : s.bind(16, c.opted_out);
    s.run();
    ++(existing ? counts.updated : counts.inserted);
  }
  tx.commit();
  return counts;
}

std::optional<contact> contact_book::find(std::int64_t id) {
  sql_->contact_by_id.bind(1, id);
  return one_contact(sql_->contact_by_id);
}

std::optional<contact> contact_book::find_by_phone(std::string_view number) {
  const auto key = recipient_key(number);
  if (key.empty()) return std::nullopt;
  sql_->contact_by_phone_key.bind(1, key).bind(2, number);
  return one_contact(sql_->contact_by_phone_key);
}

std::vector<contact> contact_book::list(const contact_filter& filter, std::int64_t after_id, int limit,
                                        archived_view archived) {
  auto& s = sql_->contacts_matching;
  s.bind(1, filter.kecamatan)
      .bind(2, filter.desa)
      .bind(3, filter.role)
      .bind(4, filter.tag)
      .bind(5, filter.text)
      .bind(6, search_digits(filter.text.value_or("")))
      .bind(7, after_id)
      .bind(8, limit)
      .bind(9, filter.to_verify)
      .bind(10, static_cast<int>(archived));
  return read_contacts(s);
}

bool contact_book::update(const contact& c, timestamp now) {
  auto& db = db_;
  transaction tx(db);
  const auto owner = id_by_phone(sql_->contact_id_by_phone, c.phone);
  if (owner && *owner != c.id) {
    throw store_error("the phone number is already contact " + std::to_string(*owner) + "'s");
  }
  auto& s = sql_->import_contact;
  bind_contact(s, c);
  s.bind(1, c.id).bind(16, c.opted_out).bind(17, millis(now)).run();
  const bool found = db.changes() == 1;
  tx.commit();
  return found;
}

void contact_book::set_opted_out(std::int64_t contact_id, bool opted_out, timestamp now) {
  sql_->set_opted_out.bind(1, contact_id).bind(2, opted_out).bind(3, millis(now)).run();
}

std::int64_t contact_book::add_officer(const officer& o, timestamp now) {
  auto& db = db_;
  sql_->insert_officer.bind(1, o.name)
      .bind(2, o.phone)
      .bind(3, o.sender_tag)
      .bind(4, o.forward_sms)
      .bind(5, millis(now))
      .bind(6, o.default_sender)
      .run();
  return db.last_insert_rowid();
}

bool contact_book::update_officer(const officer& o) {
  sql_->update_officer.bind(1, o.id).bind(2, o.name).bind(3, o.phone).bind(4, o.sender_tag).bind(5, o.forward_sms);
  sql_->update_officer.bind(6, o.default_sender).run();
  return db_.changes() == 1;
}

std::optional<officer> contact_book::find_officer(std::int64_t id) {
  auto& s = sql_->officer_by_id;
  step_scope scope(s);
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return read_officer(s);
}

std::vector<officer> contact_book::officers(archived_view archived) {
  auto& s = sql_->all_officers;
  step_scope scope(s);
  s.bind(1, static_cast<int>(archived));
  std::vector<officer> found;
  while (s.step()) found.push_back(read_officer(s));
  return found;
}

std::int64_t contact_book::add_group(const group& g, timestamp now) {
  auto& db = db_;
  transaction tx(db);
  if (find_group_by_name(g.name)) throw store_error("a group named '" + g.name + "' exists already");
  std::optional<std::string> filter;
  if (g.filter) filter = filter_column(*g.filter);
  sql_->insert_group.bind(1, g.name).bind(2, filter).bind(3, millis(now)).run();
  const auto id = db.last_insert_rowid();
  for (const auto member : g.members) {
    if (!find(member)) throw store_error("unknown contact " + std::to_string(member));
    sql_->insert_member.bind(1, id).bind(2, member).run();
  }
  tx.commit();
  return id;
}

namespace {

std::optional<group> one_group(statement& s, statement& member_ids) {
  std::optional<group> g;
  {
    step_scope scope(s);
    if (!s.step()) return std::nullopt;
    g = group{s.int64(0), s.text(1), std::nullopt, {}, optional_time(s, 3)};
    if (const auto filter = s.optional_text(2)) g->filter = filter_from(*filter);
  }
  step_scope scope(member_ids);
  member_ids.bind(1, g->id);
  while (member_ids.step()) g->members.push_back(member_ids.int64(0));
  return g;
}

}  // namespace

std::optional<group> contact_book::find_group(std::int64_t id) {
  sql_->group_by_id.bind(1, id);
  return one_group(sql_->group_by_id, sql_->member_ids);
}

std::optional<group> contact_book::find_group_by_name(std::string_view name) {
  sql_->group_by_name.bind(1, name);
  return one_group(sql_->group_by_name, sql_->member_ids);
}

std::vector<group> contact_book::groups(archived_view archived) {
  std::vector<std::int64_t> ids;
  {
    auto& s = sql_->all_groups;
    step_scope scope(s);
    s.bind(1, static_cast<int>(archived));
    while (s.step()) ids.push_back(s.int64(0));
  }
  std::vector<group> found;
  for (const auto id : ids) found.push_back(*find_group(id));
  return found;
}

std::vector<contact> contact_book::resolve(const audience& a) {
  std::map<std::int64_t, contact> chosen;
  const auto add_all = [&](std::vector<contact> contacts) {
    for (auto& c : contacts) chosen.try_emplace(c.id, std::move(c));
  };
  const int everyone = std::numeric_limits<int>::max();
  for (const auto group_id : a.groups) {
    const auto g = find_group(group_id);
    if (!g) throw store_error("unknown group " + std::to_string(group_id));
    if (g->filter) {
      add_all(list(*g->filter, 0, everyone));
    } else {
      sql_->contacts_of_group.bind(1, group_id);
      add_all(read_contacts(sql_->contacts_of_group));
    }
  }
  for (const auto contact_id : a.contacts) {
    auto c = find(contact_id);
    if (!c) throw store_error("unknown contact " + std::to_string(contact_id));
    if (!c->archived_at) chosen.try_emplace(contact_id, std::move(*c));
  }
  if (a.filter) add_all(list(*a.filter, 0, everyone));
  std::vector<contact> resolved;
  resolved.reserve(chosen.size());
  for (auto& [id, c] : chosen) resolved.push_back(std::move(c));
  return resolved;
}

std::vector<problem_number> contact_book::problem_numbers(int last_n) {
  // A message counts against the number only when it failed permanently on the network (a
  // CMS error) or a status report said it never arrived; an expired or cancelled message, or
  // one still on its way, says nothing about the number and breaks the streak.
  struct streak {
    problem_number p;
    int seen = 0;
    bool broken = false;
    std::string failure;
    std::int64_t report_status = 0;
  };
  std::map<std::int64_t, streak> streaks;
  {
    auto& s = sql_->recent_messages;
    step_scope scope(s);
    s.bind(1, last_n);
    while (s.step()) {
      auto& st = streaks[s.int64(0)];
      ++st.seen;
      const auto report_status = s.optional_int64(2);
      const auto cms_code = s.optional_int64(3);
      const auto reason = s.optional_text(4);
      if (const auto at = s.optional_int64(5)) st.p.last_attempt = std::max(st.p.last_attempt, from_millis(*at));
      if (s.text(1) != "failed" || (!report_status && !reason)) {
        st.broken = true;
      } else if (report_status) {
        ++st.p.undelivered;
        if (st.report_status == 0) st.report_status = *report_status;
      } else {
        ++st.p.failed;
        if (st.failure.empty()) st.failure = failure_evidence(cms_code, reason);
      }
    }
  }
  std::vector<problem_number> problems;
  for (auto& [contact_id, st] : streaks) {
    if (st.broken || st.seen < last_n) continue;
    st.p.who = *find(contact_id);
    st.p.evidence = problem_evidence(st.p, st.failure, st.report_status);
    problems.push_back(std::move(st.p));
  }
  return problems;
}

namespace {

std::vector<std::string> first_column(statement& s) {
  step_scope scope(s);
  std::vector<std::string> found;
  while (s.step()) found.push_back(s.text(0));
  return found;
}

// Tags compare case-insensitively too: as the SQL's MIN(), the smallest spelling stands for
// the others.
std::vector<std::string> distinct_tags(statement& s) {
  std::map<std::string, std::string> by_lowercase;
  step_scope scope(s);
  while (s.step()) {
    for (std::string& tag : tags_from(s.text(0))) {
      auto [it, inserted] = by_lowercase.emplace(common::lowercase(tag), tag);
      if (!inserted) it->second = std::min(it->second, tag);
    }
  }
  std::vector<std::string> tags;
  for (auto& [key, tag] : by_lowercase) tags.push_back(std::move(tag));
  return tags;
}

}  // namespace

contact_facets contact_book::facets() {
  contact_facets f;
  f.kecamatan = first_column(sql_->kecamatan_names);
  {
    step_scope scope(sql_->desa_names);
    while (sql_->desa_names.step()) {
      f.desa.push_back({sql_->desa_names.text(0), sql_->desa_names.optional_text(1)});
    }
  }
  f.roles = first_column(sql_->role_names);
  f.tags = distinct_tags(sql_->tag_columns);
  return f;
}

}  // namespace siaran::queue
