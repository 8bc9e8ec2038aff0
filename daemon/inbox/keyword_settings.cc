// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/inbox/keyword_settings.h"

#include <array>
#include <utility>

#include "common/ascii.h"
#include "config/keyword_rules.h"

namespace siaran::daemon::inbox {
namespace {

using nlohmann::json;

constexpr const char* setting_key = "keywords";

// The five lists by name, in the order of config::inbox_keywords.
template <class Lists>
auto named_lists(Lists& k) {
  return std::array{std::pair{"stop", &k.stop}, std::pair{"start", &k.start},
                    std::pair{"change_number", &k.change_number}, std::pair{"attend", &k.attend},
                    std::pair{"decline", &k.decline}};
}

template <class Answers>
auto named_answers(Answers& a) {
  return std::array{std::pair{"stop", &a.stop}, std::pair{"start", &a.start},
                    std::pair{"attend", &a.attend}, std::pair{"decline", &a.decline}};
}

std::string text_of(const json& value, const std::string& field) {
  if (!value.is_string()) throw std::invalid_argument(field + ": must be a string");
  return value.get<std::string>();
}

std::vector<std::string> words_of(const json& value, const std::string& field) {
  if (!value.is_array()) throw std::invalid_argument(field + ": must be a list of words");
  std::vector<std::string> words;
  for (const json& word : value) words.push_back(common::uppercase(text_of(word, field + "[]")));
  return words;
}

void read_answers(const json& value, keyword_answers& answers) {
  if (!value.is_object()) throw std::invalid_argument("answers: must be an object");
  for (const auto& [key, text] : value.items()) {
    bool known = false;
    for (const auto& [name, answer] : named_answers(answers)) {
      if (key != name) continue;
      *answer = text_of(text, "answers." + key);
      known = true;
    }
    if (!known) throw std::invalid_argument("answers." + key + ": unknown field");
  }
}

std::vector<config::auto_reply> auto_replies_of(const json& value) {
  if (!value.is_array()) throw std::invalid_argument("auto_replies: must be a list");
  std::vector<config::auto_reply> replies;
  for (const json& item : value) {
    const std::string field = "auto_replies[" + std::to_string(replies.size()) + "]";
    if (!item.is_object() || item.size() != 2 || !item.contains("word") ||
        !item.contains("answer")) {
      throw std::invalid_argument(field + ": must be {\"word\", \"answer\"}");
    }
    replies.push_back({common::uppercase(text_of(item["word"], field + ".word")),
                       text_of(item["answer"], field + ".answer")});
  }
  return replies;
}

// The list the first appearance of each clash's word is in: its field.
void add_clashes(const keyword_settings& settings, std::vector<keyword_problem>& problems) {
  std::vector<std::string> own_words;
  for (const auto& reply : settings.auto_replies) own_words.push_back(reply.word);
  std::vector<config::keyword_list_ref> lists;
  for (const auto& [name, words] : named_lists(settings.lists)) lists.push_back({name, words});
  lists.push_back({"auto_replies", &own_words});
  for (const auto& clash : config::keyword_clashes(lists))
    problems.push_back({clash.second, clash.word, clash.reason()});
}

}  // namespace

keyword_settings keyword_settings_of(const config::inbox_config& inbox) {
  return {inbox.keywords, {}, inbox.auto_replies};
}

std::vector<keyword_problem> keyword_problems(const keyword_settings& settings) {
  std::vector<keyword_problem> problems;
  for (const auto& [name, words] : named_lists(settings.lists)) {
    for (const std::string& word : *words) {
      if (const auto refusal = config::keyword_refusal(word))
        problems.push_back({name, word, *refusal});
    }
  }
  for (const auto& [name, answer] : named_answers(settings.answers)) {
    if (const auto refusal = config::answer_refusal(*answer))
      problems.push_back({std::string("answers.") + name, "", *refusal});
  }
  for (std::size_t i = 0; i < settings.auto_replies.size(); ++i) {
    const config::auto_reply& reply = settings.auto_replies[i];
    const std::string field = "auto_replies[" + std::to_string(i) + "]";
    if (const auto refusal = config::keyword_refusal(reply.word))
      problems.push_back({field + ".word", reply.word, *refusal});
    if (const auto refusal = config::answer_refusal(reply.answer))
      problems.push_back({field + ".answer", reply.word, *refusal});
  }
  add_clashes(settings, problems);
  return problems;
}

json keyword_settings_json(const keyword_settings& settings) {
  json out = json::object();
  for (const auto& [name, words] : named_lists(settings.lists)) out[name] = *words;
  json answers = json::object();
  for (const auto& [name, answer] : named_answers(settings.answers)) answers[name] = *answer;
  out["answers"] = std::move(answers);
  json replies = json::array();
  for (const auto& reply : settings.auto_replies)
    replies.push_back({{"word", reply.word}, {"answer", reply.answer}});
  out["auto_replies"] = std::move(replies);
  return out;
}

keyword_settings keyword_settings_from_json(const json& body, const keyword_settings& base) {
  if (!body.is_object()) throw std::invalid_argument("the body must be a JSON object");
  keyword_settings settings = base;
  for (const auto& [key, value] : body.items()) {
    if (key == "answers") {
      read_answers(value, settings.answers);
    } else if (key == "auto_replies") {
      settings.auto_replies = auto_replies_of(value);
    } else {
      bool known = false;
      for (const auto& [name, words] : named_lists(settings.lists)) {
        if (key != name) continue;
        *words = words_of(value, key);
        known = true;
      }
      if (!known) throw std::invalid_argument(key + ": unknown field");
    }
  }
  return settings;
}

std::optional<keyword_settings> load_saved_keywords(queue::event_book& events) {
  const auto stored = events.setting(setting_key);
  if (!stored) return std::nullopt;
  json parsed = json::parse(*stored, nullptr, false);
  if (parsed.is_discarded()) throw std::invalid_argument("the stored text is not JSON");
  return keyword_settings_from_json(parsed, {});
}

void save_keywords(queue::event_book& events, const keyword_settings& settings) {
  events.set_setting(setting_key, keyword_settings_json(settings).dump());
}

void forget_saved_keywords(queue::event_book& events) { events.forget_setting(setting_key); }

}  // namespace siaran::daemon::inbox
