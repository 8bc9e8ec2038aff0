// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/pdu.h"

#include <array>
#include <cstdio>
#include <type_traits>
#include <utility>

#include "smpp/pdu_reader.h"
#include "smpp/pdu_writer.h"

namespace siaran::smpp {
namespace {

// Field lengths of §4 (characters before the NULL).
constexpr std::size_t system_id_max = 15, password_max = 8, system_type_max = 12,
                      address_range_max = 40, service_type_max = 5, address_max = 20,
                      data_sm_address_max = 64, message_id_max = 64, short_message_max = 254;

std::string hex32(std::uint32_t value) {
  std::array<char, 11> text{};
  std::snprintf(text.data(), text.size(), "0x%08X", value);
  return text.data();
}

// Which body a command carries: the one place decode and encode agree on it.
enum class body_kind { none, bind, bind_resp, short_message, data_sm, message_id, raw };

body_kind kind_of(std::uint32_t command_id) {
  switch (command_id) {
    case command::bind_receiver:
    case command::bind_transmitter:
    case command::bind_transceiver:
      return body_kind::bind;
    case command::bind_receiver_resp:
    case command::bind_transmitter_resp:
    case command::bind_transceiver_resp:
      return body_kind::bind_resp;
    case command::submit_sm:
    case command::deliver_sm:
      return body_kind::short_message;
    case command::data_sm:
      return body_kind::data_sm;
    case command::submit_sm_resp:
    case command::deliver_sm_resp:
    case command::data_sm_resp:
      return body_kind::message_id;
    case command::unbind:
    case command::unbind_resp:
    case command::enquire_link:
    case command::enquire_link_resp:
    case command::generic_nack:
      return body_kind::none;
    default:
      return body_kind::raw;
  }
}

bind_body read_bind(pdu_reader& in) {
  bind_body body;
  body.system_id = in.c_string("system_id", system_id_max);
  body.password = in.c_string("password", password_max);
  body.system_type = in.c_string("system_type", system_type_max);
  body.interface_version = in.u8("interface_version");
  body.addr_ton = in.u8("addr_ton");
  body.addr_npi = in.u8("addr_npi");
  body.address_range = in.c_string("address_range", address_range_max);
  return body;
}

short_message_body read_short_message(pdu_reader& in) {
  short_message_body body;
  body.service_type = in.c_string("service_type", service_type_max);
  body.source_addr_ton = in.u8("source_addr_ton");
  body.source_addr_npi = in.u8("source_addr_npi");
  body.source_addr = in.c_string("source_addr", address_max);
  body.dest_addr_ton = in.u8("dest_addr_ton");
  body.dest_addr_npi = in.u8("dest_addr_npi");
  body.destination_addr = in.c_string("destination_addr", address_max);
  body.esm_class = in.u8("esm_class");
  body.protocol_id = in.u8("protocol_id");
  body.priority_flag = in.u8("priority_flag");
  body.schedule_delivery_time = in.time_string("schedule_delivery_time");
  body.validity_period = in.time_string("validity_period");
  body.registered_delivery = in.u8("registered_delivery");
  body.replace_if_present_flag = in.u8("replace_if_present_flag");
  body.data_coding = in.u8("data_coding");
  body.sm_default_msg_id = in.u8("sm_default_msg_id");
  auto sm_length = in.u8("sm_length");
  if (sm_length > short_message_max)
    in.fail("sm_length", "above the 254 octets a short_message may hold");
  body.short_message = in.octets("short_message", sm_length);
  body.tlvs = in.tlvs();
  return body;
}

data_sm_body read_data_sm(pdu_reader& in) {
  data_sm_body body;
  body.service_type = in.c_string("service_type", service_type_max);
  body.source_addr_ton = in.u8("source_addr_ton");
  body.source_addr_npi = in.u8("source_addr_npi");
  body.source_addr = in.c_string("source_addr", data_sm_address_max);
  body.dest_addr_ton = in.u8("dest_addr_ton");
  body.dest_addr_npi = in.u8("dest_addr_npi");
  body.destination_addr = in.c_string("destination_addr", data_sm_address_max);
  body.esm_class = in.u8("esm_class");
  body.registered_delivery = in.u8("registered_delivery");
  body.data_coding = in.u8("data_coding");
  body.tlvs = in.tlvs();
  return body;
}

pdu_body read_body(pdu_reader& in, body_kind kind, std::span<const std::uint8_t> octets) {
  switch (kind) {
    case body_kind::none:
      return std::monostate{};
    case body_kind::bind:
      return read_bind(in);
    case body_kind::bind_resp: {
      bind_resp_body body;
      // A refusal may come without a body (§4.1.2).
      if (in.at_end()) return body;
      body.system_id = in.c_string("system_id", system_id_max);
      body.tlvs = in.tlvs();
      return body;
    }
    case body_kind::short_message:
      return read_short_message(in);
    case body_kind::data_sm:
      return read_data_sm(in);
    case body_kind::message_id: {
      message_id_body body;
      if (in.at_end()) return body;  // an error answer without a body (§4.4.2)
      body.message_id = in.c_string("message_id", message_id_max);
      body.tlvs = in.tlvs();
      return body;
    }
    case body_kind::raw:
      break;
  }
  return raw_body{{octets.begin() + header_length, octets.end()}};
}

void write_bind(pdu_writer& out, const bind_body& body) {
  out.c_string("system_id", body.system_id, system_id_max);
  out.c_string("password", body.password, password_max);
  out.c_string("system_type", body.system_type, system_type_max);
  out.u8(body.interface_version);
  out.u8(body.addr_ton);
  out.u8(body.addr_npi);
  out.c_string("address_range", body.address_range, address_range_max);
}

void write_short_message(pdu_writer& out, const short_message_body& body) {
  out.c_string("service_type", body.service_type, service_type_max);
  out.u8(body.source_addr_ton);
  out.u8(body.source_addr_npi);
  out.c_string("source_addr", body.source_addr, address_max);
  out.u8(body.dest_addr_ton);
  out.u8(body.dest_addr_npi);
  out.c_string("destination_addr", body.destination_addr, address_max);
  out.u8(body.esm_class);
  out.u8(body.protocol_id);
  out.u8(body.priority_flag);
  out.time_string("schedule_delivery_time", body.schedule_delivery_time);
  out.time_string("validity_period", body.validity_period);
  out.u8(body.registered_delivery);
  out.u8(body.replace_if_present_flag);
  out.u8(body.data_coding);
  out.u8(body.sm_default_msg_id);
  if (body.short_message.size() > short_message_max) {
    out.fail("short_message", std::to_string(body.short_message.size()) +
                                  " octets; above 254 they go in message_payload");
  }
  out.u8(static_cast<std::uint8_t>(body.short_message.size()));
  out.octets(body.short_message);
  out.tlvs(body.tlvs);
}

void write_data_sm(pdu_writer& out, const data_sm_body& body) {
  out.c_string("service_type", body.service_type, service_type_max);
  out.u8(body.source_addr_ton);
  out.u8(body.source_addr_npi);
  out.c_string("source_addr", body.source_addr, data_sm_address_max);
  out.u8(body.dest_addr_ton);
  out.u8(body.dest_addr_npi);
  out.c_string("destination_addr", body.destination_addr, data_sm_address_max);
  out.u8(body.esm_class);
  out.u8(body.registered_delivery);
  out.u8(body.data_coding);
  out.tlvs(body.tlvs);
}

bool body_fits(const pdu_body& body, body_kind kind) {
  switch (kind) {
    case body_kind::none:
      return std::holds_alternative<std::monostate>(body);
    case body_kind::bind:
      return std::holds_alternative<bind_body>(body);
    case body_kind::bind_resp:
      return std::holds_alternative<bind_resp_body>(body);
    case body_kind::short_message:
      return std::holds_alternative<short_message_body>(body);
    case body_kind::data_sm:
      return std::holds_alternative<data_sm_body>(body);
    case body_kind::message_id:
      return std::holds_alternative<message_id_body>(body);
    case body_kind::raw:
      return std::holds_alternative<raw_body>(body) || std::holds_alternative<std::monostate>(body);
  }
  return false;
}

}  // namespace

pdu_error::pdu_error(std::string field, std::size_t offset, const std::string& what)
    : std::runtime_error(field + " at octet " + std::to_string(offset) + ": " + what),
      field_(std::move(field)),
      offset_(offset) {}

std::string command_name(std::uint32_t command_id) {
  switch (command_id) {
    case command::generic_nack:
      return "generic_nack";
    case command::bind_receiver:
      return "bind_receiver";
    case command::bind_receiver_resp:
      return "bind_receiver_resp";
    case command::bind_transmitter:
      return "bind_transmitter";
    case command::bind_transmitter_resp:
      return "bind_transmitter_resp";
    case command::submit_sm:
      return "submit_sm";
    case command::submit_sm_resp:
      return "submit_sm_resp";
    case command::deliver_sm:
      return "deliver_sm";
    case command::deliver_sm_resp:
      return "deliver_sm_resp";
    case command::unbind:
      return "unbind";
    case command::unbind_resp:
      return "unbind_resp";
    case command::outbind:
      return "outbind";
    case command::enquire_link:
      return "enquire_link";
    case command::enquire_link_resp:
      return "enquire_link_resp";
    case command::bind_transceiver:
      return "bind_transceiver";
    case command::bind_transceiver_resp:
      return "bind_transceiver_resp";
    case command::data_sm:
      return "data_sm";
    case command::data_sm_resp:
      return "data_sm_resp";
    default:
      return "command " + hex32(command_id);
  }
}

std::string status_name(std::uint32_t command_status) {
  switch (command_status) {
    case status::ok:
      return "ESME_ROK";
    case status::invalid_message_length:
      return "ESME_RINVMSGLEN";
    case status::invalid_command_length:
      return "ESME_RINVCMDLEN";
    case status::invalid_command_id:
      return "ESME_RINVCMDID";
    case status::invalid_bind_status:
      return "ESME_RINVBNDSTS";
    case status::already_bound:
      return "ESME_RALYBND";
    case status::invalid_priority:
      return "ESME_RINVPRTFLG";
    case status::invalid_registered_delivery:
      return "ESME_RINVREGDLVFLG";
    case status::system_error:
      return "ESME_RSYSERR";
    case status::invalid_source:
      return "ESME_RINVSRCADR";
    case status::invalid_destination:
      return "ESME_RINVDSTADR";
    case status::invalid_message_id:
      return "ESME_RINVMSGID";
    case status::bind_failed:
      return "ESME_RBINDFAIL";
    case status::invalid_password:
      return "ESME_RINVPASWD";
    case status::invalid_system_id:
      return "ESME_RINVSYSID";
    case status::message_queue_full:
      return "ESME_RMSGQFUL";
    case status::invalid_service_type:
      return "ESME_RINVSERTYP";
    case status::invalid_esm_class:
      return "ESME_RINVESMCLASS";
    case status::submit_failed:
      return "ESME_RSUBMITFAIL";
    case status::invalid_source_ton:
      return "ESME_RINVSRCTON";
    case status::invalid_source_npi:
      return "ESME_RINVSRCNPI";
    case status::invalid_destination_ton:
      return "ESME_RINVDSTTON";
    case status::invalid_destination_npi:
      return "ESME_RINVDSTNPI";
    case status::invalid_system_type:
      return "ESME_RINVSYSTYP";
    case status::throttled:
      return "ESME_RTHROTTLED";
    case status::invalid_schedule_time:
      return "ESME_RINVSCHED";
    case status::invalid_expiry_time:
      return "ESME_RINVEXPIRY";
    case status::invalid_data_coding:
      return "ESME_RINVDCS";
    case status::temporary_app_error:
      return "ESME_RX_T_APPN";
    case status::permanent_app_error:
      return "ESME_RX_P_APPN";
    case status::rejected_app_error:
      return "ESME_RX_R_APPN";
    case status::invalid_optional_parameter:
      return "ESME_RINVOPTPARSTREAM";
    case status::optional_parameter_not_allowed:
      return "ESME_ROPTPARNOTALLWD";
    case status::invalid_parameter_length:
      return "ESME_RINVPARLEN";
    case status::missing_optional_parameter:
      return "ESME_RMISSINGOPTPARAM";
    case status::invalid_optional_value:
      return "ESME_RINVOPTPARAMVAL";
    case status::delivery_failure:
      return "ESME_RDELIVERYFAILURE";
    case status::unknown_error:
      return "ESME_RUNKNOWNERR";
    default:
      return "status " + hex32(command_status);
  }
}

std::string_view message_state_text(std::uint8_t state) {
  switch (state) {
    case message_state::enroute:
      return "ENROUTE";
    case message_state::delivered:
      return "DELIVRD";
    case message_state::expired:
      return "EXPIRED";
    case message_state::deleted:
      return "DELETED";
    case message_state::undeliverable:
      return "UNDELIV";
    case message_state::accepted:
      return "ACCEPTD";
    case message_state::rejected:
      return "REJECTD";
    default:
      return "UNKNOWN";
  }
}

const tlv* find_tlv(const tlv_list& tlvs, std::uint16_t tag) {
  for (const auto& option : tlvs) {
    if (option.tag == tag) return &option;
  }
  return nullptr;
}

std::optional<std::string> tlv_string(const tlv_list& tlvs, std::uint16_t tag) {
  const auto* option = find_tlv(tlvs, tag);
  if (option == nullptr) return std::nullopt;
  std::string value(option->value.begin(), option->value.end());
  // The NULL is required, but some SMSCs leave it out; either way it is not part of the value.
  if (auto null = value.find('\0'); null != std::string::npos) value.resize(null);
  return value;
}

std::optional<std::uint8_t> tlv_u8(const tlv_list& tlvs, std::uint16_t tag) {
  const auto* option = find_tlv(tlvs, tag);
  if (option == nullptr || option->value.size() != 1) return std::nullopt;
  return option->value[0];
}

std::optional<std::uint16_t> tlv_u16(const tlv_list& tlvs, std::uint16_t tag) {
  const auto* option = find_tlv(tlvs, tag);
  if (option == nullptr || option->value.size() != 2) return std::nullopt;
  return static_cast<std::uint16_t>(option->value[0] << 8 | option->value[1]);
}

tlv make_tlv_u8(std::uint16_t tag, std::uint8_t value) { return {tag, {value}}; }

tlv make_tlv_u16(std::uint16_t tag, std::uint16_t value) {
  return {tag, {static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value)}};
}

tlv make_tlv_string(std::uint16_t tag, std::string_view value) {
  tlv option{tag, {value.begin(), value.end()}};
  option.value.push_back(0);
  return option;
}

std::size_t pdu_length(std::span<const std::uint8_t> first_four) {
  if (first_four.size() < 4) throw pdu_error("command_length", 0, "needs 4 octets");
  std::size_t length = 0;
  for (std::size_t i = 0; i < 4; ++i) length = length << 8 | first_four[i];
  if (length < header_length) {
    throw pdu_error("command_length", 0,
                    std::to_string(length) + " is shorter than the 16-octet header");
  }
  if (length > max_pdu_length) {
    throw pdu_error("command_length", 0,
                    std::to_string(length) + " is above the " + std::to_string(max_pdu_length) +
                        " octets we accept");
  }
  return length;
}

pdu decode(std::span<const std::uint8_t> octets) {
  pdu_reader header(octets, "PDU header", 0);
  auto length = header.u32("command_length");
  if (length != octets.size()) {
    throw pdu_error("command_length", 0,
                    "says " + std::to_string(length) + " octets but the PDU has " +
                        std::to_string(octets.size()));
  }
  pdu message;
  message.command_id = header.u32("command_id");
  message.command_status = header.u32("command_status");
  message.sequence_number = header.u32("sequence_number");

  pdu_reader in(octets, command_name(message.command_id), header_length);
  auto kind = kind_of(message.command_id);
  message.body = read_body(in, kind, octets);
  if (kind != body_kind::raw && !in.at_end()) {
    in.fail("command_length",
            std::to_string(octets.size() - in.offset()) + " octets after the last field");
  }
  return message;
}

std::vector<std::uint8_t> encode(const pdu& message) {
  auto name = command_name(message.command_id);
  auto kind = kind_of(message.command_id);
  if (!body_fits(message.body, kind))
    throw pdu_error(name, header_length, "the body is not this command's");

  pdu_writer out(name);
  out.u32(0);  // command_length, set by finish()
  out.u32(message.command_id);
  out.u32(message.command_status);
  out.u32(message.sequence_number);
  // §4.1.2, §4.4.2: an error answer carries no body unless there is something in it.
  bool error_answer = is_response(message.command_id) && message.command_status != status::ok;
  std::visit(
      [&](const auto& body) {
        using body_type = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<body_type, bind_body>) {
          write_bind(out, body);
        } else if constexpr (std::is_same_v<body_type, bind_resp_body>) {
          if (error_answer && body == bind_resp_body{}) return;
          out.c_string("system_id", body.system_id, system_id_max);
          out.tlvs(body.tlvs);
        } else if constexpr (std::is_same_v<body_type, short_message_body>) {
          write_short_message(out, body);
        } else if constexpr (std::is_same_v<body_type, data_sm_body>) {
          write_data_sm(out, body);
        } else if constexpr (std::is_same_v<body_type, message_id_body>) {
          if (error_answer && body == message_id_body{}) return;
          out.c_string("message_id", body.message_id, message_id_max);
          out.tlvs(body.tlvs);
        } else if constexpr (std::is_same_v<body_type, raw_body>) {
          out.octets(body.octets);
        }
      },
      message.body);
  return out.finish();
}

}  // namespace siaran::smpp
