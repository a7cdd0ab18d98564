# Installing flowprint (`cmake --install`) and packaging it as a .deb
# (`cpack -G DEB` in the build directory): the binary, the man pages, the
# shell completions and the JSON Schema, in the standard places.
include(GNUInstallDirs)

install(FILES
          ${PROJECT_SOURCE_DIR}/man/flowprint.1
          ${PROJECT_SOURCE_DIR}/man/flowprint-validate.1
          ${PROJECT_SOURCE_DIR}/man/flowprint-diagram.1
          ${PROJECT_SOURCE_DIR}/man/flowprint-dry-run.1
          ${PROJECT_SOURCE_DIR}/man/flowprint-schema.1
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/completions/flowprint.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME flowprint)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_flowprint
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${PROJECT_SOURCE_DIR}/completions/flowprint.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES ${PROJECT_SOURCE_DIR}/schemas/blueprint.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/flowprint)

set(CPACK_PACKAGE_NAME flowprint)
set(CPACK_PACKAGE_VENDOR "flowprint")
set(CPACK_PACKAGE_CONTACT "flowprint maintainers <flowprint@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Validate, draw and dry-run authentik blueprints offline
 flowprint reads the YAML blueprints of the authentik identity provider and,
 without a server, validates them (text, JSON, SARIF, GitHub annotations),
 prints a flow as a Mermaid diagram, and dry-runs a flow for a user.")
# The runtime libraries (libyaml, mimalloc, libfmt, libstdc++, libc) are found by
# dpkg-shlibdeps from what the binary links.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_GENERATOR DEB)
include(CPack)
