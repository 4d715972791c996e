# gumbo for the WASM build, compiled from source as the static C library `caiji_gumbo`.
#
# The native build links Debian's libgumbo-dev 0.10.1. Emscripten cannot use that shared library,
# so the same release is compiled here. Its source comes from the npm package gumbo-parser@0.3.0,
# which vendors gumbo 0.10.1 under deps/gumbo-parser/src and is pinned by integrity hash in the
# committed wasm/gumbo/package-lock.json. `npm ci` installs it into the build tree at configure
# time (nothing is written to the source tree) and --ignore-scripts keeps the package's node-gyp
# build of its Node binding from running: only the C files are used.

find_program(CAIJI_NPM npm REQUIRED)

set(_gumbo_pin ${PROJECT_SOURCE_DIR}/wasm/gumbo)
set(_gumbo_npm ${CMAKE_BINARY_DIR}/gumbo-npm)
set(_gumbo_src ${_gumbo_npm}/node_modules/gumbo-parser/deps/gumbo-parser/src)

# configure_file registers both files as configure dependencies: editing the pin re-runs CMake.
configure_file(${_gumbo_pin}/package.json ${_gumbo_npm}/package.json COPYONLY)
configure_file(${_gumbo_pin}/package-lock.json ${_gumbo_npm}/package-lock.json COPYONLY)

# Reinstall only when the lock changed since the last install (or the tree was deleted).
file(SHA256 ${_gumbo_npm}/package-lock.json _gumbo_lock_hash)
set(_gumbo_stamp ${_gumbo_npm}/installed-lock.sha256)
set(_gumbo_installed_hash "")
if(EXISTS ${_gumbo_stamp} AND EXISTS ${_gumbo_src}/parser.c)
  file(READ ${_gumbo_stamp} _gumbo_installed_hash)
endif()
if(NOT _gumbo_installed_hash STREQUAL _gumbo_lock_hash)
  message(STATUS "Installing gumbo-parser from npm into ${_gumbo_npm}")
  execute_process(
    COMMAND ${CAIJI_NPM} ci --ignore-scripts --no-audit --no-fund --prefix ${_gumbo_npm}
    WORKING_DIRECTORY ${_gumbo_npm}
    RESULT_VARIABLE _gumbo_npm_rc
    OUTPUT_VARIABLE _gumbo_npm_out
    ERROR_VARIABLE _gumbo_npm_out)
  if(NOT _gumbo_npm_rc EQUAL 0)
    message(FATAL_ERROR "npm ci for gumbo-parser failed (exit ${_gumbo_npm_rc}); the WASM build needs "
                        "the npm registry once per build tree.\n${_gumbo_npm_out}")
  endif()
  file(WRITE ${_gumbo_stamp} ${_gumbo_lock_hash})
endif()

# The parity test compares against Debian's 0.10.1; refuse any other release.
file(STRINGS ${_gumbo_npm}/node_modules/gumbo-parser/deps/gumbo-parser/configure.ac _gumbo_init
     REGEX "^AC_INIT")
if(NOT _gumbo_init MATCHES "\\[gumbo\\], \\[0\\.10\\.1\\]")
  message(FATAL_ERROR "gumbo-parser from npm does not hold gumbo 0.10.1: ${_gumbo_init}")
endif()

add_library(caiji_gumbo STATIC
  ${_gumbo_src}/attribute.c
  ${_gumbo_src}/char_ref.c
  ${_gumbo_src}/error.c
  ${_gumbo_src}/parser.c
  ${_gumbo_src}/string_buffer.c
  ${_gumbo_src}/string_piece.c
  ${_gumbo_src}/tag.c
  ${_gumbo_src}/tokenizer.c
  ${_gumbo_src}/utf8.c
  ${_gumbo_src}/util.c
  ${_gumbo_src}/vector.c)
set_target_properties(caiji_gumbo PROPERTIES C_STANDARD 99 C_EXTENSIONS ON)
# Third-party code keeps its own warnings quiet; caiji_warnings() is for our targets only.
target_compile_options(caiji_gumbo PRIVATE -w)
target_include_directories(caiji_gumbo PRIVATE ${_gumbo_src})

# Only the two public headers are exposed (as in /usr/include on Debian). The src directory also
# holds util.h, vector.h, error.h, parser.h..., which must not shadow anything in our code.
file(COPY ${_gumbo_src}/gumbo.h ${_gumbo_src}/tag_enum.h DESTINATION ${CMAKE_BINARY_DIR}/gumbo-include)
target_include_directories(caiji_gumbo SYSTEM INTERFACE ${CMAKE_BINARY_DIR}/gumbo-include)
