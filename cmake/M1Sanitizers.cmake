# Sanitizer builds (the asan and tsan presets) and the libFuzzer switch. Included before any
# target is made, so every target of the tree — engine, console, tests, fuzzers — is built the
# same way: ASan, UBSan and TSan all want every object of a process instrumented.
#
#   M1_SANITIZE=address,undefined  ASan + UBSan (+ LSan); every report aborts the process
#   M1_SANITIZE=thread             TSan
#   M1_FUZZ=ON                     tests/fuzz: libFuzzer targets (clang, with address,undefined)
#
# Qt, yaml-cpp, hiredis and simdjson come from Debian uninstrumented. What that means for each
# check is written down beside it.
set(M1_SANITIZE "" CACHE STRING "Sanitizers for every target: empty, address,undefined or thread")
set_property(CACHE M1_SANITIZE PROPERTY STRINGS "" "address,undefined" "thread")
option(M1_FUZZ "Build the libFuzzer targets in tests/fuzz (clang; needs M1_SANITIZE=address,undefined)" OFF)
add_feature_info(Sanitizers M1_SANITIZE "every target built with -fsanitize=${M1_SANITIZE}")
add_feature_info(Fuzzing M1_FUZZ "libFuzzer targets in tests/fuzz")

if(M1_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "M1_FUZZ needs clang (libFuzzer comes with clang's runtime: "
                            "apt install clang libclang-rt-14-dev), not ${CMAKE_CXX_COMPILER_ID}")
    endif()
    if(NOT M1_SANITIZE STREQUAL "address,undefined")
        message(FATAL_ERROR "M1_FUZZ runs the fuzzers under ASan+UBSan: set M1_SANITIZE=address,undefined")
    endif()
endif()

# Unity builds for the engine libraries: a sanitizer preset builds the whole tree a second time
# (a third, with tsan), and much of a Qt translation unit's cost is parsing the same Qt headers
# again; compiling each engine library as a few batches of its sources halves that part. Only
# the engine's libraries (not m1bot, the console or the tests): they keep file-local names unique
# within a library, because the anonymous namespaces of one batch are merged (two files may not
# both define, say, `kOptions`). The default build does not use it, so a collision shows only
# here, as a plain redefinition error: rename one of the two.
option(M1_UNITY_ENGINE "Compile each engine library as unity batches (the sanitizer presets)" OFF)
add_feature_info(UnityEngine M1_UNITY_ENGINE "engine libraries built as unity batches")
# Extra compile options for the engine's targets only (its libraries and m1bot). The asan preset
# builds at -O0 (the cheapest compile, and tests, console and fuzz drivers are not hot) but gives
# the engine -O1: at -O0 every std::vector::operator[] of the classifier's training and the
# search kernels is a call plus a shadow check, and each engine start-up in the tests (m1bot
# processes, the in-process bot) took 3-4 times its -O1 time.
set(M1_ENGINE_COMPILE_OPTIONS "" CACHE STRING "Extra compile options for the engine's targets (e.g. -O1 in the asan preset)")
function(m1_engine_targets_setup)
    get_property(folders DIRECTORY "${PROJECT_SOURCE_DIR}/engine" PROPERTY SUBDIRECTORIES)
    foreach(folder IN LISTS folders)
        get_property(targets DIRECTORY "${folder}" PROPERTY BUILDSYSTEM_TARGETS)
        foreach(target IN LISTS targets)
            get_target_property(type ${target} TYPE)
            if(M1_UNITY_ENGINE AND type STREQUAL "STATIC_LIBRARY")
                set_target_properties(${target} PROPERTIES UNITY_BUILD ON)
            endif()
            if(M1_ENGINE_COMPILE_OPTIONS AND type MATCHES "^(STATIC_LIBRARY|EXECUTABLE)$")
                target_compile_options(${target} PRIVATE ${M1_ENGINE_COMPILE_OPTIONS})
            endif()
        endforeach()
    endforeach()
endfunction()
if(M1_UNITY_ENGINE OR M1_ENGINE_COMPILE_OPTIONS)
    cmake_language(DEFER DIRECTORY "${PROJECT_SOURCE_DIR}" CALL m1_engine_targets_setup)
endif()

if(M1_SANITIZE STREQUAL "")
    return()
elseif(M1_SANITIZE STREQUAL "address,undefined")
    # vptr is left out: it checks the dynamic type of every polymorphic object our code touches
    # against type information, and half of every QObject hierarchy lives in uninstrumented Qt
    # (objects half-destroyed inside ~QObject while our slots still run, moc's casts); it costs
    # compile time on every member call for reports that are about Qt's object model, not us.
    # Every other UBSan check stays on, and -fno-sanitize-recover makes each report fatal so a
    # test that trips one fails.
    set(m1_sanitize_flags -fsanitize=address,undefined -fno-sanitize=vptr
                          -fno-sanitize-recover=all)
elseif(M1_SANITIZE STREQUAL "thread")
    set(m1_sanitize_flags -fsanitize=thread)
else()
    message(FATAL_ERROR "M1_SANITIZE must be empty, address,undefined or thread (not '${M1_SANITIZE}')")
endif()

# Readable stacks at little cost: frame pointers for the unwinder, line tables only (no full
# debug info: it is most of the object size and link time of a Qt build, and symbolizing a
# report needs nothing more).
add_compile_options(${m1_sanitize_flags} -fno-omit-frame-pointer)
add_link_options(${m1_sanitize_flags})
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    add_compile_options(-gline-tables-only)
endif()

# Where the run-time options and suppressions live (scripts/sanitize.sh and the fuzz tests
# point ASAN_OPTIONS/LSAN_OPTIONS/TSAN_OPTIONS at them).
set(M1_SANITIZER_DIR "${PROJECT_SOURCE_DIR}/tests/sanitizers")
