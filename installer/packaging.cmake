# CPack configuration (filled in by the installer work).
