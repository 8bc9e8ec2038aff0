// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/export/xlsx_workbook.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "common/spreadsheet_cell.h"

namespace siaran::daemon::exports {
namespace {

namespace fs = std::filesystem;

// A unique file name in the temporary directory, removed when the scope ends.
class temporary_file {
 public:
  temporary_file() {
    std::string pattern = (fs::temp_directory_path() / "siaran-xlsx-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("writing an .xlsx file: cannot create a temporary file in " + pattern);
    ::close(fd);
    path_ = pattern;
  }
  ~temporary_file() {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  temporary_file(const temporary_file&) = delete;
  temporary_file& operator=(const temporary_file&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void check(lxw_error e, const char* doing) {
  if (e == LXW_NO_ERROR) return;
  throw std::runtime_error(std::string("writing an .xlsx file: ") + doing + ": " + lxw_strerror(e));
}

// A string cell is never run as a formula, so it keeps its text as it is ("+62812...", not
// "'+62812..." in the cell); a formula-like text that itself starts with ' gets one more, so that
// the import's restored_cell gives it back exactly, as from a CSV file.
void write_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
  if (text.empty()) return;
  const bool marked = text.front() == '\'' && common::formula_like(text);
  const std::string value = marked ? common::neutralised_cell(text) : text;
  check(worksheet_write_string(sheet, row, col, value.c_str(), format), "a text cell");
}

void write_sheet(lxw_workbook* book, const spreadsheet_table& table, lxw_format* bold) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, table.name.empty() ? nullptr : table.name.c_str());
  if (sheet == nullptr) throw std::runtime_error("writing an .xlsx file: cannot add the sheet '" + table.name + "'");
  for (std::size_t col = 0; col < table.header.size(); ++col) {
    write_text(sheet, 0, static_cast<lxw_col_t>(col), table.header[col], bold);
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t col = 0; col < table.rows[r].size(); ++col) {
      const table_cell& cell = table.rows[r][col];
      if (const auto* number = std::get_if<std::int64_t>(&cell)) {
        check(worksheet_write_number(sheet, row, static_cast<lxw_col_t>(col), static_cast<double>(*number), nullptr),
              "a number cell");
      } else {
        write_text(sheet, row, static_cast<lxw_col_t>(col), std::get<std::string>(cell), nullptr);
      }
    }
  }
}

std::string contents_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("writing an .xlsx file: cannot read back " + path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

std::string xlsx_workbook(const std::vector<spreadsheet_table>& sheets) {
  const temporary_file file;
  std::string tmpdir = fs::temp_directory_path().string();
  lxw_workbook_options options{};
  options.tmpdir = tmpdir.data();
  // Rows go to the temporary directory as they are written, so a 50,000-row sheet does not
  // sit in memory; the writers here write every row in order, as this mode asks.
  options.constant_memory = LXW_TRUE;
  lxw_workbook* book = workbook_new_opt(file.path().c_str(), &options);
  if (book == nullptr) throw std::runtime_error("writing an .xlsx file: libxlsxwriter could not start a workbook");
  try {
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    for (const spreadsheet_table& table : sheets) write_sheet(book, table, bold);
  } catch (...) {
    workbook_close(book);
    throw;
  }
  check(workbook_close(book), "closing the workbook");
  return contents_of(file.path());
}

}  // namespace siaran::daemon::exports
