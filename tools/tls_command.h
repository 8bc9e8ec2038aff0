// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <iosfwd>
#include <span>
#include <string_view>

namespace siaran::tools {

// `siaran tls self-signed`: a certificate and key for siarand's HTTPS (http.tls) naming this
// PC's host name and addresses, written where the config will point, with its fingerprint
// and what to do next.
int run_tls_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

}  // namespace siaran::tools
