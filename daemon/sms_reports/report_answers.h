// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every SMS the reports feature sends, in Bahasa Indonesia for village health cadres, short
// (one GSM 7-bit SMS where the form allows) and in one place for the secretariat to read.

#include <string>
#include <string_view>

#include "daemon/sms_reports/report_form.h"
#include "daemon/sms_reports/report_reader.h"

namespace siaran::daemon::sms_reports {

// "Terima kasih, laporan SKDN Posyandu Melati November 2026: S 52, K 50, D 45, N 38", and
// " (mengganti laporan sebelumnya)" when it replaced one for the same posyandu and month.
std::string report_confirmed(const report_form& form, std::string_view posyandu,
                             const report_reading& reading, bool replaced);

// "Laporan SKDN belum diterima: <problem> Format: SKDN S K D N, contoh: SKDN 52 50 45 38"
std::string report_corrected(const report_form& form, const report_refusal& refusal);

// The number is not a contact's: perhaps a cadre's new SIM.
std::string report_sender_unknown(const report_form& form);

// A contact without a posyandu, or whose role may not send this form.
std::string report_sender_not_allowed(const report_form& form);

}  // namespace siaran::daemon::sms_reports
