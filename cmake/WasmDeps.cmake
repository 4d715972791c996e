# Toolchain-wide settings and header-only dependencies for the Emscripten build.

# nlohmann/json throws internally (parse errors, type errors) and the parser catches them, so
# exception catching must be on in every translation unit and at link time. Emscripten 3.1.6
# disables catching by default. -fwasm-exceptions uses WebAssembly's own exception handling
# (Chrome 95+, node 17+) instead of -fexceptions' JS-based unwinding, which routes every call
# that may throw through a JS trampoline: that cost a 1688 page 40 % of its time in node.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)

# 128-bit SIMD (Chrome 91+, node 16.4+): the byte searches in core/util/text.cpp use it, and the
# compiler may vectorize other loops.
add_compile_options(-msimd128)

# nlohmann/json: header-only, taken from Debian's nlohmann-json3-dev so that native and WASM use
# the same release. /usr/include is outside Emscripten's sysroot and cannot be added wholesale:
# glibc headers there would shadow the sysroot's musl headers. The build tree gets an include
# directory holding only a link to the nlohmann folder.
set(CAIJI_NLOHMANN_JSON_INCLUDE_DIR /usr/include CACHE PATH
    "Directory that contains nlohmann/json.hpp (the WASM build exposes only its nlohmann folder)")
set(_nlohmann_header ${CAIJI_NLOHMANN_JSON_INCLUDE_DIR}/nlohmann/json.hpp)
if(NOT EXISTS ${_nlohmann_header})
  message(FATAL_ERROR "nlohmann/json.hpp not found under ${CAIJI_NLOHMANN_JSON_INCLUDE_DIR}; "
                      "install nlohmann-json3-dev or set CAIJI_NLOHMANN_JSON_INCLUDE_DIR")
endif()
# 3.11 moved the version macros from json.hpp into detail/abi_macros.hpp.
set(_nlohmann_version_header ${CAIJI_NLOHMANN_JSON_INCLUDE_DIR}/nlohmann/detail/abi_macros.hpp)
if(NOT EXISTS ${_nlohmann_version_header})
  set(_nlohmann_version_header ${_nlohmann_header})
endif()
file(STRINGS ${_nlohmann_version_header} _nlohmann_version
     REGEX "#define NLOHMANN_JSON_VERSION_(MAJOR|MINOR) ")
string(REGEX REPLACE ".*MAJOR ([0-9]+).*MINOR ([0-9]+).*" "\\1.\\2" _nlohmann_version "${_nlohmann_version}")
if(_nlohmann_version VERSION_LESS 3.10)
  message(FATAL_ERROR "nlohmann/json ${_nlohmann_version} is older than 3.10 (the native build's minimum)")
endif()

set(_nlohmann_root ${CMAKE_BINARY_DIR}/nlohmann-include)
file(MAKE_DIRECTORY ${_nlohmann_root})
file(CREATE_LINK ${CAIJI_NLOHMANN_JSON_INCLUDE_DIR}/nlohmann ${_nlohmann_root}/nlohmann
     SYMBOLIC COPY_ON_ERROR)

# Same target name as nlohmann's own CMake package, so core/ links it identically in both builds.
# Imported targets' include directories are treated as system headers, as in the native build.
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES ${_nlohmann_root})

# Debian's emscripten runs its JavaScript optimizer (acorn) on node at link time and finds acorn
# only through NODE_PATH. Setting it for the link step here means `cmake --build --preset wasm`
# works from any shell, not only one that exported NODE_PATH.
set(CAIJI_EMSCRIPTEN_NODE_PATH /usr/share/nodejs CACHE PATH
    "NODE_PATH for emscripten's link step (where node-acorn is installed)")
if(EXISTS ${CAIJI_EMSCRIPTEN_NODE_PATH}/acorn)
  set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=${CAIJI_EMSCRIPTEN_NODE_PATH})
endif()
