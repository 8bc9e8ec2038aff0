// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/dispatch/channel_choice.h"

#include <algorithm>
#include <string_view>

#include "daemon/dispatch/operator_prefixes.h"

namespace siaran::daemon {

namespace {

// Parts a channel can take this round: a modem one, a bind as many as it has room for.
std::size_t capacity(const channel_slot& slot) {
  if (!slot.idle) return 0;
  return slot.bind ? slot.room : 1;
}

bool registered_for(const channel_slot& bind, const candidate& c) {
  return !c.sender || std::ranges::find(bind.senders, *c.sender) != bind.senders.end();
}

// One dispatch round: what each channel can still take, and the channels found by id.
class dispatch_round {
 public:
  dispatch_round(const std::vector<channel_slot>& modems, std::size_t start, bool auto_prefers_modems)
      : modems_(modems), start_(start % modems.size()), used_(modems.size(), 0),
        auto_prefers_modems_(auto_prefers_modems) {
    for (std::size_t i = 0; i < modems.size(); ++i) {
      ids_.emplace(modems[i].id, i);
      free_count_ += capacity(modems[i]);
    }
  }

  // The channel this candidate goes to now, or nothing when it waits for a busy one.
  std::optional<std::size_t> modem_for(const candidate& c, const sticky_modems& sticky) const {
    const bool by_bind = goes_by_bind(c);
    const auto allowed = [&](const channel_slot& m) { return by_bind ? m.bind && registered_for(m, c) : !m.bind; };
    if (const auto bound = bound_modem(c, sticky, by_bind)) {
      return is_free(*bound) ? bound : std::nullopt;
    }
    if (!by_bind && c.avoid_modem && another_healthy(*c.avoid_modem)) return other_than(*c.avoid_modem, c.recipient);
    if (const auto near = first_free(
            [&](const channel_slot& m) { return allowed(m) && !m.bind && on_net(m.operator_name, c.recipient); })) {
      return near;
    }
    return first_free(allowed);
  }

  void take(std::size_t modem) {
    ++used_[modem];
    --free_count_;
  }

  bool exhausted() const { return free_count_ == 0; }

 private:
  // Whether the candidate goes to a bind this round: `smpp` always, `modem` never, `auto` while a
  // bind that can send it is healthy (or, preferring modems, only while no modem is).
  bool goes_by_bind(const candidate& c) const {
    if (c.via != queue::send_via::automatic) return c.via == queue::send_via::smpp;
    const auto healthy_bind = [&](const channel_slot& m) { return m.bind && registered_for(m, c) && up(m); };
    const auto healthy_modem = [&](const channel_slot& m) { return !m.bind && up(m); };
    if (auto_prefers_modems_) return std::ranges::none_of(modems_, healthy_modem);
    return std::ranges::any_of(modems_, healthy_bind);
  }

  static bool up(const channel_slot& m) { return m.healthy || m.idle; }

  // The healthy channel the candidate must use or wait for: its pinned one, else (by modem) its
  // sticky one.
  std::optional<std::size_t> bound_modem(const candidate& c, const sticky_modems& sticky, bool by_bind) const {
    if (c.pinned_modem) {
      if (const auto pinned = healthy_modem(*c.pinned_modem); pinned && modems_[*pinned].bind == by_bind) return pinned;
    }
    if (by_bind) return std::nullopt;
    if (const auto it = sticky.find(c.recipient); it != sticky.end() && !avoids(c, it->second)) {
      const auto sticky_modem = healthy_modem(it->second);
      if (sticky_modem && !modems_[*sticky_modem].bind) return sticky_modem;
    }
    return std::nullopt;
  }

  // The modem that did not reach the recipient is avoided while another can send.
  bool avoids(const candidate& c, std::string_view id) const {
    return c.avoid_modem && *c.avoid_modem == id && another_healthy(id);
  }

  bool another_healthy(std::string_view id) const {
    for (const channel_slot& m : modems_) {
      if (m.id != id && !m.bind && up(m)) return true;
    }
    return false;
  }

  // A free modem other than `avoided`: on another network than its own (when both are known),
  // else on the recipient's, else any; nothing while those others are busy.
  std::optional<std::size_t> other_than(std::string_view avoided, const std::string& recipient) const {
    const auto it = ids_.find(avoided);
    const std::string_view avoided_operator =
        it == ids_.end() ? std::string_view() : std::string_view(modems_[it->second].operator_name);
    const auto other = [&](const channel_slot& m) { return m.id != avoided && !m.bind; };
    const auto another_network = [&](const channel_slot& m) {
      return other(m) && !avoided_operator.empty() && !m.operator_name.empty() && m.operator_name != avoided_operator;
    };
    if (const auto elsewhere = first_free(another_network)) return elsewhere;
    const auto near = [&](const channel_slot& m) { return other(m) && on_net(m.operator_name, recipient); };
    if (const auto on_recipients_network = first_free(near)) return on_recipients_network;
    return first_free(other);
  }

  std::optional<std::size_t> healthy_modem(std::string_view id) const {
    const auto it = ids_.find(id);
    if (it == ids_.end()) return std::nullopt;
    // An idle modem is healthy even when a caller leaves `healthy` unset.
    const channel_slot& m = modems_[it->second];
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

  bool is_free(std::size_t i) const { return used_[i] < capacity(modems_[i]); }

  const std::vector<channel_slot>& modems_;
  std::size_t start_;
  std::vector<std::size_t> used_;  // parts given to each channel this round
  bool auto_prefers_modems_;
  std::unordered_map<std::string_view, std::size_t> ids_;  // a repeated id: the first wins
  std::size_t free_count_ = 0;
};

}  // namespace

std::vector<assignment> choose_channels(const std::vector<candidate>& candidates,
                                        const std::vector<channel_slot>& modems, const sticky_modems& sticky,
                                        std::size_t max_assignments, std::size_t start, bool auto_prefers_modems) {
  std::vector<assignment> assignments;
  if (modems.empty()) return assignments;
  dispatch_round this_round(modems, start, auto_prefers_modems);
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
