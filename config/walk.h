// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small schema walker over yaml-cpp nodes: the loader declares each mapping as a table of
// keys (one line per key) and the walker does the rest: unknown and duplicate keys, missing
// required keys, wrong node kinds, key paths and positions for every error. Internal to
// config/; nothing outside includes yaml-cpp through it.

#include <yaml-cpp/yaml.h>

#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/error.h"
#include "config/loader.h"

namespace siaran::config {

class schema_walk;

// A node being read, with where it is (for errors) and how it was reached.
struct yaml_value {
  schema_walk& walk;
  YAML::Node node;
  std::string path;     // "modems[1].baud", empty at the root
  std::string generic;  // "modems[].baud": the schema position, for key_coverage
  YAML::Mark mark;      // where errors about this value point

  void error(std::string message) const;
  yaml_value child(YAML::Node child_node, const std::string& key, const YAML::Mark& key_mark) const;
  yaml_value item(YAML::Node item_node, std::size_t index) const;
};

using value_reader = std::function<void(const yaml_value&)>;

struct schema_key {
  std::string_view name;
  value_reader read;
  bool required = false;
};

class schema_walk {
 public:
  schema_walk(std::string file, key_coverage* coverage) : file_(std::move(file)), coverage_(coverage) {}

  yaml_value root(YAML::Node node);
  void report(const YAML::Mark& mark, const std::string& path, std::string message);
  void cover(const std::string& generic, bool used);

  const std::string& file() const { return file_; }
  std::vector<diagnostic> take_diagnostics() { return std::move(diagnostics_); }

 private:
  std::string file_;
  key_coverage* coverage_;
  std::vector<diagnostic> diagnostics_;
};

// Reads a mapping whose keys are exactly `keys` (a null node is an empty mapping).
void mapping(const yaml_value& value, std::span<const schema_key> keys);
inline void mapping(const yaml_value& value, std::initializer_list<schema_key> keys) {
  mapping(value, std::span<const schema_key>(keys.begin(), keys.size()));
}

// Reads a list item by item (a null node is an empty list).
void sequence(const yaml_value& value, const std::function<void(const yaml_value& item)>& each);

// A value_reader that parses the value with `parse` (which reports its own errors and returns
// nothing when the value is bad) and stores the result in `out`.
template <class T, class Parse>
value_reader store(T& out, Parse parse) {
  return [&out, parse](const yaml_value& value) {
    if (auto parsed = parse(value)) out = std::move(*parsed);
  };
}

}  // namespace siaran::config
