// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/sms_reports/form_example.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <string>

namespace siaran::daemon::sms_reports {
namespace {

using values = std::vector<std::int64_t>;

// Figures a Posyandu could send, falling, so that the usual "part of the whole" rules hold as
// they are (SKDN: 52 50 45 38).
constexpr std::array<std::int64_t, 20> pleasant{52, 50, 45, 38, 30, 25, 20, 16, 12, 10,
                                                8,  6,  5,  4,  3,  2,  1,  1,  1,  1};

// x[below] <= x[above] + slack
struct bound {
  std::size_t below;
  std::size_t above;
  std::int64_t slack;
};

std::int64_t saturated_add(std::int64_t a, std::int64_t b) {
  constexpr auto top = std::numeric_limits<std::int64_t>::max();
  constexpr auto bottom = std::numeric_limits<std::int64_t>::min();
  if (b > 0 && a > top - b) return top;
  if (b < 0 && a < bottom - b) return bottom;
  return a + b;
}

std::optional<std::size_t> integer_field(const report_form& form, const std::string& name) {
  for (std::size_t i = 0; i < form.fields.size(); ++i) {
    if (form.fields[i].name == name && form.fields[i].type == field_type::integer) return i;
  }
  return std::nullopt;
}

std::vector<bound> bounds_of(const report_form& form) {
  std::vector<bound> bounds;
  for (const form_rule& rule : form.rules) {
    const auto left = integer_field(form, rule.left);
    const auto right = integer_field(form, rule.right);
    if (!left || !right) continue;
    switch (rule.op) {
      case comparison::less_equal:
        bounds.push_back({*left, *right, 0});
        break;
      case comparison::less:
        bounds.push_back({*left, *right, -1});
        break;
      case comparison::greater_equal:
        bounds.push_back({*right, *left, 0});
        break;
      case comparison::greater:
        bounds.push_back({*right, *left, -1});
        break;
      case comparison::equal:
        bounds.push_back({*left, *right, 0});
        bounds.push_back({*right, *left, 0});
        break;
    }
  }
  return bounds;
}

std::int64_t lowest(const form_field& field) { return field.min.value_or(0); }

// The greatest values at or below `start` that keep every rule (lowering one value at a time,
// Bellman-Ford's relaxation); nullopt when the rules go round in a circle that can never settle
// or a value falls below its field's minimum.
std::optional<values> lowered_until_kept(const report_form& form, const std::vector<bound>& bounds,
                                         values x) {
  for (std::size_t round = 0; round <= form.fields.size(); ++round) {
    bool changed = false;
    for (const bound& b : bounds) {
      const auto most = saturated_add(x[b.above], b.slack);
      if (x[b.below] > most) {
        x[b.below] = most;
        changed = true;
      }
    }
    if (!changed) {
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i] < lowest(form.fields[i])) return std::nullopt;
      }
      return x;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<values> example_values(const report_form& form) {
  const auto bounds = bounds_of(form);
  values nice(form.fields.size(), 0);
  values roomy(form.fields.size(), 0);
  std::size_t ordinal = 0;
  for (std::size_t i = 0; i < form.fields.size(); ++i) {
    const form_field& field = form.fields[i];
    if (field.type != field_type::integer) continue;
    const auto wanted = pleasant[std::min(ordinal++, pleasant.size() - 1)];
    const auto top = field.max.value_or(std::numeric_limits<std::int64_t>::max());
    nice[i] = std::clamp(wanted, std::min(lowest(field), top), top);
    roomy[i] = field.max.value_or(saturated_add(std::max(wanted, lowest(field)), 1'000'000));
  }
  // The pleasant figures first; if the rules push one below its minimum, the greatest values the
  // limits allow, whose lowering fails only when nothing can hold.
  if (auto kept = lowered_until_kept(form, bounds, nice)) return kept;
  return lowered_until_kept(form, bounds, roomy);
}

}  // namespace siaran::daemon::sms_reports
