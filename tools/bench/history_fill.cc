// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/history_fill.h"

#include <fmt/format.h>

#include <array>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "queue/connection.h"
#include "queue/database.h"

namespace siaran::tools::bench {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t rows_per_transaction = 50'000;
constexpr int modems = 8;
constexpr int officers = 5;
constexpr int events = 100;
// Sent as the default throttle sends: 35 parts/s.
constexpr std::int64_t ms_between_parts = 1000 / 35;
// Every seventh broadcast's text needs two parts.
constexpr std::int64_t long_every = 7;

constexpr std::array kecamatan = {"Playen", "Wonosari", "Karangmojo", "Semanu", "Ponjong", "Nglipar",
                                  "Patuk", "Gedangsari", "Ngawen", "Semin", "Tepus", "Tanjungsari",
                                  "Rongkop", "Girisubo", "Saptosari", "Paliyan", "Panggang", "Purwosari"};
constexpr int desa_per_kecamatan = 10;
constexpr std::array roles = {"kader", "kader", "kader", "kader", "pengurus", "bidan", "pkk"};
constexpr std::array tags = {"", "", "", ",aktif,", ",aktif,baru,", ",pelatihan-2025,"};

// A PDU-sized hex string: the parts table's rows are as long as real ones.
const std::string fake_pdu(280, 'A');

std::int64_t ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

std::string phone_of(std::int64_t contact) { return fmt::format("+62812{:08}", contact); }

// Binds `value` when `present`, else NULL.
template <typename T>
void bind_if(queue::statement& s, int index, bool present, const T& value) {
  if (present) {
    s.bind(index, value);
  } else {
    s.bind(index, std::nullopt);
  }
}

// The final state of a message's parts, by how often each happens.
enum class fate { delivered, sent, failed_report, failed_modem, cancelled };

fate roll_fate(std::mt19937& rng) {
  const auto r = std::uniform_int_distribution<int>(0, 999)(rng);
  if (r < 850) return fate::delivered;
  if (r < 950) return fate::sent;
  if (r < 975) return fate::failed_report;
  if (r < 995) return fate::failed_modem;
  return fate::cancelled;
}

class filler {
 public:
  explicit filler(const std::filesystem::path& file)
      : db_(file),
        contact_(db_,
                 "INSERT INTO contacts (name, phone, phone_key, salutation, role, level, kabupaten, kecamatan, desa, "
                 "posyandu, birth_date, tags, created_at, updated_at) VALUES (?1, ?2, ?3, 'Ibu', ?4, 'posyandu', "
                 "'Gunungkidul', ?5, ?6, ?7, '1980-05-17', ?8, ?9, ?9)"),
        officer_(db_, "INSERT INTO officers (name, phone, sender_tag, created_at) VALUES (?1, ?2, ?3, ?4)"),
        event_(db_,
               "INSERT INTO events (title, starts_at, place, audience, template, officer_id, reminders, created_at) "
               "VALUES (?1, ?2, 'Balai desa', '{\"filter\": {}}', 'Ibu {nama}, rapat {judul}', ?3, '[\"-1d@08:00\"]', ?4)"),
        broadcast_(db_,
                   "INSERT INTO broadcasts (officer_id, template, audience, send_at, created_at) "
                   "VALUES (?1, ?2, '{\"filter\": {}}', ?3, ?3)"),
        recipient_(db_, "INSERT INTO broadcast_messages (broadcast_id, contact_id, message_id) VALUES (?1, ?2, ?3)"),
        message_(db_,
                 "INSERT INTO messages (recipient, recipient_key, text, send_at, report, created_at) "
                 "VALUES (?1, ?2, ?3, ?4, 1, ?4)"),
        part_(db_,
              "INSERT INTO parts (message_id, number, total, pdu, tpdu_length, state, priority, next_attempt_at, modem, "
              "reference, attempts, last_error, sent_at, delivered_at, status) "
              "VALUES (?1, ?2, ?3, ?4, 140, ?5, 0, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
        attempt_(db_,
                 "INSERT INTO attempts (part_id, modem, started_at, finished_at, outcome, cms_code, error) "
                 "VALUES (?1, ?2, ?3, ?3 + 800, ?4, ?5, ?6)"),
        incoming_(db_,
                  "INSERT INTO incoming (modem, sender, text, received_at, raw_pdus, contact_id, broadcast_id, "
                  "officer_id, keyword, read_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") {}

  // Commits every rows_per_transaction rows, so that no transaction grows without bound.
  void row_done() {
    if (++rows_in_tx_ < rows_per_transaction) return;
    tx_->commit();
    tx_.emplace(db_);
    rows_in_tx_ = 0;
  }
  void begin() { tx_.emplace(db_); }
  void end() {
    tx_->commit();
    tx_.reset();
  }

  void add_contacts(std::int64_t count, std::int64_t at) {
    for (std::int64_t c = 1; c <= count; ++c) {
      const auto k = static_cast<std::size_t>(c % static_cast<std::int64_t>(kecamatan.size()));
      const std::string phone = phone_of(c);
      contact_.bind(1, fmt::format("Kader {}", c))
          .bind(2, phone)
          .bind(3, phone.substr(phone.size() - 8))
          .bind(4, roles[static_cast<std::size_t>(c) % roles.size()])
          .bind(5, kecamatan[k])
          .bind(6, fmt::format("{} {}", kecamatan[k], c / 7 % desa_per_kecamatan + 1))
          .bind(7, fmt::format("Posyandu {}", c % 997))
          .bind(8, tags[static_cast<std::size_t>(c) % tags.size()])
          .bind(9, at)
          .run();
      row_done();
    }
  }

  void add_officers_and_events(std::int64_t first_ms, std::int64_t span_ms) {
    for (int o = 1; o <= officers; ++o) {
      officer_.bind(1, fmt::format("Petugas {}", o)).bind(2, phone_of(900'000 + o)).bind(3, "Pokjanal").bind(4, first_ms).run();
    }
    for (int e = 0; e < events; ++e) {
      const std::int64_t at = first_ms + span_ms / events * e;
      event_.bind(1, fmt::format("Rapat kader {}", e + 1)).bind(2, at).bind(3, e % officers + 1).bind(4, at - 7 * std::int64_t{86'400'000}).run();
    }
  }

  std::int64_t add_broadcast(int officer, std::int64_t at, int parts_each) {
    broadcast_.bind(1, officer).bind(2, parts_each > 1 ? long_template() : "Ibu {nama}, rapat kader besok 09.00").bind(3, at).run();
    return db_.last_insert_rowid();
  }

  // One message of `parts_each` parts to `contact`, finished by `at`; returns its id.
  std::int64_t add_message(std::int64_t contact, std::int64_t at, int parts_each) {
    const std::string phone = phone_of(contact);
    message_.bind(1, phone).bind(2, phone.substr(phone.size() - 8)).bind(3, fmt::format("Ibu Kader {}, rapat kader besok", contact)).bind(4, at - 60'000).run();
    const std::int64_t id = db_.last_insert_rowid();
    const fate f = roll_fate(rng_);
    for (int n = 1; n <= parts_each; ++n) add_part(id, n, parts_each, f, at);
    ++messages_;
    row_done();
    return id;
  }

  void add_recipient(std::int64_t broadcast, std::int64_t contact, std::int64_t message) {
    recipient_.bind(1, broadcast).bind(2, contact).bind(3, message).run();
  }

  void add_incoming(std::int64_t count, std::int64_t contacts, std::int64_t first_ms, std::int64_t span_ms,
                    const std::vector<std::pair<std::int64_t, std::int64_t>>& broadcast_times) {
    std::size_t answered = 0;
    for (std::int64_t i = 0; i < count; ++i) {
      const std::int64_t at = first_ms + span_ms / count * i;
      while (answered + 1 < broadcast_times.size() && broadcast_times[answered + 1].second <= at) ++answered;
      const std::int64_t contact = 1 + static_cast<std::int64_t>(rng_() % static_cast<unsigned>(contacts));
      const bool routed = i % 5 != 0 && broadcast_times[answered].second <= at;
      const std::int64_t broadcast = broadcast_times[answered].first;
      const bool hadir = i % 3 == 0;
      incoming_.bind(1, fmt::format("m{}", i % modems + 1))
          .bind(2, phone_of(contact))
          .bind(3, hadir ? "HADIR" : "Terima kasih, Bu, kami datang")
          .bind(4, at)
          .bind(5, "07912618485400F9040C912618020000" + std::to_string(i))
          .bind(6, contact);
      bind_if(incoming_, 7, routed, broadcast);
      bind_if(incoming_, 8, routed, broadcast % officers + 1);
      bind_if(incoming_, 9, hadir, "HADIR");
      // The last forty wait to be read, as a busy inbox does.
      bind_if(incoming_, 10, i + 40 < count, at + 3'600'000);
      incoming_.run();
      row_done();
    }
  }

  std::int64_t messages() const { return messages_; }
  std::int64_t parts() const { return parts_; }

 private:
  static const char* long_template() {
    return "Ibu {nama}, rapat kader Posyandu se-kecamatan diadakan besok pukul 09.00 di balai desa. Mohon membawa "
           "buku register, laporan SKDN bulan ini dan daftar balita yang belum ditimbang. Terima kasih.";
  }

  void add_part(std::int64_t message, int number, int total, fate f, std::int64_t at) {
    const int modem = static_cast<int>(message % modems) + 1;
    const std::string modem_id = fmt::format("m{}", modem);
    const int reference = references_[static_cast<std::size_t>(modem - 1)]++ % 256;
    const bool went_out = f == fate::delivered || f == fate::sent || f == fate::failed_report;
    const char* state = f == fate::delivered ? "delivered"
                        : f == fate::sent    ? "sent"
                        : f == fate::cancelled ? "cancelled"
                                               : "failed";
    const char* error = f == fate::failed_report ? "the network could not deliver it (status 64)"
                        : f == fate::failed_modem  ? "+CMS ERROR: 38"
                        : f == fate::cancelled     ? "cancelled"
                                                   : nullptr;
    part_.bind(1, message).bind(2, number).bind(3, total).bind(4, fake_pdu).bind(5, state).bind(6, at - 1'000);
    bind_if(part_, 7, f != fate::cancelled, modem_id);
    bind_if(part_, 8, went_out, reference);
    part_.bind(9, f == fate::cancelled ? 0 : 1);
    bind_if(part_, 10, error != nullptr, error);
    bind_if(part_, 11, went_out, at);
    bind_if(part_, 12, f == fate::delivered, at + 20'000);
    bind_if(part_, 13, f == fate::delivered || f == fate::failed_report, f == fate::delivered ? 0 : 64);
    part_.run();
    ++parts_;
    if (f == fate::cancelled) return;
    const std::int64_t part = db_.last_insert_rowid();
    const bool failed = f == fate::failed_modem;
    attempt_.bind(1, part).bind(2, modem_id).bind(3, at - 800).bind(4, failed ? "failed_permanent" : "sent");
    bind_if(attempt_, 5, failed, 38);
    bind_if(attempt_, 6, failed, "+CMS ERROR: 38");
    attempt_.run();
  }

  queue::connection db_;
  queue::statement contact_, officer_, event_, broadcast_, recipient_, message_, part_, attempt_, incoming_;
  std::optional<queue::transaction> tx_;
  std::int64_t rows_in_tx_ = 0;
  std::int64_t messages_ = 0;
  std::int64_t parts_ = 0;
  std::array<int, modems> references_{};
  std::mt19937 rng_{20261126};
};

// Recipients of broadcast `b` (0-based, oldest first): the big one is the tenth newest, so the
// web page's first list shows it; the others share what is left of the broadcasts' parts.
std::int64_t recipients_of(std::int64_t b, const history_size& size, std::int64_t per_broadcast) {
  if (b == size.broadcasts - 10) return size.big_broadcast;
  return std::min(size.contacts, per_broadcast / 2 + (b * 7919) % per_broadcast);
}

}  // namespace

filled_history fill_history(const std::filesystem::path& database, const history_size& size,
                            std::chrono::system_clock::time_point now) {
  const auto started = std::chrono::steady_clock::now();
  if (std::filesystem::exists(database)) throw std::runtime_error(database.string() + " exists already");
  queue::database{database};  // creates the schema, then closes
  filler f(database);
  const std::int64_t last_ms = ms(now) - 3'600'000;
  const std::int64_t span_ms = size.days * std::int64_t{86'400'000};
  const std::int64_t first_ms = last_ms - span_ms;
  filled_history filled;

  f.begin();
  f.add_contacts(size.contacts, first_ms);
  f.add_officers_and_events(first_ms, span_ms);
  // Three quarters of the parts go out in broadcasts, the rest as single messages.
  const std::int64_t broadcast_parts = size.parts * 3 / 4 - size.big_broadcast;
  const std::int64_t per_broadcast = broadcast_parts * long_every / (long_every + 1) / (size.broadcasts - 1);
  std::vector<std::pair<std::int64_t, std::int64_t>> broadcast_times;  // id, send time
  for (std::int64_t b = 0; b < size.broadcasts; ++b) {
    const std::int64_t at = first_ms + span_ms / size.broadcasts * b;
    const int parts_each = b % long_every == long_every - 1 ? 2 : 1;
    const std::int64_t id = f.add_broadcast(static_cast<int>(b % officers) + 1, at, parts_each);
    if (b == size.broadcasts - 10) filled.big_broadcast_id = id;
    broadcast_times.emplace_back(id, at);
    const std::int64_t recipients = recipients_of(b, size, per_broadcast);
    for (std::int64_t r = 0; r < recipients; ++r) {
      const std::int64_t contact = 1 + (b * 104'729 + r) % size.contacts;
      f.add_recipient(id, contact, f.add_message(contact, at + r * ms_between_parts, parts_each));
    }
  }
  const std::int64_t direct = size.parts - f.parts();
  for (std::int64_t m = 0; m < direct; ++m) {
    f.add_message(1 + m % size.contacts, first_ms + span_ms / std::max<std::int64_t>(direct, 1) * m, 1);
  }
  f.add_incoming(size.incoming, size.contacts, first_ms, span_ms, broadcast_times);
  f.end();

  filled.messages = f.messages();
  filled.parts = f.parts();
  filled.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return filled;
}

}  // namespace siaran::tools::bench
