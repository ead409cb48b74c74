# Command-line tests: the rule folders' examples, golden CLI transcripts.
if(TARGET stayput)
  add_test(NAME rules.examples COMMAND stayput test ${CMAKE_SOURCE_DIR}/rules
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  file(GLOB GOLDEN_CASES LIST_DIRECTORIES true ${CMAKE_CURRENT_SOURCE_DIR}/golden/*)
  foreach(case ${GOLDEN_CASES})
    if(IS_DIRECTORY ${case} AND EXISTS ${case}/cmd)
      get_filename_component(name ${case} NAME)
      add_test(NAME golden.${name}
               COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/golden/run_golden.sh $<TARGET_FILE:stayput> ${case}
               WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    endif()
  endforeach()
endif()

# Differential test: an independent Python reading of the contract
# (tests/oracle/oracle.py) against the engine, on generated boundary cases.
find_package(Python3 COMPONENTS Interpreter)
if(TARGET stayput AND Python3_FOUND)
  foreach(council england west-berkshire)
    add_test(NAME oracle.${council}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/oracle/diff_test.py
                     --stayput $<TARGET_FILE:stayput> --council ${council}
                     --rules ${CMAKE_SOURCE_DIR}/rules --seed 1 --count 2000
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  endforeach()
endif()
