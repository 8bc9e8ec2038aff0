// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A cadre as the contact tests write them: named after the phone, with a place, a role and tags.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "queue/contacts.h"

namespace siaran::test {

inline queue::contact cadre(std::string phone, std::optional<std::string> kecamatan, std::optional<std::string> desa,
                            std::optional<std::string> role, std::vector<std::string> tags) {
  queue::contact c;
  c.name = "Kader " + phone;
  c.phone = std::move(phone);
  c.kecamatan = std::move(kecamatan);
  c.desa = std::move(desa);
  c.role = std::move(role);
  c.tags = std::move(tags);
  return c;
}

}  // namespace siaran::test
