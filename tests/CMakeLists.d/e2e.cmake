# The browser extension end to end, in real Chromium (tests/e2e/run.mjs): the unpacked extension
# with the WASM parser from the wasm build, the `caiji` host built here registered in a fresh
# profile, a local HTTPS server playing the supported sites. About 40 s; it runs alone so that the
# browser's timing does not compete with the other suites on a 2-core machine. Label e2e, so
# `ctest -LE e2e` leaves it out.
#
# Needs Debian's chromium and openssl, and `npm ci` in tests/e2e (scripts/bootstrap does all
# three). Like the parity test, it fails (never skips) when something it needs is missing.

set(CAIJI_WASM_DIR ${PROJECT_SOURCE_DIR}/build/wasm CACHE PATH
    "Build directory of the wasm preset, whose dist/ the parity test loads")
find_program(CAIJI_NODE node)
find_program(CAIJI_CHROMIUM NAMES chromium chromium-browser)

if(CAIJI_NODE AND CAIJI_CHROMIUM)
  add_test(NAME extension_collects_in_chromium
    COMMAND ${CAIJI_NODE} ${CMAKE_CURRENT_SOURCE_DIR}/e2e/run.mjs
            --caiji $<TARGET_FILE:caiji>
            --wasm-dir ${CAIJI_WASM_DIR}/dist
            --chromium ${CAIJI_CHROMIUM})
else()
  add_test(NAME extension_collects_in_chromium
    COMMAND ${CMAKE_COMMAND} -E echo "e2e: FAILED: node and chromium are needed (scripts/bootstrap installs them)")
  set_tests_properties(extension_collects_in_chromium PROPERTIES FAIL_REGULAR_EXPRESSION "e2e: FAILED")
endif()
set_tests_properties(extension_collects_in_chromium PROPERTIES
  LABELS "e2e"
  RUN_SERIAL TRUE
  TIMEOUT 300)
