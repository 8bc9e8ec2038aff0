// SPDX-License-Identifier: GPL-3.0-or-later
// The names /healthz gives the store's health (maintenance::health probes it).

#include "queue/store_health.h"

namespace siaran::queue {

std::string_view to_string(store_health health) {
  switch (health) {
    case store_health::ok: return "ok";
    case store_health::busy: return "busy";
    case store_health::unwritable: return "unwritable";
    case store_health::missing: return "missing";
  }
  return "unwritable";
}

}  // namespace siaran::queue
