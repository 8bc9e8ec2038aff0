#pragma once

// A small schema walker over yaml-cpp nodes: the loader declares each mapping as a table of
// keys (one line per key) and the walker does the rest: unknown and duplicate keys, missing
// required keys, wrong node kinds, key paths and positions for every error. Internal to
// config/; nothing outside includes yaml-cpp through it.

#include <yaml-cpp/yaml.h>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/error.h"
#include "config/loader.h"

namespace siaran::config {

class Walk;

// A node being read, with where it is (for errors) and how it was reached.
struct Value {
  Walk& walk;
  YAML::Node node;
  std::string path;     // "modems[1].baud", empty at the root
  std::string generic;  // "modems[].baud": the schema position, for KeyCoverage
  YAML::Mark mark;      // where errors about this value point

  void error(std::string message) const;
  Value child(YAML::Node child_node, const std::string& key, const YAML::Mark& key_mark) const;
  Value item(YAML::Node item_node, std::size_t index) const;
};

using Reader = std::function<void(const Value&)>;

struct Key {
  std::string_view name;
  Reader read;
  bool required = false;
};

class Walk {
 public:
  Walk(std::string file, KeyCoverage* coverage) : file_(std::move(file)), coverage_(coverage) {}

  Value root(YAML::Node node);
  void report(const YAML::Mark& mark, const std::string& path, std::string message);
  void cover(const std::string& generic, bool used);

  const std::string& file() const { return file_; }
  std::vector<Diagnostic> take_diagnostics() { return std::move(diagnostics_); }

 private:
  std::string file_;
  KeyCoverage* coverage_;
  std::vector<Diagnostic> diagnostics_;
};

// Reads a mapping whose keys are exactly `keys` (a null node is an empty mapping).
void mapping(const Value& value, std::initializer_list<Key> keys);

// Reads a list item by item (a null node is an empty list).
void sequence(const Value& value, const std::function<void(const Value& item)>& each);

// A Reader that parses the value with `parse` (which reports its own errors and returns
// nothing when the value is bad) and stores the result in `out`.
template <class T, class Parse>
Reader store(T& out, Parse parse) {
  return [&out, parse](const Value& value) {
    if (auto parsed = parse(value)) out = std::move(*parsed);
  };
}

}  // namespace siaran::config
