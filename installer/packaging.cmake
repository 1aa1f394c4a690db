# Installation of the desktop integration files and the CPack configuration:
# DEB and TGZ on Linux, NSIS (+ZIP) on Windows, DragNDrop on macOS.
# `cpack -G DEB` in a build folder writes infralab_<version>_<arch>.deb;
# tests/package/check_deb.sh builds one and checks its contents.
include(GNUInstallDirs)

set(INFRALAB_APP_ID "org.infralab.InfraLab")

if(UNIX AND NOT APPLE)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/infralab.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications
            RENAME ${INFRALAB_APP_ID}.desktop)
    install(FILES ${CMAKE_CURRENT_LIST_DIR}/${INFRALAB_APP_ID}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
endif()

set(CPACK_PACKAGE_NAME "infralab")
set(CPACK_PACKAGE_VENDOR "InfraLab")
set(CPACK_PACKAGE_CONTACT "InfraLab maintainers <maintainers@infralab.example.org>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop lab for web infrastructure")
# Wrapped for `apt show`: Debian wants description lines under 80 columns.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Design a topology of web servers, reverse proxies, load balancers, API"
    "gateways, application servers, databases, caches and traffic generators,"
    "then run it for real on 127.0.0.1 with live charts and failure injection,"
    "and export it to nginx, HAProxy, docker compose, Kubernetes and Kong.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "InfraLab")
set(CPACK_PACKAGE_EXECUTABLES "infralab" "InfraLab")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build.*/" "/out/")

if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
    set(CPACK_NSIS_PACKAGE_NAME "InfraLab")
    set(CPACK_NSIS_DISPLAY_NAME "InfraLab ${PROJECT_VERSION}")
    set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\infralab.exe")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MODIFY_PATH ON)
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "InfraLab ${PROJECT_VERSION}")
    set(CPACK_DMG_FORMAT "UDZO")
else()
    set(CPACK_GENERATOR "DEB;TGZ")
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")

    set(CPACK_DEBIAN_PACKAGE_NAME "infralab")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION "net")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
    # Libraries the binary links come from dpkg-shlibdeps (dpkg-dev); plugins Qt loads at
    # run time do not show up there, so they are listed: the xcb/wayland platforms, the SVG
    # icon engine and image format, the SQLite driver.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, libqt6sql6-sqlite")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "curl, postgresql-client, redis-tools")
endif()

include(CPack)
