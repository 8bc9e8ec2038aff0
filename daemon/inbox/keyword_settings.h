// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The keywords cadres may answer with and what the inbox answers them, as one value: the YAML's
// (inbox.keywords, inbox.auto_replies, the answers of confirmations.h) until an admin saves the
// office's own in Pengaturan, kept in the store's settings table (key "keywords"). Checked by
// the same rules as the YAML (config/keyword_rules.h).

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/config.h"
#include "daemon/inbox/confirmations.h"
#include "queue/events.h"

namespace siaran::daemon::inbox {

// The answers to a known contact's BERHENTI, GABUNG, HADIR and TIDAK. GANTI's answers name a
// number and stay those of confirmations.h.
struct keyword_answers {
  std::string stop{confirmations::opted_out};
  std::string start{confirmations::opted_in};
  std::string attend{confirmations::attending};
  std::string decline{confirmations::declining};
  bool operator==(const keyword_answers&) const = default;
};

struct keyword_settings {
  config::inbox_keywords lists;
  keyword_answers answers;
  std::vector<config::auto_reply> auto_replies;
  bool operator==(const keyword_settings&) const = default;
};

// What the YAML says.
keyword_settings keyword_settings_of(const config::inbox_config& inbox);

// A rule a field breaks: "stop" and the word, "answers.stop", "auto_replies[1].answer".
struct keyword_problem {
  std::string field;
  std::string word;  // empty for an answer
  std::string error;
};

// Every rule the settings break, in field order; empty when they may be used.
std::vector<keyword_problem> keyword_problems(const keyword_settings& settings);

// {"stop": [...], "start", "change_number", "attend", "decline", "answers": {"stop", "start",
// "attend", "decline"}, "auto_replies": [{"word", "answer"}]}: the API's and the store's shape.
nlohmann::json keyword_settings_json(const keyword_settings& settings);
// The settings `body` gives, words upper-cased, what it leaves out as in `base`; throws
// std::invalid_argument naming a field of the wrong shape or an unknown one. The rules are
// keyword_problems' to check.
keyword_settings keyword_settings_from_json(const nlohmann::json& body,
                                            const keyword_settings& base);

// The saved settings, if an admin saved any; std::invalid_argument when the stored text cannot
// be read as them.
std::optional<keyword_settings> load_saved_keywords(queue::event_book& events);
void save_keywords(queue::event_book& events, const keyword_settings& settings);
void forget_saved_keywords(queue::event_book& events);

}  // namespace siaran::daemon::inbox
