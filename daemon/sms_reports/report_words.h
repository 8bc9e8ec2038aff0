// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A report SMS's text after its form code, cut into the words a cadre meant: values, labels
// and months, whatever separates them ("52,50,45,38", "S=52; K=50", "S52 K50", "52. 50. 45").
// No meaning is given to the words here; report_reader does that.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::daemon::sms_reports {

// A number as typed: "52", "-5", and dotted, "1.052" (thousands) or "52.50.45.38" (four values).
struct typed_number {
  bool negative = false;
  std::vector<std::string_view> groups;  // the runs of digits between the dots
};

// nullopt unless `word` is an optional minus, digits and single dots between digits.
std::optional<typed_number> typed_number_of(std::string_view word);

// "1.052", "12.500.000": a dot before every group of exactly three digits and a first group of
// one to three digits not starting with 0, so the dots can be a thousands separator.
bool may_be_thousands(const typed_number& number);

// The words of `body`. Spaces, newlines, commas, semicolons, colons, equals signs, slashes, dots
// and dashes separate them, except a dot between digits ("1.052", kept for the reader to decide)
// and a minus before digits after a space, "=" or ":" ("S -5", refused later as below 0). A
// label glued to its value is cut off it when it is one of `labels` (any case): "S52" is "S",
// "52", "D3O" is "D", "3O", "S52K50" is "S", "52", "K", "50", but "3O" stays whole.
std::vector<std::string> report_words(std::string_view body, std::span<const std::string> labels);

// The ASCII letters `word` starts with ("D" of "D3O"); is_letters: it is nothing else.
std::string_view leading_letters(std::string_view word);
bool is_letters(std::string_view word);

}  // namespace siaran::daemon::sms_reports
