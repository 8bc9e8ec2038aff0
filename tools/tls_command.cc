// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/tls_command.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "tools/command_args.h"
#include "tools/exit_codes.h"
#include "tools/local_store.h"
#include "tools/machine_names.h"
#include "tools/self_signed_certificate.h"

namespace siaran::tools {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view usage_text =
    "usage: siaran tls self-signed [--out DIR] [--name NAME]... [--address IP]... [--days N] [--force]\n"
    "Writes DIR/siaran.crt and DIR/siaran.key (default DIR /etc/siaran/tls) for this PC's host name,\n"
    "localhost, 127.0.0.1 and every network address, plus each --name and --address. An existing\n"
    "pair is kept unless --force. Run as root, the key is handed to the user siaran.\n";

// The daemon runs as this user (packaging/deb, systemd/siaran.service) and must read the key.
constexpr const char* daemon_user = "siaran";

struct self_signed_args {
  fs::path out = "/etc/siaran/tls";
  std::vector<std::string> names;
  std::vector<std::string> addresses;
  long days = 825;
  bool force = false;
};

self_signed_args parse(arg_cursor& args) {
  self_signed_args parsed;
  while (args.more()) {
    const std::string_view word = args.next();
    if (word == "--out") {
      parsed.out = std::string(args.value_of(word));
    } else if (word == "--name") {
      parsed.names.emplace_back(args.value_of(word));
    } else if (word == "--address") {
      parsed.addresses.emplace_back(args.value_of(word));
    } else if (word == "--days") {
      parsed.days = parse_long(args.value_of(word), "--days", 1, 3650);
    } else if (word == "--force") {
      parsed.force = true;
    } else {
      throw usage_error{"unknown option '" + std::string(word) + "'"};
    }
  }
  return parsed;
}

void add_once(std::vector<std::string>& list, std::string item) {
  if (!item.empty() && std::ranges::find(list, item) == list.end()) list.push_back(std::move(item));
}

certificate_request request_for(const self_signed_args& args) {
  certificate_request request;
  add_once(request.dns_names, host_name());
  add_once(request.dns_names, "localhost");
  for (const std::string& name : args.names) add_once(request.dns_names, name);
  add_once(request.ip_addresses, "127.0.0.1");
  for (std::string& address : interface_addresses()) add_once(request.ip_addresses, std::move(address));
  for (const std::string& address : args.addresses) add_once(request.ip_addresses, address);
  request.valid_for = std::chrono::days(args.days);
  return request;
}

[[noreturn]] void cannot_write(const fs::path& file, int error) {
  throw command_failure{exit_cantcreat, "cannot write " + file.string() + ": " + std::strerror(error)};
}

// The daemon's user when run as root and that user exists; nobody (keep the caller's) otherwise.
const passwd* key_owner() { return ::geteuid() == 0 ? ::getpwnam(daemon_user) : nullptr; }

// Created with `mode` from the start, so the key is never readable by others, not even briefly.
void write_file(const fs::path& file, const std::string& text, mode_t mode, const passwd* owner) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
  if (fd < 0) cannot_write(file, errno);
  bool ok = ::fchmod(fd, mode) == 0 && (owner == nullptr || ::fchown(fd, owner->pw_uid, owner->pw_gid) == 0);
  for (std::size_t done = 0; ok && done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  const int error = errno;
  if (::close(fd) != 0 || !ok) cannot_write(file, error);
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void print_next_steps(const certificate_request& request, const certificate_pair& pair, const fs::path& crt,
                      const fs::path& key, std::ostream& out) {
  out << "Wrote " << crt.string() << " (certificate, valid until " << pair.not_after << ") and " << key.string()
      << " (private key, mode 0600).\n"
      << "Names: " << joined(request.dns_names) << "\n"
      << "Addresses: " << joined(request.ip_addresses) << "\n"
      << "SHA-256 fingerprint: " << pair.sha256_fingerprint << "\n\n"
      << "Next steps:\n"
      << "  1. In /etc/siaran/siaran.yaml, under http:, listen on the office network with this pair:\n"
      << "       listen: 0.0.0.0:8443\n"
      << "       tls:\n"
      << "         certificate: " << crt.string() << "\n"
      << "         private_key: " << key.string() << "\n"
      << "     then run: systemctl restart siaran\n"
      << "  2. On each staff PC, trust siaran.crt (README, \"Trusting the certificate\") and check that\n"
      << "     the fingerprint the PC shows is the one above.\n";
}

int self_signed(arg_cursor& args, std::ostream& out) {
  const self_signed_args parsed = parse(args);
  const fs::path crt = parsed.out / "siaran.crt";
  const fs::path key = parsed.out / "siaran.key";
  for (const fs::path& file : {crt, key}) {
    if (!parsed.force && fs::exists(fs::symlink_status(file))) {
      throw command_failure{exit_cantcreat, file.string() + " exists; keep it, or give --force to replace the pair "
                                            "(every staff PC must then trust the new certificate)"};
    }
  }
  const certificate_request request = request_for(parsed);
  certificate_pair pair;
  try {
    pair = make_self_signed(request);
  } catch (const certificate_request_error& e) {
    throw usage_error{e.what()};
  } catch (const std::runtime_error& e) {
    throw command_failure{exit_cantcreat, e.what()};
  }
  std::error_code error;
  fs::create_directories(parsed.out, error);
  if (error) throw command_failure{exit_cantcreat, "cannot create " + parsed.out.string() + ": " + error.message()};
  const passwd* owner = key_owner();
  write_file(key, pair.private_key_pem, 0600, owner);
  write_file(crt, pair.certificate_pem, 0644, nullptr);
  print_next_steps(request, pair, crt, key, out);
  return exit_ok;
}

}  // namespace

int run_tls_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  return run_reporting_failures("tls", usage_text, err, [&] {
    arg_cursor cursor(args);
    return run_action(cursor, out, {{"self-signed", self_signed}});
  });
}

}  // namespace siaran::tools
