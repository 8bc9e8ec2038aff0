// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The keyword settings in use now, shared by the reply router (on the store's writer thread)
// and the API (its reader and writer threads): an in-memory copy, swapped whole when an admin
// saves or restores them, so that routing a reply never reads the settings table and a change
// takes effect with the next reply, without a restart.

#include <memory>
#include <mutex>

#include "daemon/inbox/keyword_settings.h"
#include "daemon/inbox/keywords.h"

namespace siaran::daemon::inbox {

struct keyword_setup {
  keyword_setup(keyword_settings s, bool is_saved);
  keyword_settings settings;
  keyword_table table;  // built from settings
  bool saved;           // false: the YAML's
};

class current_keywords {
 public:
  explicit current_keywords(keyword_settings yaml);

  // The settings in use; stays valid (and unchanged) however often they are swapped meanwhile.
  std::shared_ptr<const keyword_setup> now() const;
  void use_saved(keyword_settings saved);
  void use_yaml();

 private:
  void swap_in(std::shared_ptr<const keyword_setup> next);

  const keyword_settings yaml_;
  mutable std::mutex mutex_;
  std::shared_ptr<const keyword_setup> now_;
};

}  // namespace siaran::daemon::inbox
