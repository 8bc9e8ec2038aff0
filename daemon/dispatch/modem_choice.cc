// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/dispatch/modem_choice.h"

#include <string_view>

#include "daemon/dispatch/operator_prefixes.h"

namespace siaran::daemon {

namespace {

// One dispatch round: which modems are still free, and the modems found by id.
class dispatch_round {
 public:
  dispatch_round(const std::vector<modem_slot>& modems, std::size_t start)
      : modems_(modems), start_(start % modems.size()), used_(modems.size(), false) {
    for (std::size_t i = 0; i < modems.size(); ++i) {
      ids_.emplace(modems[i].id, i);
      if (modems[i].idle) ++free_count_;
    }
  }

  // The modem this candidate goes to now, or nothing when it waits for a busy one.
  std::optional<std::size_t> modem_for(const candidate& c, const sticky_modems& sticky) const {
    if (const auto bound = bound_modem(c, sticky)) {
      return is_free(*bound) ? bound : std::nullopt;
    }
    if (c.avoid_modem && another_healthy(*c.avoid_modem)) return other_than(*c.avoid_modem, c.recipient);
    if (const auto near =
            first_free([&](const modem_slot& m) { return on_net(m.operator_name, c.recipient); })) {
      return near;
    }
    return first_free([](const modem_slot&) { return true; });
  }

  void take(std::size_t modem) {
    used_[modem] = true;
    --free_count_;
  }

  bool exhausted() const { return free_count_ == 0; }

 private:
  // The healthy modem the candidate must use or wait for: its pinned one, else its sticky one.
  std::optional<std::size_t> bound_modem(const candidate& c, const sticky_modems& sticky) const {
    if (c.pinned_modem) {
      if (const auto pinned = healthy_modem(*c.pinned_modem)) return pinned;
    }
    if (const auto it = sticky.find(c.recipient); it != sticky.end() && !avoids(c, it->second))
      return healthy_modem(it->second);
    return std::nullopt;
  }

  // The modem that did not reach the recipient is avoided while another can send.
  bool avoids(const candidate& c, std::string_view id) const {
    return c.avoid_modem && *c.avoid_modem == id && another_healthy(id);
  }

  bool another_healthy(std::string_view id) const {
    for (const modem_slot& m : modems_) {
      if (m.id != id && (m.healthy || m.idle)) return true;
    }
    return false;
  }

  // A free modem other than `avoided`: on another network than its own (when both are known),
  // else on the recipient's, else any; nothing while those others are busy.
  std::optional<std::size_t> other_than(std::string_view avoided, const std::string& recipient) const {
    const auto it = ids_.find(avoided);
    const std::string_view avoided_operator =
        it == ids_.end() ? std::string_view() : std::string_view(modems_[it->second].operator_name);
    const auto other = [&](const modem_slot& m) { return m.id != avoided; };
    const auto another_network = [&](const modem_slot& m) {
      return other(m) && !avoided_operator.empty() && !m.operator_name.empty() && m.operator_name != avoided_operator;
    };
    if (const auto elsewhere = first_free(another_network)) return elsewhere;
    const auto near = [&](const modem_slot& m) { return other(m) && on_net(m.operator_name, recipient); };
    if (const auto on_recipients_network = first_free(near)) return on_recipients_network;
    return first_free(other);
  }

  std::optional<std::size_t> healthy_modem(std::string_view id) const {
    const auto it = ids_.find(id);
    if (it == ids_.end()) return std::nullopt;
    // An idle modem is healthy even when a caller leaves `healthy` unset.
    const modem_slot& m = modems_[it->second];
    return m.healthy || m.idle ? std::optional(it->second) : std::nullopt;
  }

  template <typename Predicate>
  std::optional<std::size_t> first_free(Predicate accepts) const {
    for (std::size_t k = 0; k < modems_.size(); ++k) {
      const std::size_t i = (start_ + k) % modems_.size();
      if (is_free(i) && accepts(modems_[i])) return i;
    }
    return std::nullopt;
  }

  bool is_free(std::size_t i) const { return modems_[i].idle && !used_[i]; }

  const std::vector<modem_slot>& modems_;
  std::size_t start_;
  std::vector<bool> used_;
  std::unordered_map<std::string_view, std::size_t> ids_;  // a repeated id: the first wins
  std::size_t free_count_ = 0;
};

}  // namespace

std::vector<assignment> choose_modems(const std::vector<candidate>& candidates,
                                      const std::vector<modem_slot>& modems,
                                      const sticky_modems& sticky, std::size_t max_assignments,
                                      std::size_t start) {
  std::vector<assignment> assignments;
  if (modems.empty()) return assignments;
  dispatch_round this_round(modems, start);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (assignments.size() >= max_assignments || this_round.exhausted()) break;
    if (const auto modem = this_round.modem_for(candidates[i], sticky)) {
      this_round.take(*modem);
      assignments.push_back({i, *modem});
    }
  }
  return assignments;
}

}  // namespace siaran::daemon
