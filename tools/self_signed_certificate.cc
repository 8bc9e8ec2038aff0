// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/self_signed_certificate.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>
#include <functional>
#include <memory>

namespace siaran::tools {
namespace {

// Before the certificate's start: the staff PCs' clocks are not all right.
constexpr long clock_slack_seconds = 60 * 60;

template <class T, void (*Free)(T*)>
struct openssl_deleter {
  void operator()(T* p) const { Free(p); }
};
template <class T, void (*Free)(T*)>
using owned = std::unique_ptr<T, openssl_deleter<T, Free>>;

using owned_key = owned<EVP_PKEY, EVP_PKEY_free>;
using owned_x509 = owned<X509, X509_free>;
using owned_bio = owned<BIO, BIO_free_all>;
using owned_extension = owned<X509_EXTENSION, X509_EXTENSION_free>;

void free_general_names(GENERAL_NAMES* names) { GENERAL_NAMES_free(names); }
using owned_names = owned<GENERAL_NAMES, free_general_names>;

[[noreturn]] void fail(const std::string& what) {
  const unsigned long code = ERR_get_error();
  std::array<char, 256> reason{};
  if (code != 0) ERR_error_string_n(code, reason.data(), reason.size());
  const std::string why = code != 0 ? std::string(": ") + reason.data() : "";
  throw std::runtime_error("cannot make the certificate: " + what + why);
}

void check(int result, const std::string& what) {
  if (result <= 0) fail(what);
}

bool is_dns_name(const std::string& name) {
  return !name.empty() && name.size() <= 253 && name.front() != '.' && name.front() != '-' &&
         std::ranges::all_of(name, [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '-'; });
}

void add_dns_name(GENERAL_NAMES& names, const std::string& name) {
  if (!is_dns_name(name)) {
    throw certificate_request_error("'" + name + "' is not a host name (letters, digits, '.' and '-')");
  }
  GENERAL_NAME* entry = GENERAL_NAME_new();
  ASN1_IA5STRING* text = ASN1_IA5STRING_new();
  if (entry == nullptr || text == nullptr) fail("out of memory");
  check(ASN1_STRING_set(text, name.data(), static_cast<int>(name.size())), "setting a name");
  GENERAL_NAME_set0_value(entry, GEN_DNS, text);
  check(sk_GENERAL_NAME_push(&names, entry), "adding a name");
}

void add_ip_address(GENERAL_NAMES& names, const std::string& address) {
  ASN1_OCTET_STRING* bytes = a2i_IPADDRESS(address.c_str());
  if (bytes == nullptr) {
    ERR_clear_error();
    throw certificate_request_error("'" + address + "' is not an IPv4 or IPv6 address");
  }
  GENERAL_NAME* entry = GENERAL_NAME_new();
  if (entry == nullptr) fail("out of memory");
  GENERAL_NAME_set0_value(entry, GEN_IPADD, bytes);
  check(sk_GENERAL_NAME_push(&names, entry), "adding an address");
}

owned_names subject_alt_names(const certificate_request& request) {
  owned_names names(GENERAL_NAMES_new());
  if (!names) fail("out of memory");
  for (const std::string& name : request.dns_names) add_dns_name(*names, name);
  for (const std::string& address : request.ip_addresses) add_ip_address(*names, address);
  return names;
}

void add_extension(X509& certificate, X509V3_CTX& context, int nid, const char* value) {
  owned_extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
  if (!extension) fail("making extension " + std::string(OBJ_nid2sn(nid)));
  check(X509_add_ext(&certificate, extension.get(), -1), "adding extension " + std::string(OBJ_nid2sn(nid)));
}

void set_random_serial(X509& certificate) {
  owned<BIGNUM, BN_free> serial(BN_new());
  // 127 random bits: positive, unique without a register of issued serials.
  if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1) fail("choosing a serial");
  check(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(&certificate)) != nullptr, "setting the serial");
}

void set_validity(X509& certificate, std::chrono::days valid_for) {
  const long lifetime = static_cast<long>(std::chrono::seconds(valid_for).count());
  check(X509_gmtime_adj(X509_getm_notBefore(&certificate), -clock_slack_seconds) != nullptr, "setting notBefore");
  check(X509_gmtime_adj(X509_getm_notAfter(&certificate), lifetime) != nullptr, "setting notAfter");
}

void set_names(X509& certificate, const certificate_request& request) {
  X509_NAME* subject = X509_get_subject_name(&certificate);
  const std::string common_name = request.dns_names.empty() ? "siaran" : request.dns_names.front();
  check(X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Siaran"),
                                   -1, -1, 0),
        "setting the organisation");
  check(X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0),
        "setting the common name");
  check(X509_set_issuer_name(&certificate, subject), "setting the issuer");
  owned_names alt_names = subject_alt_names(request);
  check(X509_add1_ext_i2d(&certificate, NID_subject_alt_name, alt_names.get(), 0, X509V3_ADD_DEFAULT),
        "adding subjectAltName");
}

void add_usage(X509& certificate) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, &certificate, &certificate, nullptr, nullptr, 0);
  add_extension(certificate, context, NID_basic_constraints, "critical,CA:FALSE");
  add_extension(certificate, context, NID_key_usage, "critical,digitalSignature");
  add_extension(certificate, context, NID_ext_key_usage, "serverAuth");
  add_extension(certificate, context, NID_subject_key_identifier, "hash");
  add_extension(certificate, context, NID_authority_key_identifier, "keyid:always");
}

std::string pem_of(const std::function<int(BIO*)>& write) {
  owned_bio out(BIO_new(BIO_s_mem()));
  if (!out) fail("out of memory");
  check(write(out.get()), "writing PEM");
  BUF_MEM* text = nullptr;
  BIO_get_mem_ptr(out.get(), &text);
  return std::string(text->data, text->length);
}

std::string fingerprint_of(const X509& certificate) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  check(X509_digest(&certificate, EVP_sha256(), digest.data(), &length), "computing the fingerprint");
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    if (i > 0) out += ':';
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xf];
  }
  return out;
}

std::string date_of(const ASN1_TIME& time) {
  std::tm parts{};
  check(ASN1_TIME_to_tm(&time, &parts), "reading notAfter");
  std::array<char, 16> text{};
  std::strftime(text.data(), text.size(), "%Y-%m-%d", &parts);
  return text.data();
}

}  // namespace

certificate_pair make_self_signed(const certificate_request& request) {
  owned_key key(EVP_EC_gen("P-256"));
  if (!key) fail("making an EC P-256 key");
  owned_x509 certificate(X509_new());
  if (!certificate) fail("out of memory");
  check(X509_set_version(certificate.get(), 2), "setting the version");  // 2 is X.509 v3
  set_random_serial(*certificate);
  set_validity(*certificate, request.valid_for);
  set_names(*certificate, request);
  check(X509_set_pubkey(certificate.get(), key.get()), "setting the public key");
  add_usage(*certificate);
  check(X509_sign(certificate.get(), key.get(), EVP_sha256()), "signing");

  certificate_pair pair;
  pair.certificate_pem = pem_of([&](BIO* out) { return PEM_write_bio_X509(out, certificate.get()); });
  pair.private_key_pem = pem_of([&](BIO* out) {
    return PEM_write_bio_PrivateKey(out, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  pair.sha256_fingerprint = fingerprint_of(*certificate);
  pair.not_after = date_of(*X509_get0_notAfter(certificate.get()));
  return pair;
}

}  // namespace siaran::tools
