# Warnings for our own targets only; third-party C (gumbo in the WASM build) keeps its own flags.
function(caiji_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 at -O2/-O3 reports std::string operator+ as overlapping memcpy (a false positive in
    # libstdc++'s inlined code, GCC bug 105329); it would break the release preset.
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(CAIJI_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
