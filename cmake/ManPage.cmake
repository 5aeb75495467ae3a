# Writes gilscope.1.gz from the binary's own help: "gilscope --help" through help2man, with the
# record, attach and calibrate commands' --help as sections of their own. Run by the build:
#   cmake -DGILSCOPE=path/to/gilscope -DOUT=gilscope.1.gz -DWORK=dir -P ManPage.cmake
foreach(var GILSCOPE OUT WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "ManPage.cmake: -D${var}= is required")
  endif()
endforeach()
find_program(HELP2MAN help2man REQUIRED)
find_program(GZIP gzip REQUIRED)

# Help text as roff: no-fill, with backslashes and leading dots or quotes made literal.
function(help_section command out)
  execute_process(COMMAND ${GILSCOPE} ${command} --help OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gilscope ${command} --help failed: ${rc}")
  endif()
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} ".nf\n${text}.fi\n" PARENT_SCOPE)
endfunction()

help_section(record record_help)
help_section(attach attach_help)
help_section(calibrate calibrate_help)
set(include "${WORK}/gilscope.h2m")
file(WRITE "${include}" "[NAME]
gilscope \\- see how Python threads are scheduled under the Global Interpreter Lock

[GILSCOPE RECORD]
${record_help}
[GILSCOPE ATTACH]
${attach_help}
[GILSCOPE CALIBRATE]
${calibrate_help}
[ENVIRONMENT]
.TP
.B GILSCOPE_RECORDER_DIR
Where the recorder scripts are (default: the installed /usr/share/gilscope/recorder).
.TP
.B QT_QPA_PLATFORM
The Qt platform of the window; image exports without a window use offscreen unless it is set.
.TP
.B GILSCOPE_DEBUG
Set to 1 to let Qt's own warnings through in a headless run.

[FILES]
.TP
.I ~/.config/gilscope/gilscope.conf
The window's settings: layout, colours, recent files, the last scenario.
.TP
.I ~/.local/share/gilscope/machines/
Machine profiles saved by \\fBgilscope calibrate\\fR.

[SEE ALSO]
.BR python3 (1)
")
execute_process(
  COMMAND ${HELP2MAN} --no-info --section=1 --include=${include}
          --output=${WORK}/gilscope.1 ${GILSCOPE}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed: ${rc}")
endif()
# -n: no name or time stamp in the gzip header, so the package builds reproducibly.
execute_process(COMMAND ${GZIP} -9nc ${WORK}/gilscope.1 OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip failed: ${rc}")
endif()
