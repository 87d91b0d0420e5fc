# The sanitizer presets compile every test a second time, and most of a test's compile time is
# parsing QtCore and QtTest. With M1_TEST_PCH they are precompiled once (m1_test_pch) and every
# test reuses that. Qt6::Test is not linked to it: its QT_TESTCASE_BUILDDIR/SOURCEDIR differ per
# test folder, and clang refuses a precompiled header built with another value of a macro. A
# folder whose tests use Qt Gui or Widgets sets M1_TEST_NO_PCH: QtTest's Gui and Widgets parts
# depend on macros this header was built without.
option(M1_TEST_PCH "Precompile QtCore and QtTest once for the engine's tests (the sanitizer presets)" OFF)
add_feature_info(TestPch M1_TEST_PCH "tests share one precompiled QtCore + QtTest")
if(M1_TEST_PCH AND NOT TARGET m1_test_pch)
    # CONFIGURE writes only when the content changes, so a reconfigure does not rebuild it.
    file(CONFIGURE OUTPUT "${PROJECT_BINARY_DIR}/m1_test_pch.cpp"
         CONTENT "// the object m1_test_pch's header is built with\n")
    add_library(m1_test_pch OBJECT "${PROJECT_BINARY_DIR}/m1_test_pch.cpp")
    target_link_libraries(m1_test_pch PRIVATE Qt6::Core M1::Warnings)
    target_include_directories(m1_test_pch SYSTEM PRIVATE
        $<TARGET_PROPERTY:Qt6::Test,INTERFACE_INCLUDE_DIRECTORIES>)
    target_compile_definitions(m1_test_pch PRIVATE QT_TESTLIB_LIB)
    target_precompile_headers(m1_test_pch PRIVATE <QtCore/QtCore> <QtTest/QtTest>)
endif()

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
    if(M1_TEST_PCH AND NOT M1_TEST_NO_PCH)
        target_precompile_headers(${name} REUSE_FROM m1_test_pch)
    endif()
    add_test(NAME ${name} COMMAND ${name})
    # The engine's threaded tests (listed in tests/CMakeLists.txt): the tsan preset builds only
    # these, through m1_threaded_tests, and runs them by their label.
    if(name IN_LIST M1_THREADED_TESTS)
        list(APPEND ARG_LABELS threaded)
        add_dependencies(m1_threaded_tests ${name})
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=*.debug=false;${ARG_ENVIRONMENT}")
endfunction()
