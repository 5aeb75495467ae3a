# Installation and the Debian package (cpack -G DEB in the build directory; scripts/package
# builds it and runs lintian). Desktop integration files are in resources/desktop, the Debian
# copyright and changelog in resources/debian.
include(GNUInstallDirs)

set(desktop ${PROJECT_SOURCE_DIR}/resources/desktop)
set(generated ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${generated})

# The .desktop file, the AppStream metainfo and the MIME types.
install(FILES ${desktop}/gilscope.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications
        RENAME ${GILSCOPE_APP_ID}.desktop)
configure_file(${desktop}/gilscope.metainfo.xml.in ${generated}/${GILSCOPE_APP_ID}.metainfo.xml
               @ONLY)
install(FILES ${generated}/${GILSCOPE_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${desktop}/gilscope.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages)
install(FILES ${desktop}/gilscope.bash-completion
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME gilscope)

# Icons: the SVG, and PNGs at the hicolor sizes rendered from it by Qt's SVG renderer at build time.
install(FILES ${desktop}/gilscope.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
set(icon_sizes 16 22 24 32 48 64 128 256 512)
set(icon_pngs)
foreach(size ${icon_sizes})
  list(APPEND icon_pngs ${generated}/icons/${size}x${size}/apps/gilscope.png)
endforeach()
add_executable(gilscope_svgicon ${PROJECT_SOURCE_DIR}/tools/svgicon/main.cpp)
target_link_libraries(gilscope_svgicon PRIVATE Qt6::Svg Qt6::Gui)
add_custom_command(OUTPUT ${icon_pngs}
                   COMMAND gilscope_svgicon ${desktop}/gilscope.svg ${generated}/icons ${icon_sizes}
                   DEPENDS gilscope_svgicon ${desktop}/gilscope.svg
                   COMMENT "Rendering the hicolor PNG icons")
add_custom_target(gilscope_icons ALL DEPENDS ${icon_pngs})
install(DIRECTORY ${generated}/icons/ DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor)

# The man page, from the binary's --help through help2man (skipped, with a note, without it).
find_program(HELP2MAN help2man)
if(HELP2MAN)
  add_custom_command(OUTPUT ${generated}/gilscope.1.gz
                     COMMAND ${CMAKE_COMMAND} -DGILSCOPE=$<TARGET_FILE:gilscope>
                             -DOUT=${generated}/gilscope.1.gz -DWORK=${generated}
                             -P ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake
                     DEPENDS gilscope ${PROJECT_SOURCE_DIR}/cmake/ManPage.cmake
                     COMMENT "Writing the man page gilscope(1) from gilscope --help")
  add_custom_target(gilscope_manpage ALL DEPENDS ${generated}/gilscope.1.gz)
  install(FILES ${generated}/gilscope.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page (apt-get install help2man)")
endif()

# Debian's copyright file and changelog (compressed the way Debian wants: -9, no time stamp).
install(FILES ${PROJECT_SOURCE_DIR}/resources/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
configure_file(${PROJECT_SOURCE_DIR}/resources/debian/changelog.in ${generated}/changelog @ONLY)
add_custom_command(OUTPUT ${generated}/changelog.gz
                   COMMAND gzip -9nc ${generated}/changelog > ${generated}/changelog.gz
                   DEPENDS ${generated}/changelog)
add_custom_target(gilscope_changelog ALL DEPENDS ${generated}/changelog.gz)
install(FILES ${generated}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/recorder/ DESTINATION ${CMAKE_INSTALL_DATADIR}/gilscope/recorder
        USE_SOURCE_PERMISSIONS PATTERN "__pycache__" EXCLUDE)

set(CPACK_PACKAGE_NAME gilscope)
set(CPACK_PACKAGE_VENDOR "GIL Scope")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "see how Python threads are scheduled under the GIL")
# Debian's extended description, under the summary (cpack indents each line by one space).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "GIL Scope shows, thread by thread, how Python schedules threads under the
Global Interpreter Lock. It simulates a workload of CPU-bound and I/O-bound
workers under a chosen interpreter (Python 2's legacy GIL, the 3.2+ GIL or
a free-threaded build) and executor (threading, multiprocessing, asyncio,
subinterpreters) and draws every thread's states and lock events as a
timeline.
.
It records real Python scripts for comparison with the simulation, advises
which executor fits a workload, and exports slides (PNG, SVG, PDF), traces
for Perfetto and metrics as JSON, with or without a window.")
set(CPACK_PACKAGE_CONTACT "${GILSCOPE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${GILSCOPE_MAINTAINER}")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_STRIP_FILES ON)
# Libraries found by dpkg-shlibdeps, and Python 3 for record and calibrate.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "python3")
# Qt's own translations of its dialogs' buttons.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# Video exports (--export OUT.mp4|webm|gif) are encoded by ffmpeg.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "ffmpeg")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${GILSCOPE_HOMEPAGE}")
include(CPack)
