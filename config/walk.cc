// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/walk.h"

#include <algorithm>
#include <map>

namespace siaran::config {
namespace {

YAML::Mark usable(const YAML::Mark& preferred, const YAML::Mark& fallback) {
  return preferred.line >= 0 ? preferred : fallback;
}

std::string_view kind(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "a single value";
    default: return "nothing";
  }
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string unknown_key_message(const std::string& name, std::span<const schema_key> keys) {
  std::string message = "unknown key";
  auto closest = std::min_element(keys.begin(), keys.end(), [&](const schema_key& a, const schema_key& b) {
    return edit_distance(name, a.name) < edit_distance(name, b.name);
  });
  // Two edits catch most typos ("databse", "bud") without suggesting unrelated keys.
  if (closest != keys.end() && edit_distance(name, closest->name) <= 2) {
    return message + "; did you mean '" + std::string(closest->name) + "'?";
  }
  message += " (expected one of:";
  for (const schema_key& key : keys) message += " " + std::string(key.name);
  return message + ")";
}

}  // namespace

void yaml_value::error(std::string message) const { walk.report(mark, path, std::move(message)); }

yaml_value yaml_value::child(YAML::Node child_node, const std::string& key,
                   const YAML::Mark& key_mark) const {
  YAML::Mark child_mark = usable(child_node.Mark(), key_mark);
  std::string prefix = path.empty() ? "" : path + ".";
  std::string generic_prefix = generic.empty() ? "" : generic + ".";
  return yaml_value{walk, child_node, prefix + key, generic_prefix + key, child_mark};
}

yaml_value yaml_value::item(YAML::Node item_node, std::size_t index) const {
  return yaml_value{walk, item_node, path + "[" + std::to_string(index) + "]", generic + "[]",
               usable(item_node.Mark(), mark)};
}

yaml_value schema_walk::root(YAML::Node node) {
  return yaml_value{*this, node, "", "", usable(node.Mark(), YAML::Mark())};
}

void schema_walk::report(const YAML::Mark& mark, const std::string& path, std::string message) {
  int line = mark.line >= 0 ? mark.line + 1 : 0;
  int column = mark.column >= 0 ? mark.column + 1 : 0;
  diagnostics_.push_back(diagnostic{file_, line, column, path, std::move(message)});
}

void schema_walk::cover(const std::string& generic, bool used) {
  if (coverage_ == nullptr) return;
  coverage_->declared.insert(generic);
  if (used) coverage_->used.insert(generic);
}

void mapping(const yaml_value& value, std::span<const schema_key> keys) {
  if (value.node.IsNull()) {
    // An empty section ("throttle:") keeps the defaults, but required keys are still missing.
  } else if (!value.node.IsMap()) {
    value.error("expected a mapping of keys, got " + std::string(kind(value.node)));
    return;
  }
  // yaml-cpp keeps every pair of a mapping, duplicates included, in document order.
  std::map<std::string, int, std::less<>> first_line;
  if (value.node.IsMap()) {
    for (const auto& pair : value.node) {
      YAML::Mark key_mark = usable(pair.first.Mark(), value.mark);
      if (!pair.first.IsScalar()) {
        value.walk.report(key_mark, value.path, "keys must be plain names, not " +
                                                    std::string(kind(pair.first)));
        continue;
      }
      const std::string& name = pair.first.Scalar();
      yaml_value child = value.child(pair.second, name, key_mark);
      auto [seen, inserted] = first_line.emplace(name, key_mark.line + 1);
      if (!inserted) {
        value.walk.report(key_mark, child.path,
                          "duplicate key (first given on line " + std::to_string(seen->second) + ")");
        continue;
      }
      auto key = std::find_if(keys.begin(), keys.end(), [&](const schema_key& k) { return k.name == name; });
      if (key == keys.end()) {
        value.walk.report(key_mark, child.path, unknown_key_message(name, keys));
        continue;
      }
      key->read(child);
    }
  }
  for (const schema_key& key : keys) {
    std::string generic = value.generic.empty() ? std::string(key.name)
                                                : value.generic + "." + std::string(key.name);
    bool present = first_line.find(key.name) != first_line.end();
    value.walk.cover(generic, present);
    if (key.required && !present) {
      value.error("missing required key '" + std::string(key.name) + "'");
    }
  }
}

void sequence(const yaml_value& value, const std::function<void(const yaml_value& item)>& each) {
  if (value.node.IsNull()) return;
  if (!value.node.IsSequence()) {
    value.error("expected a list, got " + std::string(kind(value.node)));
    return;
  }
  std::size_t index = 0;
  for (const auto& item : value.node) each(value.item(item, index++));
}

}  // namespace siaran::config
