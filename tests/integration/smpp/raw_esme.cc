// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/integration/smpp/raw_esme.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <span>

namespace siaran::test {
namespace {

using std::chrono::steady_clock;

int remaining_ms(steady_clock::time_point until) {
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(until - steady_clock::now());
  return left.count() > 0 ? static_cast<int>(left.count()) : 0;
}

bool answers(const smpp::pdu& message, std::uint32_t sequence) {
  return smpp::is_response(message.command_id) && message.sequence_number == sequence;
}

bool is_deliver(const smpp::pdu& message, std::uint32_t) {
  return message.command_id == smpp::command::deliver_sm;
}

}  // namespace

raw_esme::raw_esme(std::uint16_t port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
  REQUIRE(fd_ >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
}

raw_esme::~raw_esme() { close(fd_); }

void raw_esme::send_octets(const std::vector<std::uint8_t>& octets) {
  REQUIRE(write(fd_, octets.data(), octets.size()) == static_cast<ssize_t>(octets.size()));
}

std::uint32_t raw_esme::send(std::uint32_t command_id, smpp::pdu_body body, std::uint32_t status,
                             std::optional<std::uint32_t> sequence) {
  const std::uint32_t number = sequence.value_or(++sequence_);
  send_octets(smpp::encode({command_id, status, number, std::move(body)}));
  return number;
}

std::optional<smpp::pdu> raw_esme::next(std::chrono::milliseconds timeout) {
  if (!backlog_.empty()) {
    smpp::pdu first = std::move(backlog_.front());
    backlog_.pop_front();
    return first;
  }
  return read_pdu(steady_clock::now() + timeout);
}

std::optional<smpp::pdu> raw_esme::take_from_backlog(bool (*wanted)(const smpp::pdu&,
                                                                    std::uint32_t),
                                                     std::uint32_t key) {
  const auto found =
      std::ranges::find_if(backlog_, [&](const smpp::pdu& p) { return wanted(p, key); });
  if (found == backlog_.end()) return std::nullopt;
  smpp::pdu taken = std::move(*found);
  backlog_.erase(found);
  return taken;
}

smpp::pdu raw_esme::response_to(std::uint32_t sequence, std::chrono::milliseconds timeout) {
  if (auto kept = take_from_backlog(answers, sequence)) return *kept;
  const auto until = steady_clock::now() + timeout;
  for (;;) {
    auto got = read_pdu(until);
    INFO("waiting for the answer to sequence " << sequence);
    REQUIRE(got);
    if (answers(*got, sequence)) return *got;
    backlog_.push_back(std::move(*got));
  }
}

smpp::pdu raw_esme::request(std::uint32_t command_id, smpp::pdu_body body) {
  return response_to(send(command_id, std::move(body)));
}

smpp::pdu raw_esme::bind(std::uint32_t command_id, const std::string& system_id,
                         const std::string& password) {
  smpp::bind_body body;
  body.system_id = system_id;
  body.password = password;
  return request(command_id, body);
}

smpp::short_message_body raw_esme::deliver(std::uint32_t status,
                                           std::chrono::milliseconds timeout) {
  std::optional<smpp::pdu> got = take_from_backlog(is_deliver, 0);
  const auto until = steady_clock::now() + timeout;
  while (!got) {
    auto read = read_pdu(until);
    INFO("waiting for a deliver_sm");
    REQUIRE(read);
    if (is_deliver(*read, 0))
      got = std::move(read);
    else
      backlog_.push_back(std::move(*read));
  }
  send(smpp::command::deliver_sm_resp, smpp::message_id_body{}, status, got->sequence_number);
  return std::get<smpp::short_message_body>(got->body);
}

bool raw_esme::sees_close(std::chrono::milliseconds timeout) {
  const auto until = steady_clock::now() + timeout;
  while (!closed_ && steady_clock::now() < until)
    if (auto got = read_pdu(until)) backlog_.push_back(std::move(*got));
  return closed_;
}

bool raw_esme::hears_nothing(std::chrono::milliseconds timeout) {
  return backlog_.empty() && !read_pdu(steady_clock::now() + timeout) && !closed_;
}

std::optional<smpp::pdu> raw_esme::read_pdu(deadline until) {
  while (!closed_) {
    if (input_.size() >= 4) {
      const std::size_t length = smpp::pdu_length(std::span(input_).first(4));
      if (input_.size() >= length) {
        smpp::pdu decoded = smpp::decode(std::span(input_).first(length));
        input_.erase(input_.begin(), input_.begin() + static_cast<std::ptrdiff_t>(length));
        return decoded;
      }
    }
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, remaining_ms(until)) <= 0) return std::nullopt;
    std::array<std::uint8_t, 4096> chunk{};
    const ssize_t n = read(fd_, chunk.data(), chunk.size());
    if (n <= 0)
      closed_ = true;
    else
      input_.insert(input_.end(), chunk.begin(), chunk.begin() + n);
  }
  return std::nullopt;
}

}  // namespace siaran::test
