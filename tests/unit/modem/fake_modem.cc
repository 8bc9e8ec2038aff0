// SPDX-License-Identifier: GPL-3.0-or-later
#include "fake_modem.h"

#include <cerrno>
#include <exception>

#include "modem/serial_port.h"

namespace siaran::modem::test {

fake_modem::fake_modem() {
  for (const char* plain : {"AT", "ATZ", "ATE0", "AT+CMEE=1", "AT+COPS=3,0", "AT+CMGF=0", "AT+CMMS=2",
                            "AT^CURC=0", "AT+CNMI=2,1,2,1,0", "AT+CMGL=4", "AT+CNMA"}) {
    set(plain, "");
  }
  set("AT+CGMI", "huawei");
  set("AT+CGMM", "E173");
  set("AT+CGMR", "11.126.85.00.209");
  set("AT+CGSN", "356789012345678");
  set("AT+CIMI", "510101234567890");
  set("AT+COPS?", "+COPS: 0,0,\"TELKOMSEL\",2");
  set("AT+CSCA?", "+CSCA: \"+6281100000\",145");
  set("AT+CSQ", "+CSQ: 18,99");
  set("AT+CPIN?", "+CPIN: READY");
  set("AT+CREG?", "+CREG: 0,1");
  set("AT+CSMS?", "+CSMS: 0,1,1,1");
  // Huawei K3715 (python-gsmmodem's capture, in the corpus).
  set("AT+CPMS=?", "+CPMS: (\"ME\",\"MT\",\"SM\",\"SR\"),(\"ME\",\"MT\",\"SM\",\"SR\"),(\"ME\",\"MT\",\"SM\",\"SR\")");
  set("AT+CPMS=\"SM\",\"SM\",\"SM\"", "+CPMS: 0,10,0,10,0,10");
  set("AT+CPMS?", "+CPMS: \"SM\",0,10,\"SM\",0,10,\"SM\",0,10");
}

void fake_modem::set(std::string command, std::string_view info_lines, std::string_view final) {
  std::string answer;
  if (!info_lines.empty()) answer += "\r\n" + std::string(info_lines) + "\r\n";
  answer += "\r\n" + std::string(final) + "\r\n";
  answers[std::move(command)] = std::move(answer);
}

void fake_modem::respond(at::test::scripted_stream& device, std::string_view written) {
  if (silent) return;
  if (!written.empty() && written.back() == '\x1a') {
    if (next_pdu_answers.empty()) {
      device.push(pdu_answer);
    } else {
      device.push(next_pdu_answers.front());
      next_pdu_answers.pop_front();
    }
    return;
  }
  if (written.ends_with("\r")) written.remove_suffix(1);
  if (observe) observe(*this, written);
  if (written.starts_with("AT+CMGS=")) {
    device.push("\r\n> ");
    return;
  }
  const auto found = answers.find(written);
  device.push(found == answers.end() ? std::string("\r\nERROR\r\n") : found->second);
}

modem_options modem_rig::default_options() {
  modem_options options;
  options.id = "m1";
  options.port = "/dev/serial/by-id/usb-HUAWEI_Mobile-if00-port0";
  return options;
}

modem_rig::modem_rig(modem_options options, const std::function<void(fake_modem&)>& prepare) {
  if (prepare) prepare(fake);
  stream_opener open = [this]() -> std::unique_ptr<at::byte_stream> {
    ++opens;
    open_times.push_back(clock.now());
    if (failing_opens > 0) {
      --failing_opens;
      throw open_error("cannot open the modem: no such device", ENOENT);
    }
    auto stream = std::make_unique<at::test::scripted_stream>(io);
    device = stream.get();
    stream->on_write = [this, raw = stream.get()](std::string_view bytes) {
      std::string text(bytes);
      if (text.ends_with("\r")) text.pop_back();
      written.push_back(text);
      fake.respond(*raw, bytes);
    };
    return stream;
  };
  driver = std::make_unique<modem>(io, std::move(options), std::move(open), clock.factory());
  driver->start();
  settle();
}

modem_rig::~modem_rig() {
  driver->stop();
  settle();
  driver.reset();
  settle();
}

void modem_rig::settle() {
  do {
    io.restart();
  } while (io.poll() > 0);
}

void modem_rig::advance(std::chrono::milliseconds by) {
  clock.advance(by);
  settle();
}

std::vector<std::string> modem_rig::commands() const { return written; }

int modem_rig::count(std::string_view command) const {
  int found = 0;
  for (const std::string& each : written) found += each == command ? 1 : 0;
  return found;
}

std::shared_ptr<std::optional<send_result>> modem_rig::send(const sms::encoded_part& part) {
  auto result = std::make_shared<std::optional<send_result>>();
  asio::co_spawn(io, driver->send(part), [result](std::exception_ptr error, send_result outcome) {
    if (error) std::rethrow_exception(error);
    *result = std::move(outcome);
  });
  settle();
  return result;
}

}  // namespace siaran::modem::test
