// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/broadcast/template.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>

using namespace siaran::daemon::broadcast;
using siaran::queue::contact;

namespace {

contact siti() {
  contact c;
  c.id = 7;
  c.name = "Siti Aminah";
  c.phone = "+6281234567890";
  c.salutation = "Ibu";
  c.role = "kader";
  c.kabupaten = "Bandung Barat";
  c.kecamatan = "Cihampelas";
  c.desa = "Mekarmukti";
  c.posyandu = "Melati 3";
  c.fields = {{"jabatan", "Ketua"}, {"RW", "05"}};
  return c;
}

const std::map<std::string, std::string> no_extras;

std::string render(std::string_view text, const contact& c,
                   const std::map<std::string, std::string>& extras = no_extras) {
  return message_template::parse(text).render({c, extras, "Senin, 30 November 2026", "08.00"});
}

}  // namespace

TEST_CASE("the contact's own placeholders are filled in", "[broadcast][template]") {
  CHECK(render("Yth. {panggilan} {nama}, kader Posyandu {posyandu} Desa {desa}, Kec. {kecamatan}, "
               "Kab. {kabupaten} "
               "({peran})",
               siti()) ==
        "Yth. Ibu Siti Aminah, kader Posyandu Melati 3 Desa Mekarmukti, Kec. Cihampelas, Kab. "
        "Bandung Barat (kader)");
}

TEST_CASE("date and time are the ones given, Indonesian style", "[broadcast][template]") {
  CHECK(render("Rapat {tanggal} pukul {jam} WIB", siti()) ==
        "Rapat Senin, 30 November 2026 pukul 08.00 WIB");
}

TEST_CASE("contact fields and extra values are placeholders too, whatever their case",
          "[broadcast][template]") {
  const std::map<std::string, std::string> extras = {{"acara", "Rapat Pokjanal"},
                                                     {"tempat", "Aula Desa"}};
  CHECK(render("{jabatan} RW {rw}: {acara} di {Tempat}", siti(), extras) ==
        "Ketua RW 05: Rapat Pokjanal di Aula Desa");
}

TEST_CASE("extra values take precedence over the date of sending", "[broadcast][template]") {
  const std::map<std::string, std::string> extras = {{"tanggal", "Kamis, 3 Desember 2026"}};
  CHECK(render("{tanggal}", siti(), extras) == "Kamis, 3 Desember 2026");
}

TEST_CASE("a default stands in for an empty or missing value", "[broadcast][template]") {
  contact c = siti();
  c.name = "";
  c.desa.reset();
  c.fields.erase("jabatan");
  CHECK(render("Halo {nama|Kader}, desa {desa|Anda}, {jabatan|anggota}", c) ==
        "Halo Kader, desa Anda, anggota");
  CHECK(render("Halo {nama|Kader}", siti()) == "Halo Siti Aminah");
}

TEST_CASE("a missing value without a default renders empty, panggilan as Bapak/Ibu",
          "[broadcast][template]") {
  contact c = siti();
  c.salutation.reset();
  c.posyandu.reset();
  CHECK(render("Yth. {panggilan} {nama} [{posyandu}]", c) == "Yth. Bapak/Ibu Siti Aminah []");
  CHECK(render("{panggilan|Saudara}", c) == "Saudara");
}

TEST_CASE("doubled braces are literal braces, spaces around a name are ignored",
          "[broadcast][template]") {
  CHECK(render("{{nama}} = { Nama }}}", siti()) == "{nama} = Siti Aminah}");
}

TEST_CASE("a template that does not parse says where", "[broadcast][template]") {
  CHECK_THROWS_WITH(message_template::parse("Halo {nama"), Catch::Contains("character 6"));
  CHECK_THROWS_WITH(message_template::parse("Halo nama}"), Catch::Contains("closes nothing"));
  CHECK_THROWS_WITH(message_template::parse("Halo {|Kader}"), Catch::Contains("no name"));
  CHECK_THROWS_AS(message_template::parse("Halo {na{ma}"), template_error);
}

TEST_CASE("every unknown placeholder is listed, fields of any recipient are known",
          "[broadcast][template]") {
  const auto t = message_template::parse("{nama} {jabatan} {nmaa|Kader} {acara} {rt} {nmaa}");
  contact without_fields = siti();
  without_fields.fields.clear();
  const std::map<std::string, std::string> extras = {{"acara", "Rapat"}};
  CHECK(unknown_placeholders(t, {without_fields, siti()}, extras) ==
        std::vector<std::string>{"nmaa", "rt"});
  CHECK(unknown_placeholders(t, {without_fields}, extras) ==
        std::vector<std::string>{"jabatan", "nmaa", "rt"});
}

TEST_CASE("a template without placeholders renders as written", "[broadcast][template]") {
  const auto t = message_template::parse("Posyandu libur besok.");
  CHECK(t.names().empty());
  CHECK(t.render({siti(), no_extras, "", ""}) == "Posyandu libur besok.");
}
