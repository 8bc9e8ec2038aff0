// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// SMPP 3.4 PDUs as plain values, and their wire form (SMPP v3.4 issue 1.2, §3 and §4). Our own
// codec rather than libsmpp34: that one keeps its errors in globals and its options in linked
// lists the caller frees by hand; this one is bounds-checked, fuzzed, and every error names the
// field and the octet offset. The same codec serves the ESME (bind.h) and the simulated SMSC.
// Pure: no I/O.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace siaran::smpp {

// Anything malformed, on decode or encode: "submit_sm: source_addr at octet 29: ...".
class pdu_error : public std::runtime_error {
 public:
  pdu_error(std::string field, std::size_t offset, const std::string& what);
  const std::string& field() const { return field_; }
  std::size_t offset() const { return offset_; }

 private:
  std::string field_;
  std::size_t offset_;
};

namespace command {
inline constexpr std::uint32_t generic_nack = 0x80000000;
inline constexpr std::uint32_t bind_receiver = 0x00000001;
inline constexpr std::uint32_t bind_receiver_resp = 0x80000001;
inline constexpr std::uint32_t bind_transmitter = 0x00000002;
inline constexpr std::uint32_t bind_transmitter_resp = 0x80000002;
inline constexpr std::uint32_t submit_sm = 0x00000004;
inline constexpr std::uint32_t submit_sm_resp = 0x80000004;
inline constexpr std::uint32_t deliver_sm = 0x00000005;
inline constexpr std::uint32_t deliver_sm_resp = 0x80000005;
inline constexpr std::uint32_t unbind = 0x00000006;
inline constexpr std::uint32_t unbind_resp = 0x80000006;
inline constexpr std::uint32_t outbind = 0x0000000B;
inline constexpr std::uint32_t enquire_link = 0x00000015;
inline constexpr std::uint32_t enquire_link_resp = 0x80000015;
inline constexpr std::uint32_t bind_transceiver = 0x00000009;
inline constexpr std::uint32_t bind_transceiver_resp = 0x80000009;
inline constexpr std::uint32_t data_sm = 0x00000103;
inline constexpr std::uint32_t data_sm_resp = 0x80000103;
inline constexpr std::uint32_t response_bit = 0x80000000;
}  // namespace command

// "submit_sm", or "command 0x00000abc" for one we do not know.
std::string command_name(std::uint32_t command_id);
inline bool is_response(std::uint32_t command_id) {
  return (command_id & command::response_bit) != 0;
}

// command_status values (§5.1.3), those an ESME meets.
namespace status {
inline constexpr std::uint32_t ok = 0x00;                           // ESME_ROK
inline constexpr std::uint32_t invalid_message_length = 0x01;       // ESME_RINVMSGLEN
inline constexpr std::uint32_t invalid_command_length = 0x02;       // ESME_RINVCMDLEN
inline constexpr std::uint32_t invalid_command_id = 0x03;           // ESME_RINVCMDID
inline constexpr std::uint32_t invalid_bind_status = 0x04;          // ESME_RINVBNDSTS
inline constexpr std::uint32_t already_bound = 0x05;                // ESME_RALYBND
inline constexpr std::uint32_t invalid_priority = 0x06;             // ESME_RINVPRTFLG
inline constexpr std::uint32_t invalid_registered_delivery = 0x07;  // ESME_RINVREGDLVFLG
inline constexpr std::uint32_t system_error = 0x08;                 // ESME_RSYSERR
inline constexpr std::uint32_t invalid_source = 0x0A;               // ESME_RINVSRCADR
inline constexpr std::uint32_t invalid_destination = 0x0B;          // ESME_RINVDSTADR
inline constexpr std::uint32_t invalid_message_id = 0x0C;           // ESME_RINVMSGID
inline constexpr std::uint32_t bind_failed = 0x0D;                  // ESME_RBINDFAIL
inline constexpr std::uint32_t invalid_password = 0x0E;             // ESME_RINVPASWD
inline constexpr std::uint32_t invalid_system_id = 0x0F;            // ESME_RINVSYSID
inline constexpr std::uint32_t message_queue_full = 0x14;           // ESME_RMSGQFUL
inline constexpr std::uint32_t invalid_service_type = 0x15;         // ESME_RINVSERTYP
inline constexpr std::uint32_t invalid_esm_class = 0x43;            // ESME_RINVESMCLASS
inline constexpr std::uint32_t submit_failed = 0x45;                // ESME_RSUBMITFAIL
inline constexpr std::uint32_t invalid_source_ton = 0x48;           // ESME_RINVSRCTON
inline constexpr std::uint32_t invalid_source_npi = 0x49;           // ESME_RINVSRCNPI
inline constexpr std::uint32_t invalid_destination_ton = 0x50;      // ESME_RINVDSTTON
inline constexpr std::uint32_t invalid_destination_npi = 0x51;      // ESME_RINVDSTNPI
inline constexpr std::uint32_t invalid_system_type = 0x53;          // ESME_RINVSYSTYP
inline constexpr std::uint32_t throttled = 0x58;                    // ESME_RTHROTTLED
inline constexpr std::uint32_t invalid_schedule_time = 0x61;        // ESME_RINVSCHED
inline constexpr std::uint32_t invalid_expiry_time = 0x62;          // ESME_RINVEXPIRY
// ESME_RINVDCS: SMPP 5.0's, which many 3.4 SMSCs answer too.
inline constexpr std::uint32_t invalid_data_coding = 0x63;
inline constexpr std::uint32_t temporary_app_error = 0x64;             // ESME_RX_T_APPN
inline constexpr std::uint32_t permanent_app_error = 0x65;             // ESME_RX_P_APPN
inline constexpr std::uint32_t rejected_app_error = 0x66;              // ESME_RX_R_APPN
inline constexpr std::uint32_t invalid_optional_parameter = 0xC1;      // ESME_RINVOPTPARSTREAM
inline constexpr std::uint32_t optional_parameter_not_allowed = 0xC2;  // ESME_ROPTPARNOTALLWD
inline constexpr std::uint32_t invalid_parameter_length = 0xC3;        // ESME_RINVPARLEN
inline constexpr std::uint32_t missing_optional_parameter = 0xC4;      // ESME_RMISSINGOPTPARAM
inline constexpr std::uint32_t invalid_optional_value = 0xC5;          // ESME_RINVOPTPARAMVAL
inline constexpr std::uint32_t delivery_failure = 0xFE;                // ESME_RDELIVERYFAILURE
inline constexpr std::uint32_t unknown_error = 0xFF;                   // ESME_RUNKNOWNERR
}  // namespace status

// "ESME_RTHROTTLED", or "status 0x00000400" for a vendor-specific one.
std::string status_name(std::uint32_t command_status);

// Optional parameter tags (§5.3.2) that we read or write.
namespace tag {
inline constexpr std::uint16_t sar_msg_ref_num = 0x020C;
inline constexpr std::uint16_t sar_total_segments = 0x020E;
inline constexpr std::uint16_t sar_segment_seqnum = 0x020F;
inline constexpr std::uint16_t sc_interface_version = 0x0210;
inline constexpr std::uint16_t receipted_message_id = 0x001E;
inline constexpr std::uint16_t message_payload = 0x0424;
inline constexpr std::uint16_t message_state = 0x0427;
inline constexpr std::uint16_t network_error_code = 0x0423;
}  // namespace tag

struct tlv {
  std::uint16_t tag = 0;
  std::vector<std::uint8_t> value;
  bool operator==(const tlv&) const = default;
};
using tlv_list = std::vector<tlv>;

const tlv* find_tlv(const tlv_list& tlvs, std::uint16_t tag);
// The value of a C-octet-string option (receipted_message_id), without its NULL.
std::optional<std::string> tlv_string(const tlv_list& tlvs, std::uint16_t tag);
// The value of a one-octet option (message_state, sc_interface_version); none when absent or
// not one octet long.
std::optional<std::uint8_t> tlv_u8(const tlv_list& tlvs, std::uint16_t tag);
std::optional<std::uint16_t> tlv_u16(const tlv_list& tlvs, std::uint16_t tag);
tlv make_tlv_u8(std::uint16_t tag, std::uint8_t value);
tlv make_tlv_u16(std::uint16_t tag, std::uint16_t value);
tlv make_tlv_string(std::uint16_t tag, std::string_view value);  // NULL-terminated

// message_state values (§5.2.28).
namespace message_state {
inline constexpr std::uint8_t enroute = 1, delivered = 2, expired = 3, deleted = 4,
                              undeliverable = 5, accepted = 6, unknown = 7, rejected = 8;
}
// "DELIVRD", "UNDELIV", ... as appendix B spells the stat: field; "UNKNOWN" for anything else.
std::string_view message_state_text(std::uint8_t state);

// esm_class bits (§5.2.12).
namespace esm {
inline constexpr std::uint8_t type_mask = 0x3C;
inline constexpr std::uint8_t delivery_receipt = 0x04;
inline constexpr std::uint8_t intermediate_notification =
    0x20;  // 3.4's "intermediate delivery notification"
inline constexpr std::uint8_t udhi = 0x40;
}  // namespace esm

// bind_transmitter, bind_receiver, bind_transceiver (§4.1.1).
struct bind_body {
  std::string system_id;    // ≤ 15
  std::string password;     // ≤ 8
  std::string system_type;  // ≤ 12
  std::uint8_t interface_version = 0x34;
  std::uint8_t addr_ton = 0;
  std::uint8_t addr_npi = 0;
  std::string address_range;  // ≤ 40
  bool operator==(const bind_body&) const = default;
};

// bind_*_resp (§4.1.2): the SMSC's system_id and, from a 3.4 SMSC, sc_interface_version.
struct bind_resp_body {
  std::string system_id;  // ≤ 15
  tlv_list tlvs;
  bool operator==(const bind_resp_body&) const = default;
};

// submit_sm and deliver_sm share their layout (§4.4.1, §4.6.1).
struct short_message_body {
  std::string service_type;  // ≤ 5
  std::uint8_t source_addr_ton = 0;
  std::uint8_t source_addr_npi = 0;
  std::string source_addr;  // ≤ 20
  std::uint8_t dest_addr_ton = 0;
  std::uint8_t dest_addr_npi = 0;
  std::string destination_addr;  // ≤ 20
  std::uint8_t esm_class = 0;
  std::uint8_t protocol_id = 0;
  std::uint8_t priority_flag = 0;
  std::string schedule_delivery_time;  // empty or 16
  std::string validity_period;         // empty or 16
  std::uint8_t registered_delivery = 0;
  std::uint8_t replace_if_present_flag = 0;
  std::uint8_t data_coding = 0;
  std::uint8_t sm_default_msg_id = 0;
  std::vector<std::uint8_t> short_message;  // ≤ 254; sm_length is its size
  tlv_list tlvs;
  bool operator==(const short_message_body&) const = default;
};

// data_sm (§4.7.1).
struct data_sm_body {
  std::string service_type;  // ≤ 5
  std::uint8_t source_addr_ton = 0;
  std::uint8_t source_addr_npi = 0;
  std::string source_addr;  // ≤ 64
  std::uint8_t dest_addr_ton = 0;
  std::uint8_t dest_addr_npi = 0;
  std::string destination_addr;  // ≤ 64
  std::uint8_t esm_class = 0;
  std::uint8_t registered_delivery = 0;
  std::uint8_t data_coding = 0;
  tlv_list tlvs;
  bool operator==(const data_sm_body&) const = default;
};

// submit_sm_resp, deliver_sm_resp, data_sm_resp (§4.4.2, §4.6.2, §4.7.2). A response with an
// error status may come without a body at all; it decodes as an empty message_id.
struct message_id_body {
  std::string message_id;  // ≤ 64
  tlv_list tlvs;           // data_sm_resp only
  bool operator==(const message_id_body&) const = default;
};

// A command we do not know: the body as it came, so the bind can answer generic_nack.
struct raw_body {
  std::vector<std::uint8_t> octets;
  bool operator==(const raw_body&) const = default;
};

// unbind, unbind_resp, enquire_link, enquire_link_resp, generic_nack: no body.
using pdu_body = std::variant<std::monostate, bind_body, bind_resp_body, short_message_body,
                              data_sm_body, message_id_body, raw_body>;

inline constexpr std::size_t header_length = 16;
// command_length above this is refused: no 3.4 PDU comes near it, and a garbled length must not
// make the reader wait for (or allocate) gigabytes.
inline constexpr std::size_t max_pdu_length = 64 * 1024;

struct pdu {
  std::uint32_t command_id = 0;
  std::uint32_t command_status = status::ok;
  std::uint32_t sequence_number = 0;
  pdu_body body;
  bool operator==(const pdu&) const = default;
};

// The PDU's whole length, read from its first four octets (command_length); a pdu_error when
// it is below the header's 16 octets or above max_pdu_length (the stream's framing is lost).
std::size_t pdu_length(std::span<const std::uint8_t> first_four);

// Exactly one PDU: the buffer's size must be its command_length. Unknown command ids decode
// with a raw_body; everything malformed is a pdu_error.
pdu decode(std::span<const std::uint8_t> octets);

// Throws pdu_error for a string over its field's length or a body that does not fit the
// command (a bind_body in an enquire_link).
std::vector<std::uint8_t> encode(const pdu& message);

}  // namespace siaran::smpp
