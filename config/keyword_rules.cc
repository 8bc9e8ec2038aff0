// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/keyword_rules.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "common/ascii.h"

namespace siaran::config {
namespace {

// UTF-8 characters: every byte but a continuation byte starts one.
std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::ranges::count_if(
      text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::optional<std::string> keyword_refusal(std::string_view word) {
  const bool letters =
      !word.empty() && word.size() <= max_keyword_letters &&
      std::ranges::all_of(word, [](unsigned char c) { return std::isalpha(c) != 0; });
  if (letters) return std::nullopt;
  return "'" + std::string(word) + "' is not a keyword: one word of 1 to " +
         std::to_string(max_keyword_letters) + " letters";
}

std::optional<std::string> answer_refusal(std::string_view text) {
  if (common::trim(text).empty()) return "the answer is empty";
  const std::size_t length = characters(text);
  if (length <= max_answer_characters) return std::nullopt;
  return "the answer has " + std::to_string(length) + " characters, more than the " +
         std::to_string(max_answer_characters) + " of two SMS";
}

std::string keyword_clash::reason() const {
  return "'" + word + "' is a keyword of both " + first + " and " + second;
}

std::vector<keyword_clash> keyword_clashes(const std::vector<keyword_list_ref>& lists) {
  std::map<std::string, std::string> kind_of;
  std::vector<keyword_clash> clashes;
  for (const keyword_list_ref& list : lists) {
    for (const std::string& word : *list.words) {
      const std::string upper = common::uppercase(word);
      auto [earlier, inserted] = kind_of.emplace(upper, list.kind);
      if (!inserted) clashes.push_back({upper, earlier->second, list.kind});
    }
  }
  return clashes;
}

}  // namespace siaran::config
