# install() rules and CPack settings for the two Debian packages:
#   sangkien-server  sangkien-server, sangkienctl, the server and backup units,
#                    /etc/sangkien/server.conf, the operations docs
#   sangkien-kiosk   sangkien-kiosk, its cage session unit, /etc/sangkien/kiosk.conf
# scripts/package builds them from a release build; the packaging test packs
# the test build. Units, config templates and maintainer scripts live in
# packaging/.
include(GNUInstallDirs)
# cpack installs from the build as it is (scripts/package builds first),
# rather than building every target again before packing.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(SANGKIEN_PACKAGING_DIR ${PROJECT_SOURCE_DIR}/packaging)
# Debian's systemd looks here for units shipped by packages.
set(SANGKIEN_SYSTEMD_UNIT_DIR /lib/systemd/system)

install(TARGETS sangkien-server sangkienctl
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
install(FILES
    ${SANGKIEN_PACKAGING_DIR}/systemd/sangkien-server.service
    ${SANGKIEN_PACKAGING_DIR}/systemd/sangkien-backup.service
    ${SANGKIEN_PACKAGING_DIR}/systemd/sangkien-backup.timer
  DESTINATION ${SANGKIEN_SYSTEMD_UNIT_DIR} COMPONENT server)
install(FILES ${SANGKIEN_PACKAGING_DIR}/config/server.conf
  DESTINATION /etc/sangkien COMPONENT server)
install(FILES README.md docs/OPERATIONS.md
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/sangkien-server COMPONENT server)

if(SANGKIEN_BUILD_KIOSK)
  install(TARGETS sangkien-kiosk
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
  install(FILES ${SANGKIEN_PACKAGING_DIR}/systemd/sangkien-kiosk.service
    DESTINATION ${SANGKIEN_SYSTEMD_UNIT_DIR} COMPONENT kiosk)
  install(FILES ${SANGKIEN_PACKAGING_DIR}/config/kiosk.conf
    DESTINATION /etc/sangkien COMPONENT kiosk)
  install(FILES docs/OPERATIONS.md
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/sangkien-kiosk COMPONENT kiosk)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sangkien)
set(CPACK_PACKAGE_VENDOR "Sáng Kiến")
set(CPACK_PACKAGE_CONTACT "Sáng Kiến maintainers <sangkien@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEB_COMPONENT_INSTALL ON)
if(SANGKIEN_BUILD_KIOSK)
  set(CPACK_COMPONENTS_ALL server kiosk)
else()
  set(CPACK_COMPONENTS_ALL server)
endif()
# sangkien-server_0.1.0_amd64.deb and so on.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps computes the library dependencies from the binaries.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
# Maintainer scripts keep their 0755 and conffiles its 0644.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME sangkien-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
# adduser for the maintainer scripts; what shlibdeps cannot see is nothing
# else (SQLite, gRPC, ICU, libical, libsystemd are linked).
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser")
set(CPACK_COMPONENT_SERVER_DESCRIPTION
  "Sáng Kiến server: plans, tasks and proposals of a district\n\
The gRPC server on a SQLite database, the sangkienctl administration tool,\n\
systemd units for the server (Type=notify, watchdog, hardened) and a nightly\n\
checked backup, and /etc/sangkien/server.conf. No demo data is created.")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
  ${SANGKIEN_PACKAGING_DIR}/debian/server/postinst
  ${SANGKIEN_PACKAGING_DIR}/debian/server/prerm
  ${SANGKIEN_PACKAGING_DIR}/debian/server/postrm
  ${SANGKIEN_PACKAGING_DIR}/debian/server/conffiles)

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME sangkien-kiosk)
set(CPACK_DEBIAN_KIOSK_PACKAGE_SECTION x11)
# Loaded at run time, so shlibdeps cannot see them: the compositor, Qt's
# Wayland platform plugin, the QML modules the screens import, the font with
# Vietnamese marks, and pam_systemd for the tty1 session.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
  "adduser, cage, libpam-systemd, qt6-wayland, fonts-noto-core, \
qml6-module-qtqml, qml6-module-qtqml-models, qml6-module-qtqml-workerscript, \
qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, \
qml6-module-qtquick-templates, qml6-module-qtquick-window, \
qml6-module-qtquick-virtualkeyboard, qml6-module-qt-labs-folderlistmodel")
set(CPACK_COMPONENT_KIOSK_DESCRIPTION
  "Sáng Kiến kiosk for a commune office\n\
The Qt Quick touch kiosk, run full screen under cage on tty1 as its own\n\
user by sangkien-kiosk.service, and /etc/sangkien/kiosk.conf.")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
  ${SANGKIEN_PACKAGING_DIR}/debian/kiosk/postinst
  ${SANGKIEN_PACKAGING_DIR}/debian/kiosk/prerm
  ${SANGKIEN_PACKAGING_DIR}/debian/kiosk/postrm
  ${SANGKIEN_PACKAGING_DIR}/debian/kiosk/conffiles)

include(CPack)
