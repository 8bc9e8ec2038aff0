# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DUNIT=path/to/siaran.service -P verify_unit.cmake
# Runs `systemd-analyze verify` on UNIT and fails on any message about it (unknown keys,
# bad values, a missing executable); messages about other units of the host are ignored.
if(NOT UNIT)
  message(FATAL_ERROR "usage: cmake -DUNIT=FILE -P verify_unit.cmake")
endif()
find_program(SYSTEMD_ANALYZE systemd-analyze REQUIRED)
get_filename_component(unit_name "${UNIT}" NAME)
execute_process(
  COMMAND ${SYSTEMD_ANALYZE} verify --man=no "${UNIT}"
  RESULT_VARIABLE result
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
string(REPLACE "\n" ";" lines "${out}${err}")
set(relevant "")
foreach(line IN LISTS lines)
  if(line MATCHES "${unit_name}")
    string(APPEND relevant "${line}\n")
  endif()
endforeach()
if(NOT result EQUAL 0 OR NOT relevant STREQUAL "")
  message(FATAL_ERROR "systemd-analyze verify ${UNIT} (exit ${result}):\n${relevant}\n--- full output:\n${out}${err}")
endif()
message(STATUS "${unit_name}: systemd-analyze verify is clean")
