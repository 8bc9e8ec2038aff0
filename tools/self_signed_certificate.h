// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A self-signed certificate for the office PC that runs siarand: an EC P-256 key and a
// certificate for serverAuth naming every name and address the staff PCs may type. The office
// trusts the certificate itself (there is no CA), so it is an end entity (CA:FALSE), which
// Firefox requires of a server's certificate.

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

namespace siaran::tools {

struct certificate_request {
  std::vector<std::string> dns_names;     // the first is also the subject's CN
  std::vector<std::string> ip_addresses;  // IPv4 or IPv6 text
  std::chrono::days valid_for{825};       // the longest Apple and the CA/B forum ever allowed
};

struct certificate_pair {
  std::string certificate_pem;
  std::string private_key_pem;     // unencrypted PKCS#8
  std::string sha256_fingerprint;  // "AB:CD:...": as browsers and `openssl x509 -fingerprint` show it
  std::string not_after;           // "2029-03-12", UTC
};

// A name that is not a DNS name or an address that is not an IP address (the message says which).
class certificate_request_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

certificate_pair make_self_signed(const certificate_request& request);

}  // namespace siaran::tools
