# m1_add_test(<name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>] [TIMEOUT <s>])
# One Qt Test executable per class or behaviour, registered with ctest under its own name.
# Tests find shared data through environment variables rather than compiled-in paths
# where they can, so a test binary can be re-run by hand against other data.
function(m1_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test M1::Warnings ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        M1_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        M1_CORPUS_DIR="${M1_OPENAPI_CORPUS_DIR}"
        M1_BINARY_DIR="${PROJECT_BINARY_DIR}")
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false;${ARG_ENVIRONMENT}")
endfunction()
