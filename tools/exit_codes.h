// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace siaran::tools {

// Exit codes shared by every `siaran` subcommand (sysexits.h values).
inline constexpr int exit_ok = 0;
inline constexpr int exit_usage = 2;  // unknown option, missing argument
// EX_DATAERR: bad hex, malformed PDU, invalid UTF-8, a request the API refused (4xx).
inline constexpr int exit_data = 65;
// EX_UNAVAILABLE: a port that cannot be opened, a modem that does not answer, siarand
// unreachable or failing (5xx), a database that cannot be opened.
inline constexpr int exit_unavailable = 69;
// EX_CANTCREAT: an output file that exists (and may not be replaced) or cannot be written.
inline constexpr int exit_cantcreat = 73;
// EX_NOPERM: the API refused the token (401/403).
inline constexpr int exit_noperm = 77;
// EX_CONFIG: the daemon config named by --config (or the default one) is invalid, as siarand
// --check-config says.
inline constexpr int exit_config = 78;

}  // namespace siaran::tools
