// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/contacts/csv_reader.h"

#include <algorithm>
#include <array>

namespace siaran::daemon::contacts {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// The candidate that occurs most often outside quotes on the first line; ',' when none does.
char detect_delimiter(std::string_view text) {
  constexpr std::array candidates{',', ';', '\t'};
  std::array<int, candidates.size()> counts{};
  bool quoted = false;
  for (const char ch : text) {
    if (ch == '"') quoted = !quoted;
    if (!quoted && (ch == '\n' || ch == '\r')) break;
    if (quoted) continue;
    for (std::size_t i = 0; i < candidates.size(); ++i) counts[i] += ch == candidates[i];
  }
  const auto most = std::max_element(counts.begin(), counts.end());
  return *most == 0 ? ',' : candidates[static_cast<std::size_t>(most - counts.begin())];
}

bool blank(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& cell) {
    return cell.find_first_not_of(" \t") == std::string::npos;
  });
}

// Walks the text one record at a time, counting physical lines.
class record_scanner {
 public:
  record_scanner(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

  bool done() const { return at_ >= text_.size(); }
  int line() const { return line_; }

  std::vector<std::string> next() {
    std::vector<std::string> cells(1);
    while (!done()) {
      const char ch = text_[at_];
      if (ch == '"' && cells.back().empty() && !cell_had_quotes_) {
        read_quoted(cells.back());
      } else if (ch == delimiter_) {
        ++at_;
        cells.emplace_back();
        cell_had_quotes_ = false;
      } else if (ch == '\r' || ch == '\n') {
        end_line();
        break;
      } else {
        cells.back() += ch;  // a stray quote inside an unquoted field is kept as written
        ++at_;
      }
    }
    cell_had_quotes_ = false;
    return cells;
  }

 private:
  void end_line() {
    if (text_[at_] == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') ++at_;
    ++at_;
    ++line_;
  }

  void read_quoted(std::string& cell) {
    const int opened = line_;
    cell_had_quotes_ = true;
    ++at_;
    for (;;) {
      if (done()) throw csv_error(opened, "a quoted field opened on line " + std::to_string(opened) + " is never closed");
      const char ch = text_[at_];
      if (ch == '"') {
        if (at_ + 1 < text_.size() && text_[at_ + 1] == '"') {
          cell += '"';
          at_ += 2;
          continue;
        }
        ++at_;
        return;
      }
      if (ch == '\n') ++line_;
      if (ch == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') {
        ++at_;  // CRLF inside a field becomes LF
        continue;
      }
      cell += ch;
      ++at_;
    }
  }

  std::string_view text_;
  char delimiter_;
  std::size_t at_ = 0;
  int line_ = 1;
  bool cell_had_quotes_ = false;
};

}  // namespace

csv_table read_csv(std::string_view text) {
  if (text.starts_with(utf8_bom)) text.remove_prefix(utf8_bom.size());
  csv_table table;
  table.delimiter = detect_delimiter(text);
  record_scanner scanner(text, table.delimiter);
  if (scanner.done()) return table;
  table.header = scanner.next();
  while (!scanner.done()) {
    csv_row row;
    row.line = scanner.line();
    row.cells = scanner.next();
    if (!blank(row.cells)) table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace siaran::daemon::contacts
