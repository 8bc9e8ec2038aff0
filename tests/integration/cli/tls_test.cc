// SPDX-License-Identifier: GPL-3.0-or-later
// `siaran tls self-signed`: the certificate names what was asked for and this PC, the key is
// private, the fingerprint printed is the certificate's, and an existing pair is kept.

#include <arpa/inet.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>
#include <set>

#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"
#include "tools/machine_names.h"

using namespace siaran::test;
using namespace std::chrono_literals;

namespace {

const std::string siaran_tool = SIARAN_BINARY_DIR "/tools/siaran";

struct x509_deleter {
  void operator()(X509* certificate) const { X509_free(certificate); }
};
using owned_x509 = std::unique_ptr<X509, x509_deleter>;

owned_x509 read_certificate(const std::filesystem::path& file) {
  std::unique_ptr<FILE, int (*)(FILE*)> in(std::fopen(file.c_str(), "r"), &std::fclose);
  REQUIRE(in);
  owned_x509 certificate(PEM_read_X509(in.get(), nullptr, nullptr, nullptr));
  REQUIRE(certificate);
  return certificate;
}

// "DNS:name" and "IP:address" for each subjectAltName entry, as the test writes them.
std::set<std::string> alt_names(X509& certificate) {
  auto* names = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(&certificate, NID_subject_alt_name, nullptr, nullptr));
  REQUIRE(names != nullptr);
  std::set<std::string> out;
  for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, i);
    if (name->type == GEN_DNS) {
      out.insert("DNS:" + std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(name->d.dNSName))));
    } else if (name->type == GEN_IPADD) {
      const int length = ASN1_STRING_length(name->d.iPAddress);
      char text[INET6_ADDRSTRLEN] = {};
      ::inet_ntop(length == 4 ? AF_INET : AF_INET6, ASN1_STRING_get0_data(name->d.iPAddress), text, sizeof text);
      out.insert("IP:" + std::string(text));
    }
  }
  GENERAL_NAMES_free(names);
  return out;
}

std::string fingerprint_of(const X509& certificate) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  REQUIRE(X509_digest(&certificate, EVP_sha256(), digest, &length) == 1);
  std::string out;
  char hex[4];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(hex, sizeof hex, i == 0 ? "%02X" : ":%02X", digest[i]);
    out += hex;
  }
  return out;
}

std::optional<program_result> self_signed(const temp_dir& dir, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{siaran_tool, "tls", "self-signed", "--out", (dir.path() / "tls").string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_program(args, deadline_in(20s));
}

}  // namespace

TEST_CASE("siaran tls self-signed names this PC, localhost, 127.0.0.1 and each --name and --address", "[cli][tls]") {
  const temp_dir dir;
  const auto finished =
      self_signed(dir, {"--name", "siaran.dinkes.local", "--address", "10.20.30.40", "--address", "fd00::5"});
  REQUIRE(finished);
  INFO("stderr: " << finished->err);
  REQUIRE(finished->exit_code == 0);
  const owned_x509 certificate = read_certificate(dir.path() / "tls/siaran.crt");
  const std::set<std::string> names = alt_names(*certificate);
  std::set<std::string> expected{"DNS:localhost", "DNS:siaran.dinkes.local", "IP:127.0.0.1", "IP:10.20.30.40",
                                 "IP:fd00::5"};
  if (!siaran::tools::host_name().empty()) expected.insert("DNS:" + siaran::tools::host_name());
  for (const std::string& address : siaran::tools::interface_addresses()) expected.insert("IP:" + address);
  for (const std::string& name : expected) {
    INFO(name);
    CHECK(names.count(name) == 1);
  }
  CHECK(finished->out.find("SHA-256 fingerprint: " + fingerprint_of(*certificate)) != std::string::npos);
}

TEST_CASE("siaran tls self-signed writes the key readable by its owner only", "[cli][tls]") {
  const temp_dir dir;
  const auto finished = self_signed(dir);
  REQUIRE(finished);
  REQUIRE(finished->exit_code == 0);
  struct stat key {};
  REQUIRE(::stat((dir.path() / "tls/siaran.key").c_str(), &key) == 0);
  CHECK((key.st_mode & 07777) == 0600);
}

TEST_CASE("siaran tls self-signed keeps an existing pair unless --force", "[cli][tls]") {
  const temp_dir dir;
  REQUIRE(self_signed(dir)->exit_code == 0);
  const std::string first = fingerprint_of(*read_certificate(dir.path() / "tls/siaran.crt"));
  const auto again = self_signed(dir);
  REQUIRE(again);
  CHECK(again->exit_code == 73);
  CHECK(again->err.find("--force") != std::string::npos);
  CHECK(fingerprint_of(*read_certificate(dir.path() / "tls/siaran.crt")) == first);
  const auto forced = self_signed(dir, {"--force"});
  REQUIRE(forced);
  CHECK(forced->exit_code == 0);
  CHECK(fingerprint_of(*read_certificate(dir.path() / "tls/siaran.crt")) != first);
}

TEST_CASE("siaran tls self-signed refuses an address that is not one, writing nothing", "[cli][tls]") {
  const temp_dir dir;
  const auto finished = self_signed(dir, {"--address", "10.0.0.300"});
  REQUIRE(finished);
  CHECK(finished->exit_code == 2);
  CHECK(finished->err.find("'10.0.0.300' is not an IPv4 or IPv6 address") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "tls/siaran.crt"));
}
