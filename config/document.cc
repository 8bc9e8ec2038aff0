// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/document.h"

#include <yaml-cpp/eventhandler.h>

#include <sstream>

#include "config/error.h"

namespace siaran::config {
namespace {

[[noreturn]] void fail(const std::string& file, const YAML::Mark& mark, std::string message) {
  int line = mark.line >= 0 ? mark.line + 1 : 0;
  int column = mark.column >= 0 ? mark.column + 1 : 0;
  throw config_error({diagnostic{file, line, column, "", std::move(message)}});
}

// Sees only where each document starts; the tree itself is built by YAML::Load.
class document_starts : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override {
    previous_ = current_;
    current_ = mark;
    ++count_;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  int count() const { return count_; }
  const YAML::Mark& current() const { return current_; }
  bool stuck() const { return count_ > 1 && previous_.pos == current_.pos; }

 private:
  int count_ = 0;
  YAML::Mark previous_;
  YAML::Mark current_;
};

// yaml-cpp 0.7 neither consumes nor rejects a ',' that starts a document (",a: b"):
// YAML::Load returns an empty node, so the file would silently mean "all defaults", and
// YAML::LoadAll loops forever allocating empty documents (found by config_loader_fuzz).
// So the documents are counted first with a parser that stops when it stops advancing.
void check_documents(std::string_view text, const std::string& file) {
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  document_starts starts;
  while (parser.HandleNextDocument(starts)) {
    if (starts.stuck()) {
      char c = static_cast<std::size_t>(starts.current().pos) < text.size() ? text[starts.current().pos] : '?';
      fail(file, starts.current(), std::string("YAML syntax error: unexpected '") + c + "'");
    }
    if (starts.count() > 1) {
      fail(file, starts.current(), "only one YAML document is allowed (remove the '---')");
    }
  }
}

}  // namespace

YAML::Node parse_document(std::string_view text, const std::string& file) {
  try {
    check_documents(text, file);
    return YAML::Load(std::string(text));
  } catch (const config_error&) {
    throw;
  } catch (const YAML::Exception& e) {
    fail(file, e.mark, "YAML syntax error: " + e.msg);
  } catch (const std::exception& e) {
    fail(file, YAML::Mark::null_mark(), std::string("cannot parse as YAML: ") + e.what());
  }
}

}  // namespace siaran::config
