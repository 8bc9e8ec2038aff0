// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/imports/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <vector>

namespace siaran::daemon::imports {
namespace {

// An element's or attribute's name without its namespace prefix ("x:c" -> "c").
std::string_view local(const XML_Char* name) {
  const std::string_view full(name);
  const auto colon = full.rfind(':');
  return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

std::string attribute(const XML_Char** attributes, std::string_view name) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    if (local(attributes[i]) == name) return attributes[i + 1];
  }
  return {};
}

// What a part's parser does with the elements it meets and the text inside them.
class xml_reader {
 public:
  virtual ~xml_reader() = default;
  virtual void start(std::string_view name, const XML_Char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}

  void parse(const std::string& xml, const std::string& part) {
    const std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"),
                                                                             &XML_ParserFree);
    parser_ = parser.get();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(
        parser_,
        [](void* self, const XML_Char* name, const XML_Char** attributes) {
          static_cast<xml_reader*>(self)->guarded([&](xml_reader& r) { r.start(local(name), attributes); });
        },
        [](void* self, const XML_Char* name) {
          static_cast<xml_reader*>(self)->guarded([&](xml_reader& r) { r.end(local(name)); });
        });
    XML_SetCharacterDataHandler(parser_, [](void* self, const XML_Char* text, int length) {
      static_cast<xml_reader*>(self)->guarded([&](xml_reader& r) { r.text({text, static_cast<std::size_t>(length)}); });
    });
    const auto status = XML_Parse(parser_, xml.data(), static_cast<int>(xml.size()), XML_TRUE);
    if (failure_) std::rethrow_exception(failure_);
    if (status == XML_STATUS_ERROR) {
      throw xlsx_error(part + " is not valid XML (line " + std::to_string(XML_GetCurrentLineNumber(parser_)) + ": " +
                       XML_ErrorString(XML_GetErrorCode(parser_)) + ")");
    }
  }

 private:
  // An exception must not unwind through expat's C frames: it is kept, the parser stopped, and
  // parse() throws it.
  template <class Step>
  void guarded(Step step) {
    if (failure_) return;
    try {
      step(*this);
    } catch (...) {
      failure_ = std::current_exception();
      XML_StopParser(parser_, XML_FALSE);
    }
  }

  XML_Parser parser_ = nullptr;
  std::exception_ptr failure_;
};

// The zip archive the workbook is, read from memory, with a budget of unzipped bytes.
class archive {
 public:
  archive(std::string_view bytes, std::size_t budget) : budget_(budget), limit_(budget) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source != nullptr) zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (zip_ == nullptr) {
      if (source != nullptr) zip_source_free(source);
      zip_error_fini(&error);
      throw xlsx_error("the file is not an .xlsx workbook (not a zip archive)");
    }
    zip_error_fini(&error);
  }
  ~archive() { zip_discard(zip_); }
  archive(const archive&) = delete;
  archive& operator=(const archive&) = delete;

  bool has(const std::string& part) { return zip_name_locate(zip_, part.c_str(), 0) >= 0; }

  // The part unzipped; throws when it is missing or the budget runs out (a zip bomb).
  std::string read(const std::string& part) {
    zip_file_t* file = zip_fopen(zip_, part.c_str(), 0);
    if (file == nullptr) throw xlsx_error("the workbook has no " + part);
    std::string out;
    char chunk[64 * 1024];
    zip_int64_t got = 0;
    while ((got = zip_fread(file, chunk, sizeof chunk)) > 0) {
      if (static_cast<std::size_t>(got) > budget_) {
        zip_fclose(file);
        throw xlsx_error("the workbook is larger than " + std::to_string(limit_mib()) + " MiB unzipped");
      }
      budget_ -= static_cast<std::size_t>(got);
      out.append(chunk, static_cast<std::size_t>(got));
    }
    zip_fclose(file);
    if (got < 0) throw xlsx_error("the workbook is damaged: " + part + " cannot be unzipped");
    return out;
  }

 private:
  std::size_t limit_mib() const { return limit_ / (1024 * 1024); }

  zip_t* zip_ = nullptr;
  std::size_t budget_;
  std::size_t limit_;
};

// xl/workbook.xml: the sheets' names and relationship ids, in order.
class workbook_reader : public xml_reader {
 public:
  std::vector<std::pair<std::string, std::string>> sheets;  // name, r:id

  void start(std::string_view name, const XML_Char** attributes) override {
    if (name == "sheet") sheets.emplace_back(attribute(attributes, "name"), attribute(attributes, "id"));
  }
  void end(std::string_view) override {}
};

// xl/_rels/workbook.xml.rels: where each relationship id's part is.
class relationships_reader : public xml_reader {
 public:
  std::map<std::string, std::string> targets;

  void start(std::string_view name, const XML_Char** attributes) override {
    if (name == "Relationship") targets[attribute(attributes, "Id")] = attribute(attributes, "Target");
  }
  void end(std::string_view) override {}
};

// xl/sharedStrings.xml: each <si>'s text, its runs joined, phonetic guides (<rPh>) left out.
class shared_strings_reader : public xml_reader {
 public:
  std::vector<std::string> strings;

  void start(std::string_view name, const XML_Char**) override {
    if (name == "si") strings.emplace_back();
    if (name == "rPh") in_phonetic_ = true;
    if (name == "t") in_text_ = !in_phonetic_ && !strings.empty();
  }
  void end(std::string_view name) override {
    if (name == "rPh") in_phonetic_ = false;
    if (name == "t") in_text_ = false;
  }
  void text(std::string_view text) override {
    if (in_text_) strings.back() += text;
  }

 private:
  bool in_phonetic_ = false;
  bool in_text_ = false;
};

// "B12" -> 1: the column of a cell reference.
std::size_t column_of(const std::string& reference) {
  std::size_t column = 0;
  for (const char ch : reference) {
    if (ch < 'A' || ch > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(ch - 'A' + 1);
  }
  return column == 0 ? 0 : column - 1;
}

// A worksheet's rows, as the contact import reads a CSV file's.
class sheet_reader : public xml_reader {
 public:
  sheet_reader(const std::vector<std::string>& shared, std::size_t max_rows) : shared_(shared), max_rows_(max_rows) {}

  contacts::csv_table table;

  void start(std::string_view name, const XML_Char** attributes) override {
    if (name == "row") {
      const auto number = attribute(attributes, "r");
      row_ = {number.empty() ? last_line_ + 1 : std::stoi(number), {}, {}};
    } else if (name == "c") {
      const auto reference = attribute(attributes, "r");
      column_ = reference.empty() ? row_.cells.size() : column_of(reference);
      type_ = attribute(attributes, "t");
      value_.clear();
    } else if (name == "v" || (name == "t" && type_ == "inlineStr")) {
      in_value_ = true;
    }
  }

  void end(std::string_view name) override {
    if (name == "v" || name == "t") in_value_ = false;
    if (name == "c") place_cell();
    if (name == "row") keep_row();
  }

  void text(std::string_view text) override {
    if (in_value_) value_ += text;
  }

 private:
  void place_cell() {
    std::string text = value_;
    if (type_ == "s") {
      const auto index = static_cast<std::size_t>(std::stoul(value_.empty() ? "0" : value_));
      if (index >= shared_.size()) throw xlsx_error("a cell names shared string " + value_ + ", which is not there");
      text = shared_[index];
    }
    // A date cell (t="d", ISO 8601) as the contact import reads a typed date: the day, not the time.
    if (type_ == "d") text = text.substr(0, text.find('T'));
    if (column_ >= 16384) throw xlsx_error("a cell is beyond column XFD");
    if (row_.cells.size() <= column_) {
      row_.cells.resize(column_ + 1);
      row_.numbers.resize(column_ + 1);
    }
    row_.cells[column_] = std::move(text);
    row_.numbers[column_] = type_.empty() || type_ == "n";
  }

  void keep_row() {
    last_line_ = row_.line;
    const bool blank = std::all_of(row_.cells.begin(), row_.cells.end(), [](const auto& c) { return c.empty(); });
    if (blank) return;
    if (table.header.empty()) {
      table.header = std::move(row_.cells);
      return;
    }
    if (table.rows.size() >= max_rows_) {
      throw xlsx_error("the sheet has more than " + std::to_string(max_rows_) + " rows");
    }
    table.rows.push_back(std::move(row_));
  }

  const std::vector<std::string>& shared_;
  std::size_t max_rows_;
  contacts::csv_row row_;
  int last_line_ = 0;
  std::size_t column_ = 0;
  std::string type_;
  std::string value_;
  bool in_value_ = false;
};

// "worksheets/sheet1.xml" or "/xl/worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml".
std::string part_of(const std::string& target) {
  if (target.starts_with('/')) return target.substr(1);
  return "xl/" + target;
}

std::string sheet_part(archive& zip, const std::optional<std::string>& sheet) {
  workbook_reader book;
  book.parse(zip.read("xl/workbook.xml"), "xl/workbook.xml");
  relationships_reader relationships;
  relationships.parse(zip.read("xl/_rels/workbook.xml.rels"), "xl/_rels/workbook.xml.rels");
  if (book.sheets.empty()) throw xlsx_error("the workbook has no sheet");
  auto chosen = book.sheets.begin();
  if (sheet) {
    chosen = std::find_if(book.sheets.begin(), book.sheets.end(), [&](const auto& s) { return s.first == *sheet; });
    if (chosen == book.sheets.end()) throw xlsx_error("the workbook has no sheet named '" + *sheet + "'");
  }
  const auto target = relationships.targets.find(chosen->second);
  if (target == relationships.targets.end()) throw xlsx_error("sheet '" + chosen->first + "' has no part");
  return part_of(target->second);
}

}  // namespace

contacts::csv_table read_xlsx(std::string_view bytes, const std::optional<std::string>& sheet,
                              const xlsx_limits& limits) {
  archive zip(bytes, limits.unzipped_bytes);
  const auto part = sheet_part(zip, sheet);
  shared_strings_reader shared;
  if (zip.has("xl/sharedStrings.xml")) shared.parse(zip.read("xl/sharedStrings.xml"), "xl/sharedStrings.xml");
  sheet_reader rows(shared.strings, limits.rows);
  try {
    rows.parse(zip.read(part), part);
  } catch (const std::logic_error&) {  // std::stoi and std::stoul on a number that is none
    throw xlsx_error(part + " has a row or a shared string number that is not a number");
  }
  return std::move(rows.table);
}

}  // namespace siaran::daemon::imports
