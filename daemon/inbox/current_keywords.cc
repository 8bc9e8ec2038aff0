// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/inbox/current_keywords.h"

#include <utility>

namespace siaran::daemon::inbox {

keyword_setup::keyword_setup(keyword_settings s, bool is_saved)
    : settings(std::move(s)), table(settings.lists, settings.auto_replies), saved(is_saved) {}

current_keywords::current_keywords(keyword_settings yaml)
    : yaml_(std::move(yaml)), now_(std::make_shared<const keyword_setup>(yaml_, false)) {}

std::shared_ptr<const keyword_setup> current_keywords::now() const {
  const std::lock_guard lock(mutex_);
  return now_;
}

void current_keywords::use_saved(keyword_settings saved) {
  swap_in(std::make_shared<const keyword_setup>(std::move(saved), true));
}

void current_keywords::use_yaml() { swap_in(std::make_shared<const keyword_setup>(yaml_, false)); }

void current_keywords::swap_in(std::shared_ptr<const keyword_setup> next) {
  const std::lock_guard lock(mutex_);
  now_ = std::move(next);
}

}  // namespace siaran::daemon::inbox
