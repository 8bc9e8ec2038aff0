# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package (tools/build-deb.sh: prefix /usr, web root /usr/share/siaran/web, then
# `cpack -G DEB`). The programs install from their own folders; this file installs the rest
# and describes the package. packaging/deb/ holds the maintainer scripts and Debian docs.
include(GNUInstallDirs)  # with prefix /usr, SYSCONFDIR is /etc (not /usr/etc)

set(deb_dir ${PROJECT_SOURCE_DIR}/packaging/deb)

# Where Debian 12's own packages put these (its systemd.pc says the same): units stay in
# /lib/systemd/system until the /usr move of trixie (DEP 17). Not CMAKE_INSTALL_LIBDIR: on
# Debian that is the multiarch lib/x86_64-linux-gnu, where systemd does not look.
install(FILES systemd/siaran.service DESTINATION /lib/systemd/system)
install(FILES systemd/siaran.sysusers.conf DESTINATION lib/sysusers.d RENAME siaran.conf)
install(FILES systemd/siaran.tmpfiles.conf DESTINATION lib/tmpfiles.d RENAME siaran.conf)
install(FILES config/siaran.package.yaml DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/siaran RENAME siaran.yaml)
install(DIRECTORY web/ DESTINATION ${CMAKE_INSTALL_DATADIR}/siaran/web)

# Examples are for reading and copying, not for udev or siarand to pick up as they are.
install(FILES config/siaran.example.yaml systemd/99-siaran-modems.rules.example
  DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
install(FILES README.md ${deb_dir}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${deb_dir}/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
  RENAME siaran)

# Debian wants the changelog and manual pages compressed with gzip -9 and no timestamp
# (reproducible builds); made at configure time, which re-runs when a source changes.
function(siaran_install_gzipped source destination)
  get_filename_component(name ${source} NAME)
  set(gz ${PROJECT_BINARY_DIR}/gzipped/${name}.gz)
  file(MAKE_DIRECTORY ${PROJECT_BINARY_DIR}/gzipped)
  execute_process(COMMAND gzip -9nc ${source} OUTPUT_FILE ${gz} COMMAND_ERROR_IS_FATAL ANY)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${source})
  install(FILES ${gz} DESTINATION ${destination} ${ARGN})
endfunction()
siaran_install_gzipped(${deb_dir}/changelog ${CMAKE_INSTALL_DOCDIR} RENAME changelog.Debian.gz)
foreach(page siaran.1 siaran-modemsim.1 siaran-smscsim.1 siaran-bench.1 siarand.8)
  string(REGEX REPLACE ".*\\." "man" section ${page})  # siarand.8 -> man8
  siaran_install_gzipped(${PROJECT_SOURCE_DIR}/docs/man/${page} ${CMAKE_INSTALL_MANDIR}/${section})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME siaran)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# A Debian revision, so packaging fixes need no new upstream version: siaran_0.1.0-1_amd64.deb.
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGE_CONTACT "Siaran maintainers <maintainers@users.noreply.h-seed-33d1be08.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "SMS broadcast gateway over USB GSM modems")
# Lines under 80 columns (Debian policy 5.6.13); CPack indents them and keeps "." lines.
set(CPACK_PACKAGE_DESCRIPTION "\
Siaran sends one message as personal SMS to many recipients through a pool
of USB GSM modems, and routes the replies back to the officer who sent it.
It is made for a district Posyandu working group on one office PC without
internet.
.
This package holds the daemon siarand (a systemd service with a web page
and an HTTP API on 127.0.0.1:8080), the command-line client siaran, the
modem simulator siaran-modemsim, the SMSC simulator siaran-smscsim and the
benchmark siaran-bench. Until real modems are configured, the daemon runs
one simulated modem.")
set(CPACK_DEBIAN_PACKAGE_SECTION comm)  # Debian's section for modem programs
# Libraries from dpkg-shlibdeps; what is used by path rather than linked, by hand: the web
# page's scripts, the time zones, systemd for the unit and the postinst's sysusers/tmpfiles.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libjs-bootstrap5, node-popper2, libjs-chart.js, tzdata, systemd")
# Many Huawei and ZTE sticks show up as a USB CD-ROM until switched to modem mode.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS usb-modeswitch)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${deb_dir}/conffiles ${deb_dir}/postinst ${deb_dir}/prerm ${deb_dir}/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)  # 0644/0755 whatever the checkout has
set(CPACK_STRIP_FILES ON)
include(CPack)
