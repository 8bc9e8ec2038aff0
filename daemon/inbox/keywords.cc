// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/inbox/keywords.h"

#include <algorithm>
#include <cctype>

#include "common/ascii.h"
#include "sms/phone_number.h"

namespace siaran::daemon::inbox {
namespace {

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_filler(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isspace(u) != 0 || std::ispunct(u) != 0;
}

// Without the spaces and punctuation around it ("  : 0812-3456 ." -> "0812-3456"); a leading
// '+' stays, it is part of a number.
std::string_view trim_filler(std::string_view text) {
  while (!text.empty() && is_filler(text.front()) && text.front() != '+') text.remove_prefix(1);
  while (!text.empty() && is_filler(text.back())) text.remove_suffix(1);
  return text;
}

// Words rather than a number: a name, if short enough to be one.
std::optional<std::string> name_in(std::string_view text) {
  if (text.size() > keyword_table::max_note || !std::ranges::any_of(text, is_letter)) return std::nullopt;
  return std::string(text);
}

void read_number(keyword_match& match, std::string_view rest, std::string_view region) {
  const std::string_view number = trim_filler(rest);
  if (number.empty()) {
    match.error = "no number after " + match.word;
    return;
  }
  try {
    match.number = normalize_phone_number(number, region);
  } catch (const phone_number_error& e) {
    match.error = "'" + std::string(number) + "' is not a phone number: " + e.what();
    match.name = name_in(number);
  }
}

}  // namespace

keyword_table::keyword_table(const keyword_lists& lists,
                             const std::vector<config::auto_reply>& auto_replies) {
  auto add = [this](const std::vector<std::string>& words, keyword_kind kind) {
    for (const std::string& word : words) entries_.push_back({common::uppercase(word), kind, ""});
  };
  add(lists.stop, keyword_kind::stop);
  add(lists.start, keyword_kind::start);
  add(lists.change_number, keyword_kind::change_number);
  add(lists.attend, keyword_kind::attend);
  add(lists.decline, keyword_kind::decline);
  for (const auto& reply : auto_replies) {
    entries_.push_back({common::uppercase(reply.word), keyword_kind::auto_reply, reply.answer});
  }
}

std::optional<keyword_match> keyword_table::recognise(std::string_view text, std::string_view region) const {
  text = common::trim(text);
  const auto word_end = std::ranges::find_if_not(text, is_letter);
  const std::string word = common::uppercase(std::string_view(text.begin(), word_end));
  const std::string_view rest(word_end, text.end());
  const auto found = std::ranges::find(entries_, word, &entry::word);
  if (word.empty() || found == entries_.end()) return std::nullopt;

  keyword_match match{found->kind,  found->word,  "",           std::nullopt,
                      std::nullopt, std::nullopt, found->answer};
  switch (match.kind) {
    case keyword_kind::stop:
    case keyword_kind::start:
      if (!std::ranges::all_of(rest, is_filler)) return std::nullopt;
      break;
    case keyword_kind::change_number:
      read_number(match, rest, region);
      break;
    case keyword_kind::attend:
    case keyword_kind::decline:
    case keyword_kind::auto_reply:
      match.note = trim_filler(rest);
      if (match.note.size() > max_note) return std::nullopt;
      break;
  }
  return match;
}

}  // namespace siaran::daemon::inbox
