# Debian package: `cpack -G DEB` in the build folder. Run-time Qt plugins are not found by
# shlibdeps (they are loaded with dlopen), so they are named here.
install(FILES ${PROJECT_SOURCE_DIR}/resources/shelfsense.desktop DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/shelfsense.svg DESTINATION share/icons/hicolor/scalable/apps)
install(PROGRAMS ${PROJECT_SOURCE_DIR}/scripts/install-model.sh DESTINATION share/shelfsense RENAME shelfsense-install-model)

set(CPACK_PACKAGE_NAME shelfsense)
set(CPACK_PACKAGE_VENDOR "ShelfSense")
set(CPACK_PACKAGE_CONTACT "ShelfSense team <team@shelfsense.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, libopenblas0-pthread, python3-pip")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-wqy-microhei")
set(CPACK_STRIP_FILES ON)
include(CPack)
