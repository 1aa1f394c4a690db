#pragma once

#include <QString>

namespace infralab {

// Shows the main window, opening `fileName` when it is not empty, and runs the event loop.
// Needs a QApplication. Returns the event loop's exit status.
int runMainWindow(const QString &fileName);

} // namespace infralab
