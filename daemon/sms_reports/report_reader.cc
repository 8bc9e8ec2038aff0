// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/report_reader.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <system_error>

#include "common/ascii.h"
#include "daemon/sms_reports/form_rules.h"
#include "daemon/sms_reports/report_problems.h"
#include "daemon/sms_reports/report_words.h"

namespace siaran::daemon::sms_reports {
namespace {

using words = std::vector<std::string>;

// How a reading is given up inside this file; read_report turns it into a report_refusal.
struct refused {
  std::string problem;
};

bool is_month_keyword(std::string_view word) {
  return common::iequals(word, "BLN") || common::iequals(word, "BULAN");
}

bool ends_code(char c) { return !common::is_letter(c) && static_cast<unsigned char>(c) < 0x80; }

// The text after `code` when the text starts with it as a whole word.
std::optional<std::string_view> body_after(std::string_view text, std::string_view code) {
  text = common::trim(text);
  if (code.empty() || !common::istarts_with(text, code)) return std::nullopt;
  const auto body = text.substr(code.size());
  if (!body.empty() && !ends_code(body.front())) return std::nullopt;
  return body;
}

class reader {
 public:
  reader(const report_form& form, report_period current)
      : form_(form), current_(current), given_(form.fields.size()) {}

  report_reading read(std::string_view body) {
    auto labels = field_names();
    labels.insert(labels.end(), {"BLN", "BULAN"});
    const words all = report_words(body, labels);
    std::span<const std::string> rest(all);
    rest = after_month(rest);
    const bool labelled =
        std::ranges::any_of(rest, [this](const std::string& w) { return field_at(w).has_value(); });
    if (labelled) {
      read_labelled(rest);
    } else {
      read_positional(rest);
    }
    check_nothing_missing();
    check_rules();
    return reading();
  }

 private:
  words field_names() const {
    words names;
    for (const auto& field : form_.fields) names.push_back(field.name);
    return names;
  }

  std::optional<std::size_t> field_at(std::string_view word) const {
    for (std::size_t i = 0; i < form_.fields.size(); ++i) {
      if (common::iequals(word, form_.fields[i].name)) return i;
    }
    return std::nullopt;
  }

  void take_month(std::string_view word) {
    const auto month = month_of_word(word);
    if (!month) throw refused{problems::not_a_month(word)};
    period_ = named_month(*month, current_);
  }

  // "BLN 11 ...", "NOV ...", "11 S52 ...": the month before the values, when there is one.
  std::span<const std::string> after_month(std::span<const std::string> rest) {
    if (rest.empty() || field_at(rest[0])) return rest;
    if (is_month_keyword(rest[0])) {
      if (rest.size() < 2) throw refused{problems::month_missing_after(rest[0])};
      take_month(rest[1]);
      return rest.subspan(2);
    }
    const bool word_month = is_letters(rest[0]) && month_of_word(rest[0]);
    const bool before_label =
        rest.size() > 1 && !is_letters(rest[0]) && field_at(rest[1]) && month_of_word(rest[0]);
    if (!word_month && !before_label) return rest;
    take_month(rest[0]);
    return rest.subspan(1);
  }

  void read_labelled(std::span<const std::string> rest) {
    for (std::size_t at = 0; at < rest.size(); at += 2) {
      const auto index = field_at(rest[at]);
      if (!index) {
        const auto letters = leading_letters(rest[at]);
        if (!letters.empty()) throw refused{problems::not_a_field(form_, letters)};
        throw refused{problems::unlabelled(rest[at])};
      }
      const form_field& field = form_.fields[*index];
      if (given_[*index]) throw refused{problems::given_twice(field)};
      if (at + 1 >= rest.size() || field_at(rest[at + 1])) {
        const form_field* alone[] = {&field};
        throw refused{problems::missing(alone)};
      }
      given_[*index] = value_of(field, rest[at + 1]);
    }
  }

  // Each word a value, a dotted number either one value or split at its dots.
  static words values_of(std::span<const std::string> rest, bool thousands) {
    words values;
    for (const auto& word : rest) {
      const auto number = typed_number_of(word);
      if (!number || number->groups.size() == 1 || (thousands && may_be_thousands(*number))) {
        values.push_back(word);
        continue;
      }
      for (std::size_t i = 0; i < number->groups.size(); ++i) {
        values.push_back((i == 0 && number->negative ? "-" : "") + std::string(number->groups[i]));
      }
    }
    return values;
  }

  bool count_fits(std::size_t count) const {
    const auto required = static_cast<std::size_t>(
        std::ranges::count_if(form_.fields, [](const form_field& f) { return !f.optional; }));
    const auto all = form_.fields.size();
    return (count >= required && count <= all) || (count == all + 1 && !period_);
  }

  void read_positional(std::span<const std::string> rest) {
    const words as_thousands = values_of(rest, true);
    const words as_separators = values_of(rest, false);
    words values = count_fits(as_thousands.size()) || !count_fits(as_separators.size())
                       ? as_thousands
                       : as_separators;
    if (!period_ && values.size() == form_.fields.size() + 1) {
      if (!month_of_word(values.front()))
        throw refused{problems::first_not_a_month(form_, values.front())};
      take_month(values.front());
      values.erase(values.begin());
    }
    if (values.size() > form_.fields.size())
      throw refused{problems::too_many_values(form_, values.size())};
    for (std::size_t i = 0; i < values.size(); ++i)
      given_[i] = value_of(form_.fields[i], values[i]);
  }

  report_value value_of(const form_field& field, const std::string& word) const {
    if (field.type == field_type::text) return word;
    const auto number = typed_number_of(word);
    if (!number) throw refused{problems::not_a_number(field, word)};
    if (number->groups.size() > 1 && !may_be_thousands(*number))
      throw refused{problems::not_whole(field, word)};
    std::string digits;
    for (const auto group : number->groups) digits += group;
    if (number->negative) digits.insert(digits.begin(), '-');
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    const auto min = field.min.value_or(0);
    if (error != std::errc() && number->negative) throw refused{problems::below(field, word, min)};
    if (error != std::errc()) {
      throw refused{field.max ? problems::above(field, word, *field.max)
                              : problems::too_large(field, word)};
    }
    if (value < min) throw refused{problems::below(field, word, min)};
    if (field.max && value > *field.max) throw refused{problems::above(field, word, *field.max)};
    return value;
  }

  void check_nothing_missing() const {
    std::vector<const form_field*> absent;
    for (std::size_t i = 0; i < form_.fields.size(); ++i) {
      if (!given_[i] && !form_.fields[i].optional) absent.push_back(&form_.fields[i]);
    }
    if (absent.empty()) return;
    if (std::ranges::none_of(given_, [](const auto& v) { return v.has_value(); })) {
      throw refused{problems::nothing_given(form_)};
    }
    throw refused{problems::missing(absent)};
  }

  void check_rules() const {
    for (const form_rule& rule : form_.rules) {
      const auto left = field_at(rule.left);
      const auto right = field_at(rule.right);
      if (!left || !right || !given_[*left] || !given_[*right]) continue;
      const auto* left_value = std::get_if<std::int64_t>(&*given_[*left]);
      const auto* right_value = std::get_if<std::int64_t>(&*given_[*right]);
      if (!left_value || !right_value || holds(rule.op, *left_value, *right_value)) continue;
      throw refused{problems::rule_broken(rule.op, form_.fields[*left], *left_value,
                                          form_.fields[*right], *right_value)};
    }
  }

  report_reading reading() const {
    report_reading out{form_.code, period_.value_or(current_), {}};
    for (std::size_t i = 0; i < form_.fields.size(); ++i) {
      if (given_[i]) out.values.emplace_back(form_.fields[i].name, *given_[i]);
    }
    return out;
  }

  const report_form& form_;
  report_period current_;
  std::optional<report_period> period_;
  std::vector<std::optional<report_value>> given_;  // by field
};

}  // namespace

const report_form* recognise_form(std::string_view text, std::span<const report_form> forms) {
  const report_form* found = nullptr;
  for (const auto& form : forms) {
    if (!form.active || !body_after(text, form.code)) continue;
    if (!found || form.code.size() > found->code.size()) found = &form;
  }
  return found;
}

std::variant<report_reading, report_refusal> read_report(const report_form& form,
                                                         std::string_view text,
                                                         report_period current) {
  const auto body = body_after(text, form.code);
  if (!body) return report_refusal{form.code, problems::not_this_form(form)};
  try {
    return reader(form, current).read(*body);
  } catch (const refused& refusal) {
    return report_refusal{form.code, refusal.problem};
  }
}

}  // namespace siaran::daemon::sms_reports
