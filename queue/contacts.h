// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The people: contacts (cadres and others the secretariat writes to), the officers who
// write and receive the replies, and groups of contacts, in the store's database (schema step 4).
// Phone numbers arrive here normalised (E.164) by the caller; the book never parses them.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "queue/records.h"

namespace siaran::queue {

class connection;
class database;
struct contact_statements;  // contact_book.cc
struct contact_row;         // contact_columns.h

struct contact {
  std::int64_t id = 0;  // 0 before it is stored
  std::string name;
  std::string phone;  // E.164
  std::optional<std::string> salutation;  // panggilan: Ibu, Bapak
  std::optional<std::string> role;        // peran: kader, pengurus...
  std::optional<std::string> level;       // kabupaten, kecamatan, desa, posyandu
  std::optional<std::string> kabupaten;
  std::optional<std::string> kecamatan;
  std::optional<std::string> desa;
  std::optional<std::string> posyandu;
  std::optional<std::string> birth_date;  // YYYY-MM-DD
  std::vector<std::string> tags;
  bool opted_out = false;
  std::optional<std::string> notes;
  std::map<std::string, std::string> fields;  // the CSV's other columns, for templates
  std::optional<timestamp> archived_at;       // archive_book.h: hidden, history kept
  // Kept by the store, never by an edit or an import (verifications.h): when the number was
  // last shown live, and why it is to be checked ("perlu dicek"), if it is.
  std::optional<timestamp> confirmed_at;
  std::optional<std::string> verify;
};

// Whether a list shows archived contacts, groups or officers (archive_book.h): they are hidden
// unless asked for.
enum class archived_view { hidden, included, only };

// All given conditions hold (AND); place names and roles compare case-insensitively.
struct contact_filter {
  std::optional<std::string> kecamatan;
  std::optional<std::string> desa;
  std::optional<std::string> role;  // "peran" in the API
  std::optional<std::string> tag;
  std::optional<std::string> text;  // "q": part of the name or of the phone number
  bool to_verify = false;           // only numbers marked to be checked
  bool empty() const { return !kecamatan && !desa && !role && !tag && !text && !to_verify; }
};

// Who a broadcast goes to: the union of groups, single contacts and a filter.
struct audience {
  std::vector<std::int64_t> groups;
  std::vector<std::int64_t> contacts;
  std::optional<contact_filter> filter;
};

struct officer {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> phone;  // E.164; replies are forwarded here when forward_sms
  std::string sender_tag;            // appended to every message the officer sends
  bool forward_sms = false;
  std::optional<timestamp> archived_at;
  // The registered name (an SMPP bind's `senders`) the officer's masked broadcasts go from.
  std::optional<std::string> default_sender;
};

struct group {
  std::int64_t id = 0;
  std::string name;
  std::optional<contact_filter> filter;  // a saved filter, or else
  std::vector<std::int64_t> members;     // an explicit list of contact ids
  std::optional<timestamp> archived_at;
};

// The distinct places, roles and tags of the stored contacts, each sorted, for a form that
// picks a broadcast's audience.
struct contact_facets {
  struct desa_name {
    std::string name;
    std::optional<std::string> kecamatan;  // a desa name can repeat in two kecamatan
  };
  std::vector<std::string> kecamatan;
  std::vector<desa_name> desa;
  std::vector<std::string> roles;  // "peran" in the API
  std::vector<std::string> tags;
};

struct upsert_counts {
  std::int64_t inserted = 0;
  std::int64_t updated = 0;  // same phone: the row's fields replaced
};

// A contact whose last messages failed permanently or were never delivered: "nomor
// bermasalah", with the evidence, so the secretariat can call the desa.
struct problem_number {
  contact who;
  int failed = 0;         // of their last messages, failed
  int undelivered = 0;    // sent, but a status report said it was not delivered
  std::string evidence;   // e.g. "3 pesan terakhir gagal (CMS 28: unidentified subscriber)"
  timestamp last_attempt{};
};

class contact_book {
 public:
  explicit contact_book(database& db);
  ~contact_book();
  contact_book(const contact_book&) = delete;
  contact_book& operator=(const contact_book&) = delete;

  // Inserts or, for a phone already stored, updates (keeping the stored opt-out: a re-imported
  // spreadsheet must not re-subscribe someone who sent BERHENTI); all in one transaction.
  upsert_counts upsert(const std::vector<contact>& contacts, timestamp now);
  // As upsert, for the first of `rows` and then more while `budget` lasts, in one short
  // transaction (an import goes a step at a time: the dispatcher's claims go between), updating
  // only each row's columns in a stored contact (contact_columns.h). The counts say how many it took.
  upsert_counts upsert_some(std::span<const contact_row> rows, timestamp now, std::chrono::milliseconds budget);
  std::optional<contact> find(std::int64_t id);
  // By the last 8 digits, as replies and status reports name numbers in any form.
  std::optional<contact> find_by_phone(std::string_view number);
  // Matching contacts in id order after `after_id`, at most `limit`.
  std::vector<contact> list(const contact_filter& filter, std::int64_t after_id = 0, int limit = 1000,
                            archived_view archived = archived_view::hidden);
  // Replaces every field of the stored contact `c.id`; false when there is none. Throws
  // store_error when the new phone belongs to another contact.
  bool update(const contact& c, timestamp now);
  void set_opted_out(std::int64_t contact_id, bool opted_out, timestamp now);

  std::int64_t add_officer(const officer& o, timestamp now);
  // Replaces the stored officer `o.id`'s fields; false when there is none.
  bool update_officer(const officer& o);
  std::optional<officer> find_officer(std::int64_t id);
  std::vector<officer> officers(archived_view archived = archived_view::hidden);

  // Throws store_error for a name taken or an unknown member.
  std::int64_t add_group(const group& g, timestamp now);
  std::optional<group> find_group(std::int64_t id);
  std::optional<group> find_group_by_name(std::string_view name);
  std::vector<group> groups(archived_view archived = archived_view::hidden);
  contact_facets facets();

  // The distinct contacts of the audience, in id order, opted-out ones included (the caller
  // skips and counts them), archived ones left out. Unknown group or contact ids are a
  // store_error naming them.
  std::vector<contact> resolve(const audience& a);

  // Contacts whose last `last_n` messages all failed permanently on the network (a CMS error)
  // or were reported undelivered (TP-ST >= 64), in id order. A message that expired unsent, was
  // cancelled or is still on its way says nothing about the number and clears it.
  std::vector<problem_number> problem_numbers(int last_n = 2);

 private:
  connection& db_;
  std::unique_ptr<contact_statements> sql_;
};

}  // namespace siaran::queue
