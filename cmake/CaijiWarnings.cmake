# Warnings for our own targets only; third-party C (gumbo in the WASM build) keeps its own flags.
function(caiji_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(CAIJI_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
