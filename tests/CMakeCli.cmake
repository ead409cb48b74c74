# Command-line tests: golden transcripts (one ctest test per folder of
# tests/golden/), the examples written in the bundled rules, and the oracle.
if(TARGET stayput)
  find_program(BASH_EXECUTABLE bash REQUIRED)
  file(GLOB GOLDEN_CMDS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/golden/*/cmd)
  foreach(cmd ${GOLDEN_CMDS})
    get_filename_component(case ${cmd} DIRECTORY)
    get_filename_component(name ${case} NAME)
    add_test(NAME golden.${name}
             COMMAND ${BASH_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/golden/run_golden.sh
                     --bin $<TARGET_FILE:stayput> ${name}
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  endforeach()

  add_test(NAME rules.examples COMMAND stayput test ${CMAKE_SOURCE_DIR}/rules
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

  # A receipt of every bundled example case verifies; a changed figure is named.
  add_test(NAME receipt.examples
           COMMAND ${BASH_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/receipt/verify_examples.sh
                   $<TARGET_FILE:stayput>
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  # The bundled rule files and the bench policy are in the canonical layout.
  add_test(NAME fmt.bundled COMMAND stayput fmt --check rules tools/bench/policy
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
endif()

# stayput fmt is idempotent on every rule file of the repository and the docs.
find_package(Python3 COMPONENTS Interpreter)
if(TARGET stayput AND Python3_FOUND)
  add_test(NAME fmt.idempotent
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/fmt/test_idempotent.py
                   $<TARGET_FILE:stayput> ${CMAKE_SOURCE_DIR})
endif()

# Differential test: an independent Python reading of the contract
# (tests/oracle/oracle.py) against the engine, on generated boundary cases.
find_package(Python3 COMPONENTS Interpreter)
if(TARGET stayput AND Python3_FOUND)
  foreach(council england west-berkshire calderdale)
    add_test(NAME oracle.${council}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/oracle/diff_test.py
                     --stayput $<TARGET_FILE:stayput> --council ${council}
                     --rules ${CMAKE_SOURCE_DIR}/rules --seed 1 --count 2000
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  endforeach()
endif()

# stayput diff on West Berkshire with a row of its payments table changed,
# against an independent reading of which cases change and by how much.
if(TARGET stayput AND Python3_FOUND)
  add_test(NAME diff.west-berkshire
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/diff/test_diff_west_berkshire.py
                   --stayput $<TARGET_FILE:stayput> --rules ${CMAKE_SOURCE_DIR}/rules
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
endif()
