// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What makes a set of inbox keywords valid, wherever it comes from: the YAML's inbox.keywords and
// inbox.auto_replies (loader.cc) and the lists an admin saves in the web page
// (daemon/inbox/keyword_settings.h). Pure: each rule returns its refusal as text.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::config {

inline constexpr std::size_t max_keyword_letters = 20;
// Two concatenated GSM 7-bit parts: an automatic answer costs the office at most two SMS for
// plain text (text with characters outside GSM 7-bit takes more parts).
inline constexpr std::size_t max_answer_characters = 306;

// Why `word` cannot be a keyword (one word of 1 to 20 letters), or nothing when it can.
std::optional<std::string> keyword_refusal(std::string_view word);

// Why `text` cannot be an automatic answer (empty, or longer than max_answer_characters,
// counted in characters, not bytes), or nothing when it can.
std::optional<std::string> answer_refusal(std::string_view text);

// One list of keywords and what its words do ("stop", "auto_replies", ...).
struct keyword_list_ref {
  std::string kind;
  const std::vector<std::string>* words;
};

// A word that is in two lists (or twice in one): a reply must mean one thing.
struct keyword_clash {
  std::string word;   // upper-case
  std::string first;  // the kind it was first found in
  std::string second;
  std::string reason() const;
};

// Words compare case-insensitively; each clash once, at its second appearance, in list order.
std::vector<keyword_clash> keyword_clashes(const std::vector<keyword_list_ref>& lists);

}  // namespace siaran::config
