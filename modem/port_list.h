// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace siaran::modem {

// One serial port as libserialport describes it.
struct port_info {
  std::string name;         // "/dev/ttyUSB0"
  std::string description;  // "HUAWEI Mobile"
  std::string transport;    // "usb", "bluetooth", "native"
  std::optional<int> usb_vid;
  std::optional<int> usb_pid;
  std::string manufacturer;
  std::string product;
  std::string serial_number;
  std::string by_id;  // the /dev/serial/by-id/ link resolving to `name`, or ""
};

// Every serial port on the machine (enumeration only; opening is serial_port's job).
// Throws std::runtime_error when libserialport cannot list them.
std::vector<port_info> list_ports();

// "12d1:1506".
std::string usb_id(int vid, int pid);

}  // namespace siaran::modem
