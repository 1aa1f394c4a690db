#pragma once

class QCoreApplication;

namespace infralab {

// Process-wide setup shared by the window and the command line, so `infralab validate` and
// the GUI report the same name and version and speak the same language.

// Name ("infralab"), display name, organization ("InfraLab") and version. Call before the
// application object exists; QSettings and QStandardPaths derive their paths from these.
void setApplicationMetadata();

// Qt's own translations (qtbase_<lang>) and ours (:/i18n/infralab_<lang>.qm) for
// QLocale::system(). Missing catalogues are not an error: English stays.
void installTranslators(QCoreApplication &app);

// Display name, window icon and desktop-file name (Wayland uses it to find the icon and the
// .desktop entry). Call once the QApplication exists.
void setupGuiApplication();

} // namespace infralab
