#include "guimain.h"

#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QTimer>

namespace infralab {

int runMainWindow(const QString &fileName)
{
    MainWindow window;
    // A file that cannot be opened is reported by the window itself; the window still
    // opens so the user can pick another one.
    if (!fileName.isEmpty())
        window.openFile(fileName);
    window.show();
    // After the window shows: what a crashed session left unsaved is offered first thing.
    QTimer::singleShot(0, &window, &MainWindow::offerRecovery);
    return QApplication::exec();
}

} // namespace infralab
