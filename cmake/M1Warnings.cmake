# Warnings for the project's own targets. Third-party headers come in as SYSTEM includes
# so their warnings never hide ours.
add_library(m1_warnings INTERFACE)
add_library(M1::Warnings ALIAS m1_warnings)
target_compile_options(m1_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
# gcc's local-only shadow warning. Clang (the sanitizer presets) has no local-only variant and
# rejects the option, which -Werror turns into a failed build.
target_compile_options(m1_warnings INTERFACE $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>)
option(M1_WERROR "Treat warnings in the project's code as errors" OFF)
add_feature_info(Werror M1_WERROR "warnings are errors")
if(M1_WERROR)
    target_compile_options(m1_warnings INTERFACE -Werror)
endif()
target_compile_definitions(m1_warnings INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS)
