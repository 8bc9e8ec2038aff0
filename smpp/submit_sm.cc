// SPDX-License-Identifier: GPL-3.0-or-later
#include "smpp/submit_sm.h"

#include <utility>

#include "smpp/address.h"

namespace siaran::smpp {

pdu submit_sm_of(const submit_request& request) {
  short_message_body body;
  auto source = source_address(request.source);
  body.source_addr_ton = source.ton;
  body.source_addr_npi = source.npi;
  body.source_addr = source.value;
  auto destination = destination_address(request.destination);
  body.dest_addr_ton = destination.ton;
  body.dest_addr_npi = destination.npi;
  body.destination_addr = destination.value;
  body.esm_class = request.udhi ? esm::udhi : 0;
  body.registered_delivery = request.registered_delivery ? 1 : 0;
  body.data_coding = request.data_coding;
  if (request.short_message.size() <= 254) {
    body.short_message = request.short_message;
  } else {
    body.tlvs.push_back({tag::message_payload, request.short_message});
  }
  pdu message{command::submit_sm, status::ok, 0, std::move(body)};
  encode(message);  // refuses what the wire cannot carry here rather than at the socket
  return message;
}

}  // namespace siaran::smpp
