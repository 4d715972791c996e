# The browser's parser (WASM) and the host's (native) give the same bytes for every fixture page.
#
# The WASM side is a separate build tree made with Emscripten (`emcmake cmake --preset wasm`,
# `cmake --build --preset wasm`); this test only reads its output. When that output is missing the
# test fails and says how to build it: a parity test that passes without a WASM build would hide
# exactly the drift it exists to catch.

set(CAIJI_WASM_DIR ${PROJECT_SOURCE_DIR}/build/wasm CACHE PATH
    "Build directory of the wasm preset, whose dist/ the parity test loads")

find_program(CAIJI_NODE node)
if(CAIJI_NODE)
  add_test(NAME wasm_and_native_parsers_agree_on_every_fixture
    COMMAND ${CAIJI_NODE} ${CMAKE_CURRENT_SOURCE_DIR}/parity/parity.mjs
            --native $<TARGET_FILE:caiji>
            --wasm-dir ${CAIJI_WASM_DIR})
else()
  # Still registered, so that a machine without node shows a failing test rather than none.
  add_test(NAME wasm_and_native_parsers_agree_on_every_fixture
    COMMAND ${CMAKE_COMMAND} -E echo "parity: FAILED: node (v20 or later) is needed to run the WASM parser")
  set_tests_properties(wasm_and_native_parsers_agree_on_every_fixture PROPERTIES
    FAIL_REGULAR_EXPRESSION "parity: FAILED")
endif()
set_tests_properties(wasm_and_native_parsers_agree_on_every_fixture PROPERTIES
  LABELS "parity"
  TIMEOUT 300)
