// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The keywords a cadre may answer with: BERHENTI/STOP, GABUNG/START, GANTI <number or name>,
// HADIR/YA, TIDAK and the office's own (INFO), configurable (config inbox.keywords and
// inbox.auto_replies, or Pengaturan: keyword_settings.h). Pure: no store, no I/O.
//
// The rule: a reply is a keyword only when it *starts* with the word, in any case, after any
// spaces, and the word ends there (end of text, a space, punctuation or a digit: "STOPKONTAK"
// is not STOP). What may follow depends on the kind:
//   stop, start      nothing but spaces and punctuation ("Berhenti!", " stop ");
//   change_number    a number ("GANTI 0812-3456-7890", "ganti: +62812...", "GANTI0812..."): the
//                    new one from the old SIM, the old one from a new SIM; a GANTI without a
//                    number that parses is still change_number, with `error` set, so the cadre is
//                    told how to write it, and with `name` when words follow ("GANTI Siti
//                    Aminah": a cadre on a new SIM who no longer has the old number);
//   attend, decline, a short note of at most `max_note` characters ("HADIR 3 orang",
//   auto_reply       "Tidak, sedang sakit", "INFO posyandu"), kept in `note`; an auto_reply (the
//                    office's own word, config inbox.auto_replies) carries its fixed `answer`.
// Anything else is free text: "saya tidak bisa datang" is not TIDAK (the keyword is not at the
// start), and neither is a long letter that happens to begin with "Ya".

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"

namespace siaran::daemon::inbox {

enum class keyword_kind { stop, start, change_number, attend, decline, auto_reply };

// The words per kind, with their defaults: the config's inbox.keywords.
using keyword_lists = config::inbox_keywords;

struct keyword_match {
  keyword_kind kind = keyword_kind::stop;
  std::string word;                   // as configured, upper-case: what the inbox shows
  std::string note;                   // attend/decline: what followed the word, trimmed
  std::optional<std::string> number;  // change_number: E.164
  std::optional<std::string> error;   // change_number without a number that parses
  std::optional<std::string> name;    // change_number: the words after it, when not a number
  std::string answer;                 // auto_reply: what the sender is answered
};

class keyword_table {
 public:
  static constexpr std::size_t max_note = 60;

  // Words compare case-insensitively; the lists are validated by config/keyword_rules.h.
  explicit keyword_table(const keyword_lists& lists = {},
                         const std::vector<config::auto_reply>& auto_replies = {});

  // The keyword the reply is, if it is one; `region` reads a GANTI's national number.
  std::optional<keyword_match> recognise(std::string_view text, std::string_view region) const;

 private:
  struct entry {
    std::string word;
    keyword_kind kind;
    std::string answer;  // auto_reply only
  };
  std::vector<entry> entries_;
};

}  // namespace siaran::daemon::inbox
